using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sdc.States.Mocks;

/// <summary>
/// A mocked-responses file in the format of Step Functions Local (<c>MockConfigFile.json</c>):
/// <c>StateMachines</c> → state machine → <c>TestCases</c> → test case → Task state → mocked response name,
/// and <c>MockedResponses</c> → name → invocation key (<c>"0"</c>, <c>"1-2"</c>) →
/// <c>{ "Return": … }</c> or <c>{ "Throw": { "Error": …, "Cause": … } }</c>.
/// <see cref="Load"/> checks the whole file and reports every problem with where it is.
/// </summary>
public sealed partial class MockConfig
{
    private readonly Dictionary<string, Dictionary<string, MockTestCase>> _stateMachines;

    private MockConfig(Dictionary<string, Dictionary<string, MockTestCase>> stateMachines, IReadOnlyDictionary<string, MockedResponse> responses)
    {
        _stateMachines = stateMachines;
        MockedResponses = responses;
    }

    /// <summary>The state machine names, in file order.</summary>
    public IReadOnlyList<string> StateMachineNames => [.. _stateMachines.Keys];

    public IReadOnlyDictionary<string, MockedResponse> MockedResponses { get; }

    public bool HasStateMachine(string name) => _stateMachines.ContainsKey(name);

    /// <summary>The test case names of a state machine, in file order (empty for an unknown state machine).</summary>
    public IReadOnlyList<string> TestCaseNames(string stateMachine) =>
        _stateMachines.TryGetValue(stateMachine, out var cases) ? [.. cases.Keys] : [];

    /// <summary>A test case; throws <see cref="ArgumentException"/> naming what the file does have when it is not there.</summary>
    public MockTestCase TestCase(string stateMachine, string testCase)
    {
        if (!_stateMachines.TryGetValue(stateMachine, out var cases))
        {
            throw new ArgumentException(
                $"The mock config has no state machine '{stateMachine}'; it has {List(_stateMachines.Keys)}.");
        }
        return cases.TryGetValue(testCase, out var found)
            ? found
            : throw new ArgumentException(
                $"State machine '{stateMachine}' has no test case '{testCase}' in the mock config; it has {List(cases.Keys)}.");
    }

