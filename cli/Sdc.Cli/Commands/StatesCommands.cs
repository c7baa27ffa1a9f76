using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States.Validation;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary><c>sdc states validate &lt;definition.json&gt;</c>: Amazon States Language definitions, checked before they run.</summary>
internal static class StatesCommands
{
    public static Command Create()
    {
        var states = new Command("states", "Check and run Amazon States Language state machine definitions");
        states.Add(Validate());
        states.Add(StatesRunCommand.Create());
        return states;
    }

    private static Command Validate()
    {
        var file = new Argument<string>("definition") { Description = "State machine definition (JSON) to check" };
        var validate = new Command("validate", "Check a definition with the rules Step Functions applies; every problem is listed with its state") { file };
        validate.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            var problems = StateMachineValidator.Validate(ReadJson(path), ValidationOptions.Default);
            if (problems.Count == 0)
            {
                Terminal.Out.MarkupLine($"[green]{Markup.Escape(path)} is a valid state machine definition.[/]");
                return Task.FromResult(0);
            }
            foreach (var problem in problems)
            {
                Terminal.Error($"{problem.StateName ?? "(top level)"}: {(problem.Path.Length == 0 ? "(definition)" : problem.Path)}: {problem.Message} [{problem.Code}]");
            }
            Terminal.Error($"{problems.Count} problem(s) in {path}.");
            return Task.FromResult(CommandRunner.BadInput);
        }, ct));
        return validate;
    }

    private static JsonNode? ReadJson(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"Cannot read {path}: {e.Message}");
        }
        try
        {
            // A key twice in one object is an error AWS reports too; rejecting it here gives its line.
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
            var (line, position) = e.LineNumber is { } l ? (l + 1, (e.BytePositionInLine ?? 0) + 1) : FindDuplicateKey(text);
            throw new UserError($"{path} is not valid JSON at line {line}, position {position}: {reason}");
        }
    }

    // The duplicate-key error carries no position; find the second occurrence of the key by reading the text again.
    private static (long Line, long Position) FindDuplicateKey(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes);
        var keys = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    keys.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    keys.Pop();
                    break;
                case JsonTokenType.PropertyName when !keys.Peek().Add(reader.GetString()!):
                    var before = bytes.AsSpan(0, (int)reader.TokenStartIndex);
                    var lineStart = before.LastIndexOf((byte)'\n') + 1;
                    return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
            }
        }
        return (0, 0);
    }
}
