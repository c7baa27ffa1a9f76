using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.States.Validation;

/// <summary>A transition to another state of the same scope, and where it is written.</summary>
internal readonly record struct Transition(string Target, Site Site);

/// <summary>One state being validated: its JSON, where it is, its query language, and the transitions found in it.</summary>
internal sealed class StateNode(string name, string type, Site site, JsonObject json, QueryLanguage language, QueryLanguage machineLanguage)
{
    private readonly List<Transition> transitions = [];

    public string Name => name;

    /// <summary>The state type as it reads in messages: "Task state".</summary>
    public string Owner => $"{type} state";

    public Site Site => site;

    public JsonObject Json => json;

    public QueryLanguage Language => language;

    /// <summary>The machine's own query language, which the states of nested scopes default to.</summary>
    public QueryLanguage MachineLanguage => machineLanguage;

    public bool IsJsonPath => language == QueryLanguage.JsonPath;

    public bool IsJsonata => language == QueryLanguage.Jsonata;

    public ValidationContext Context => site.Context;

    public IReadOnlyList<Transition> Transitions => transitions;

    public Site Field(string field) => site.Field(field);

    /// <summary>Reads a transition field (<c>Next</c>, <c>Default</c>) of <paramref name="holder"/>; true when present.</summary>
    public bool AddTransition(JsonObject holder, Site holderSite, string field)
    {
        if (!holder.TryGetPropertyValue(field, out var node))
        {
            return false;
        }
        if (Fields.Kind(node) != JsonValueKind.String)
        {
            holderSite.Field(field).Report(ProblemCodes.InvalidFieldType, $"{field} must be the name of a state, not {Fields.Describe(node)}.");
            return true;
        }
        transitions.Add(new Transition(node!.GetValue<string>(), holderSite.Field(field)));
        return true;
    }
}
