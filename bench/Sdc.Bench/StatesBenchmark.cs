using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States;
using Sdc.States.Execution;
using Sdc.States.Time;

namespace Sdc.Bench;

/// <summary>
/// State transitions per second of the Amazon States Language interpreter, in process: a chain of
/// N Pass states passing their input through, the same chain with each state writing a small
/// Result at a ResultPath, and a Map over N items (MaxConcurrency 0) whose item processor is one
/// Pass state. A transition is a state entered, Map iterations' states included. The definitions
/// and inputs are written to a folder with a manifest, so that a peer interpreter
/// (bench/peers/run-asl.mjs) runs exactly the same ones.
/// </summary>
internal sealed class StatesBenchmark : IBenchmark
{
    public string Name => "states";

    public string Usage =>
        "[--states 10000] [--items 10000] [--runs 10] [--warmup 3] [--payload-kb N] [--definitions <folder>] " +
        "(payload-kb: pad the Pass chains' input to about N KiB; definitions: where to write the definitions and manifest.json for the peer; default: a new temp folder)";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var states = args.Int("states", 10_000);
        var items = args.Int("items", 10_000);
        var runs = args.Int("runs", 10);
        var warmup = args.Int("warmup", 3);
        var payloadKb = args.Text("payload-kb") is null ? 0 : args.Int("payload-kb", 0);
        var folder = args.Text("definitions") ?? Directory.CreateTempSubdirectory("sdc-states-bench-").FullName;
        args.RejectUnknown();

        var scenarios = StatesWorkload.Write(folder, states, items, payloadKb);
        Print($"states benchmark: {runs} timed runs per scenario after {warmup} warm-up(s); Pass chain input {(payloadKb == 0 ? "{\"id\":\"bench\"}" : $"padded to about {payloadKb} KiB")}; definitions in {folder}");
        Print($"machine: {Environment.ProcessorCount} core(s) visible to the process, {RuntimeInformation.OSDescription}, " +
              $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");

        foreach (var scenario in scenarios)
        {
            var definition = StateMachine.Parse(await File.ReadAllTextAsync(Path.Combine(folder, scenario.Definition), cancellationToken));
            var input = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, scenario.Input), cancellationToken));
            var times = new List<double>();
            for (var run = 0; run < warmup + runs; run++)
            {
                // A new engine per run so that finished executions (and their histories) do not pile up.
                var engine = new StateMachineEngine(definition, new EngineOptions { Clock = new VirtualStatesClock() });
                var runInput = input?.DeepClone();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var clock = Stopwatch.StartNew();
                var execution = await engine.RunAsync(runInput, cancellationToken: cancellationToken);
                var seconds = clock.Elapsed.TotalSeconds;
                if (execution.Status != ExecutionStatus.Succeeded)
                {
                    throw new InvalidOperationException($"{scenario.Name}: the execution {execution.Status}: {execution.Error}: {execution.Cause}");
                }
                scenario.Check(execution.Output);
                if (run == 0)
                {
                    var entered = execution.History.Count(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal));
                    if (entered != scenario.Transitions)
                    {
                        throw new InvalidOperationException($"{scenario.Name}: expected {scenario.Transitions} states entered, the history has {entered}.");
                    }
                }
                if (run >= warmup)
                {
                    times.Add(seconds);
                }
            }
            times.Sort();
            var median = times[times.Count / 2];
            Print($"{scenario.Name,-18} {scenario.Transitions,8:N0} transitions  median {median * 1000,8:0.0} ms  best {times[0] * 1000,8:0.0} ms  " +
                  $"{scenario.Transitions / median,12:N0} transitions/s  ({scenario.Description})");
            Print(string.Create(CultureInfo.InvariantCulture,
                $"RESULT impl=sdc scenario={scenario.Name} transitions={scenario.Transitions} runs={runs} median_s={median:0.000000} best_s={times[0]:0.000000} transitions_per_s={scenario.Transitions / median:0} cores={Environment.ProcessorCount}"));
        }
        return 0;
    }

    private static void Print(string line) => Console.WriteLine(line);
}