    public static MockConfig Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowDuplicateProperties = false,
            });
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}")
                : "";
            throw new MockConfigException([new MockConfigProblem("", $"The mock config is not valid JSON{where}: {reason}")]);
        }
        return new Reader().Read(root);
    }

    private static string List(IEnumerable<string> names)
    {
        var quoted = names.Select(n => $"'{n}'").ToList();
        return quoted.Count == 0 ? "none" : string.Join(", ", quoted);
    }

    [GeneratedRegex(@"^(\d{1,9})(?:-(\d{1,9}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeKey();

    /// <summary>One pass over the file, collecting problems instead of stopping at the first.</summary>
    private sealed class Reader
    {
        private readonly List<MockConfigProblem> _problems = [];
        private readonly HashSet<string> _invalidResponses = new(StringComparer.Ordinal);

        public MockConfig Read(JsonNode? root)
        {
            if (root is not JsonObject top)
            {
                throw new MockConfigException([new MockConfigProblem("", $"A mock config is a JSON object with StateMachines and MockedResponses, not {Kind(root)}.")]);
            }
            foreach (var (key, _) in top)
            {
                if (key is not ("StateMachines" or "MockedResponses"))
                {
                    var hint = key == "MockedResponse" ? " (did you mean MockedResponses?)" : key == "StateMachine" ? " (did you mean StateMachines?)" : "";
                    Problem("", $"unknown top-level field '{key}'{hint}; a mock config has StateMachines and MockedResponses");
                }
            }
            var responses = ReadResponses(ObjectField(top, "MockedResponses", ""));
            var machines = ReadStateMachines(ObjectField(top, "StateMachines", ""), responses);
            if (_problems.Count > 0)
            {
                throw new MockConfigException(_problems);
            }
            return new MockConfig(machines, responses);
        }

        private Dictionary<string, MockedResponse> ReadResponses(JsonObject? json)
        {
            var responses = new Dictionary<string, MockedResponse>(StringComparer.Ordinal);
            foreach (var (name, value) in json ?? [])
            {
                var where = $"mocked response '{name}'";
                _invalidResponses.Add(name);
                if (value is not JsonObject keys)
                {
                    Problem(where, $"must be an object of invocation keys (\"0\", \"1-2\"…), not {Kind(value)}");
                    continue;
                }
                if (keys.Count == 0)
                {
                    Problem(where, "has no invocation keys; give at least \"0\"");
                    continue;
                }
                var ranges = new List<MockedResponseRange>();
                foreach (var (key, entry) in keys)
                {
                    if (ReadRange(where, key, entry) is { } range)
                    {
                        ranges.Add(range);
                    }
                }
                if (ranges.Count == keys.Count && CheckContiguous(where, ranges))
                {
                    responses[name] = new MockedResponse(name, [.. ranges.OrderBy(r => r.First)]);
                    _invalidResponses.Remove(name);
                }
            }
            return responses;
        }

        private MockedResponseRange? ReadRange(string response, string key, JsonNode? entry)
        {
            var where = $"{response}, key '{key}'";
            var range = ParseKey(key);
            if (range is null)
            {
                Problem(where, RangeKey().IsMatch(key)
                    ? "a range must not end before it starts (write \"1-2\", not \"2-1\")"
                    : "an invocation key is a number counting from 0 (\"0\") or an inclusive range (\"1-2\")");
            }
            var outcome = ReadOutcome(where, entry);
            return range is { } r && outcome is not null ? new MockedResponseRange(key, r.First, r.Last, outcome) : null;
        }

        private static (int First, int Last)? ParseKey(string key)
        {
            var match = RangeKey().Match(key);
            if (!match.Success)
            {
                return null;
            }
            var first = int.Parse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var last = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture) : first;
            return last >= first ? (first, last) : null;
        }

        private MockedOutcome? ReadOutcome(string where, JsonNode? entry)
        {
            if (entry is not JsonObject json)
            {
                Problem(where, $"must be an object with Return or Throw, not {Kind(entry)}");
                return null;
            }
            var hasReturn = json.TryGetPropertyValue("Return", out var returned);
            var hasThrow = json.TryGetPropertyValue("Throw", out var thrown);
            foreach (var (field, _) in json)
            {
                if (field is not ("Return" or "Throw"))
                {
                    Problem(where, $"unknown field '{field}'; a mocked invocation has exactly one of Return and Throw");
                }
            }
            if (hasReturn == hasThrow)
            {
                Problem(where, hasReturn ? "has both Return and Throw; give one" : "needs Return (the task's result) or Throw (its error)");
                return null;
            }
            return hasReturn ? new MockedOutcome.Returns(returned?.DeepClone()) : ReadThrow(where + ", Throw", thrown);
        }

        private MockedOutcome.Throws? ReadThrow(string where, JsonNode? json)
        {
            if (json is not JsonObject error)
            {
                Problem(where, $"must be an object with Error and Cause, not {Kind(json)}");
                return null;
            }
            foreach (var (field, _) in error)
            {
                if (field is not ("Error" or "Cause"))
                {
                    Problem(where, $"unknown field '{field}'; Throw has Error and Cause");
                }
            }
            var name = StringField(error, "Error", where, required: true);
            var cause = StringField(error, "Cause", where, required: false);
            return name is { Length: > 0 } ? new MockedOutcome.Throws(name, cause) : null;
        }

        // Step Functions Local numbers invocations from 0 and wants one response for each: a gap or
        // an overlap is a mistake in the file, so it is reported now rather than when a run reaches it.
        private bool CheckContiguous(string where, List<MockedResponseRange> ranges)
        {
            var ok = true;
            var next = 0;
            MockedResponseRange? previous = null;
            foreach (var range in ranges.OrderBy(r => r.First).ThenBy(r => r.Last))
            {
                if (range.First > next)
                {
                    Problem($"{where}, key '{range.Key}'", string.Create(CultureInfo.InvariantCulture,
                        $"invocation {next}{(range.First - 1 > next ? $" to {range.First - 1}" : "")} has no response; keys must cover every invocation from 0 without gaps"));
                    ok = false;
                }
                else if (range.First < next)
                {
                    Problem($"{where}, key '{range.Key}'", string.Create(CultureInfo.InvariantCulture,
                        $"overlaps key '{previous!.Key}' (invocation {range.First} is given twice)"));
                    ok = false;
                }
                next = Math.Max(next, range.Last + 1);
                previous = range;
            }
            return ok;
        }

        private Dictionary<string, Dictionary<string, MockTestCase>> ReadStateMachines(JsonObject? json, Dictionary<string, MockedResponse> responses)
        {
            var machines = new Dictionary<string, Dictionary<string, MockTestCase>>(StringComparer.Ordinal);
            foreach (var (machine, value) in json ?? [])
            {
                var where = $"state machine '{machine}'";
                if (value is not JsonObject body)
                {
                    Problem(where, $"must be an object with TestCases, not {Kind(value)}");
                    continue;
                }
                foreach (var (field, _) in body)
                {
                    if (field != "TestCases")
                    {
                        Problem(where, $"unknown field '{field}'; a state machine has only TestCases");
                    }
                }
                var cases = new Dictionary<string, MockTestCase>(StringComparer.Ordinal);
                foreach (var (testCase, states) in ObjectField(body, "TestCases", where) ?? [])
                {
                    if (ReadTestCase(machine, testCase, states, responses) is { } read)
                    {
                        cases[testCase] = read;
                    }
                }
                machines[machine] = cases;
            }
            return machines;
        }

        private MockTestCase? ReadTestCase(string machine, string testCase, JsonNode? json, Dictionary<string, MockedResponse> responses)
        {
            var where = $"state machine '{machine}', test case '{testCase}'";
            if (json is not JsonObject states)
            {
                Problem(where, $"must be an object mapping Task state names to mocked response names, not {Kind(json)}");
                return null;
            }
            var mocks = new Dictionary<string, MockedResponse>(StringComparer.Ordinal);
            foreach (var (state, value) in states)
            {
                var stateWhere = $"{where}, state '{state}'";
                if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    Problem(stateWhere, $"must name a mocked response (a string), not {Kind(value)}");
                    continue;
                }
                var response = v.GetValue<string>();
                if (responses.TryGetValue(response, out var found))
                {
                    mocks[state] = found;
                }
                else if (!_invalidResponses.Contains(response))
                {
                    // A response with problems of its own was reported already; only a missing one is news here.
                    Problem(stateWhere, $"uses mocked response '{response}', which MockedResponses does not define");
                }
            }
            return new MockTestCase(machine, testCase, mocks);
        }

        private JsonObject? ObjectField(JsonObject json, string field, string where)
        {
            if (!json.TryGetPropertyValue(field, out var value))
            {
                Problem(where, $"{field} is missing");
                return null;
            }
            if (value is JsonObject found)
            {
                return found;
            }
            Problem(where, $"{field} must be an object, not {Kind(value)}");
            return null;
        }

        private string? StringField(JsonObject json, string field, string where, bool required)
        {
            if (!json.TryGetPropertyValue(field, out var value))
            {
                if (required)
                {
                    Problem(where, $"{field} is missing");
                }
                return null;
            }
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is var text && (text.Length > 0 || !required))
            {
                return text;
            }
            Problem(where, $"{field} must be a{(required ? " non-empty" : "")} string, not {Kind(value)}");
            return null;
        }

        private void Problem(string location, string message) => _problems.Add(new MockConfigProblem(location, message));

        private static string Kind(JsonNode? node) => node switch
        {
            null => "null",
            JsonObject => "an object",
            JsonArray => "an array",
            _ => node.GetValueKind() switch
            {
                JsonValueKind.String => $"the string {node.ToJsonString()}",
                JsonValueKind.Number => $"the number {node.ToJsonString()}",
                _ => node.ToJsonString(),
            },
        };
    }
}
