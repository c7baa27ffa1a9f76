using Sdc.States.Tasks;

namespace Sdc.States.Mocks;

/// <summary>
/// One test case of one state machine in a mock config: which mocked response each Task state plays,
/// by state name (names are unique across a whole state machine, nested Map and Parallel states included).
/// </summary>
public sealed class MockTestCase
{
    internal MockTestCase(string stateMachineName, string name, IReadOnlyDictionary<string, MockedResponse> states)
    {
        StateMachineName = stateMachineName;
        Name = name;
        States = states;
    }

    public string StateMachineName { get; }

    public string Name { get; }

    /// <summary>Task state name → the mocked response it plays.</summary>
    public IReadOnlyDictionary<string, MockedResponse> States { get; }

    /// <summary>
    /// The Task states of <paramref name="machine"/> that this test case does not mock and that
    /// <paramref name="fallback"/> (the real handlers, if any) cannot run either. Run only when empty:
    /// otherwise the execution fails when it reaches one of them.
    /// </summary>
    public IReadOnlyList<(string State, string Resource)> MissingMocks(StateMachine machine, TaskResourceRegistry? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return machine.TaskResources()
            .Where(t => !States.ContainsKey(t.State) && fallback?.IsKnown(t.Resource) != true)
            .ToList();
    }

    /// <summary>States this test case mocks that are not Task states of <paramref name="machine"/>: usually a misspelt name.</summary>
    public IReadOnlyList<string> UnknownStates(StateMachine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var tasks = machine.TaskResources().Select(t => t.State).ToHashSet(StringComparer.Ordinal);
        return States.Keys.Where(state => !tasks.Contains(state)).Order(StringComparer.Ordinal).ToList();
    }
}
