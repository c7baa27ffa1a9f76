using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States;
using Sdc.States.Execution;
using Sdc.States.Mocks;
using Sdc.States.Time;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc states run &lt;definition.json&gt; [--input file|-] [--mock-config file --test-case name]
/// [--state-machine name] [--virtual-time]</c>: runs a definition in the local interpreter and prints
/// the execution's output (exit 0) or <c>{"error", "cause"}</c> (exit 1), both on stdout. Task states
/// play a test case of a Step Functions Local mock config; nothing calls AWS.
/// </summary>
internal static class StatesRunCommand
{
    private static readonly JsonSerializerOptions Printed = new()
    {
        WriteIndented = true,
        // Output is for people and jq, not for an HTML page: keep "é" and "<" as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static Command Create()
    {
        var definition = new Argument<string>("definition") { Description = "State machine definition (JSON) to run" };
        var input = new Option<string?>("--input") { Description = "Execution input: a JSON file, or - for standard input (default: {})" };
        var mockConfig = new Option<string?>("--mock-config")
        {
            Description = "Step Functions Local mock config (MockConfigFile.json) whose test case answers the Task states",
        };
        var testCase = new Option<string?>("--test-case") { Description = "Test case of the mock config to play (needs --mock-config)" };
        var stateMachine = new Option<string?>("--state-machine")
        {
            Description = "State machine name in the mock config (default: the definition's file name, else the config's only one)",
        };
        var virtualTime = new Option<bool>("--virtual-time")
        {
            Description = "Run Wait states, retry back-off and timeouts on a simulated clock, instantly (default: real time)",
        };
        var run = new Command("run", "Run a definition locally and print its output; Task states play a mock config's test case")
        {
            definition, input, mockConfig, testCase, stateMachine, virtualTime,
        };
        run.SetAction((parse, ct) => CommandRunner.RunAsync(token => RunAsync(new Request(
            Path.GetFullPath(parse.GetValue(definition)!),
            parse.GetValue(input),
            parse.GetValue(mockConfig) is { } config ? Path.GetFullPath(config) : null,
            parse.GetValue(testCase),
            parse.GetValue(stateMachine),
            parse.GetValue(virtualTime)), token), ct));
        return run;
    }

    private static async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        var machine = ParseDefinition(request.DefinitionPath);
        var input = request.Input is null ? new JsonObject() : await ReadInputAsync(request.Input, cancellationToken);
        var options = new EngineOptions
        {
            Clock = request.VirtualTime ? new VirtualStatesClock(DateTimeOffset.UtcNow) : SystemStatesClock.Instance,
        };

        StateMachineEngine engine;
        if (request.MockConfigPath is null)
        {
            if (request.TestCase is not null)
            {
                throw new UserError("--test-case needs --mock-config (the file that defines the test case).");
            }
            var tasks = machine.TaskResources().ToList();
            if (tasks.Count > 0)
            {
                throw new UserError(
                    $"{request.DefinitionPath} has Task states, and `states run` calls no real service: give --mock-config <file> --test-case <name> " +
                    $"to mock {string.Join(", ", tasks.Select(t => $"'{t.State}' ({t.Resource})"))}.");
            }
            engine = new StateMachineEngine(machine, options with { StateMachineName = request.StateMachine ?? DefinitionStem(request.DefinitionPath) });
        }
        else
        {
            var config = LoadMockConfig(request.MockConfigPath);
            var name = ResolveStateMachine(request, config);
            if (request.TestCase is null)
            {
                throw new UserError($"--mock-config needs --test-case: one of {string.Join(", ", config.TestCaseNames(name).Select(c => $"'{c}'"))} (state machine '{name}').");
            }
            var testCase = config.TestCase(name, request.TestCase);
            foreach (var unknown in testCase.UnknownStates(machine))
            {
                Terminal.Err.MarkupLineInterpolated($"[yellow]warning:[/] test case '{testCase.Name}' mocks '{unknown}', which is not a Task state of {request.DefinitionPath}.");
            }
            engine = MockTaskHandler.CreateEngine(machine, testCase, options with { StateMachineName = name });
        }

        var execution = await engine.RunAsync(input, cancellationToken: cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (execution.Status == ExecutionStatus.Succeeded)
        {
            Console.Out.WriteLine(execution.Output?.ToJsonString(Printed) ?? "null");
            return 0;
        }
        var failure = new JsonObject { ["error"] = execution.Error ?? execution.Status.ToString(), ["cause"] = execution.Cause };
        Console.Out.WriteLine(failure.ToJsonString(Printed));
        return 1;
    }

    private static StateMachine ParseDefinition(string path)
    {
        if (ReadJson(ReadText(path), path) is not JsonObject definition)
        {
            throw new UserError($"{path} is not a state machine definition: the top level must be a JSON object.");
        }
        try
        {
            return StateMachine.Parse(definition);
        }
        catch (StateMachineValidationException e)
        {
            throw new UserError($"{path} is not a valid state machine definition ({e.Problems.Count} problem(s)):{Environment.NewLine}" +
                string.Join(Environment.NewLine, e.Problems.Select(p =>
                    $"  {p.StateName ?? "(top level)"}: {(p.Path.Length == 0 ? "(definition)" : p.Path)}: {p.Message} [{p.Code}]")));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Validation should have caught it; if the parser still fails, point at the checker.
            throw new UserError($"{path} is not a definition the interpreter can run ({e.Message}); `sdc states validate {path}` lists its problems.");
        }
    }

    private static async Task<JsonNode?> ReadInputAsync(string input, CancellationToken cancellationToken)
    {
        if (input == "-")
        {
            return ReadJson(await Console.In.ReadToEndAsync(cancellationToken), "the input on standard input");
        }
        var path = Path.GetFullPath(input);
        return ReadJson(ReadText(path), path);
    }

    private static MockConfig LoadMockConfig(string path)
    {
        try
        {
            return MockConfig.Load(ReadText(path));
        }
        catch (MockConfigException e)
        {
            throw new UserError($"{path} is not a usable mock config:{Environment.NewLine}" +
                string.Join(Environment.NewLine, e.Problems.Select(p => $"  {p}")));
        }
    }

    // A name given wins; otherwise the definition's file name (pipeline.asl.json → "pipeline.asl" or "pipeline"),
    // as Step Functions Local needs the state machine created under the name its config uses; else the only one.
    private static string ResolveStateMachine(Request request, MockConfig config)
    {
        var known = string.Join(", ", config.StateMachineNames.Select(n => $"'{n}'"));
        if (request.StateMachine is { } given)
        {
            return config.HasStateMachine(given)
                ? given
                : throw new UserError($"{request.MockConfigPath} has no state machine '{given}'; it has {known}.");
        }
        var stem = DefinitionStem(request.DefinitionPath);
        foreach (var candidate in new[] { stem, Path.GetFileNameWithoutExtension(stem) })
        {
            if (config.HasStateMachine(candidate))
            {
                return candidate;
            }
        }
        return config.StateMachineNames.Count == 1
            ? config.StateMachineNames[0]
            : throw new UserError($"{request.MockConfigPath} has no state machine named '{stem}' after the definition file; give --state-machine, one of {known}.");
    }

    private static string DefinitionStem(string path) => Path.GetFileNameWithoutExtension(path);

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"Cannot read {path}: {e.Message}");
        }
    }

    private static JsonNode? ReadJson(string text, string what)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new UserError($"{what} is not valid JSON{where}: {reason}");
        }
    }

    private sealed record Request(
        string DefinitionPath,
        string? Input,
        string? MockConfigPath,
        string? TestCase,
        string? StateMachine,
        bool VirtualTime);
}