/// <summary>The benchmark's definitions and inputs, written once for both interpreters, with a manifest the peer reads.</summary>
internal static class StatesWorkload
{
    public static IReadOnlyList<StatesScenario> Write(string folder, int states, int items, int payloadKb)
    {
        Directory.CreateDirectory(folder);
        JsonObject ChainInput() => payloadKb == 0 ? new JsonObject { ["id"] = "bench" } : Padded(payloadKb);
        var scenarios = new[]
        {
            new StatesScenario("pass-chain", $"{states:N0} Pass states, input passed through", states,
                PassChain(states, withResult: false), ChainInput(),
                output => Require(output?["id"]?.GetValue<string>() == "bench", "pass-chain output lost its input")),
            new StatesScenario("pass-chain-result", $"{states:N0} Pass states, each a Result at ResultPath $.last", states,
                PassChain(states, withResult: true), ChainInput(),
                output => Require(output?["last"]?["step"]?.GetValue<int>() == states - 1, "pass-chain-result output lacks the last step")),
            new StatesScenario("map", $"Map over {items:N0} items, MaxConcurrency 0, one Pass state each", items + 1,
                Map(), new JsonObject { ["items"] = new JsonArray([.. Enumerable.Range(0, items).Select(i => (JsonNode)new JsonObject { ["i"] = i })]) },
                output => Require(output is JsonArray array && array.Count == items && array[^1]?["i"]?.GetValue<int>() == items - 1, "map output is not the items")),
        };
        var options = new JsonSerializerOptions { WriteIndented = false };
        foreach (var scenario in scenarios)
        {
            File.WriteAllText(Path.Combine(folder, scenario.Definition), scenario.DefinitionJson.ToJsonString(options));
            File.WriteAllText(Path.Combine(folder, scenario.Input), scenario.InputJson.ToJsonString(options));
        }
        var manifest = new JsonObject
        {
            ["scenarios"] = new JsonArray([.. scenarios.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["description"] = s.Description,
                ["definition"] = s.Definition,
                ["input"] = s.Input,
                ["transitions"] = s.Transitions,
            })]),
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return scenarios;
    }

    private static JsonObject PassChain(int count, bool withResult)
    {
        var states = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            var state = new JsonObject { ["Type"] = "Pass" };
            if (withResult)
            {
                state["Result"] = new JsonObject { ["step"] = i };
                state["ResultPath"] = "$.last";
            }
            if (i + 1 < count)
            {
                state["Next"] = Name(i + 1);
            }
            else
            {
                state["End"] = true;
            }
            states[Name(i)] = state;
        }
        return new JsonObject { ["StartAt"] = Name(0), ["States"] = states };
    }

    private static JsonObject Map() => new()
    {
        ["StartAt"] = "Each",
        ["States"] = new JsonObject
        {
            ["Each"] = new JsonObject
            {
                ["Type"] = "Map",
                ["ItemsPath"] = "$.items",
                ["MaxConcurrency"] = 0,
                ["ItemProcessor"] = new JsonObject
                {
                    ["ProcessorConfig"] = new JsonObject { ["Mode"] = "INLINE" },
                    ["StartAt"] = "Item",
                    ["States"] = new JsonObject { ["Item"] = new JsonObject { ["Type"] = "Pass", ["End"] = true } },
                },
                ["End"] = true,
            },
        },
    };

    // A document the size of a real pipeline's state: a list of file records, about kb KiB of JSON.
    private static JsonObject Padded(int kb)
    {
        var files = new JsonArray();
        var size = 0;
        for (var i = 0; size < kb * 1024; i++)
        {
            var file = new JsonObject { ["i"] = i, ["name"] = string.Create(CultureInfo.InvariantCulture, $"file_{i:D6}.fits"), ["ok"] = true };
            size += file.ToJsonString().Length + 1;
            files.Add(file);
        }
        return new JsonObject { ["id"] = "bench", ["files"] = files };
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"S{i:D5}");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}

/// <summary>One definition with its input, how many states a run enters, and a check of its output.</summary>
internal sealed record StatesScenario(
    string Name,
    string Description,
    int Transitions,
    JsonObject DefinitionJson,
    JsonNode InputJson,
    Action<JsonNode?> Check)
{
    public string Definition => $"{Name}.asl.json";

    public string Input => $"{Name}.input.json";
}
