namespace Sdc.States.Validation;

/// <summary>The stable codes of <see cref="ValidationProblem.Code"/>: one per rule.</summary>
public static class ProblemCodes
{
    /// <summary>The definition, a state, a branch or a rule is not a JSON object.</summary>
    public const string NotAnObject = "NOT_AN_OBJECT";
    /// <summary>A required field is absent.</summary>
    public const string MissingField = "MISSING_FIELD";
    /// <summary>A field this state type (or object) does not have.</summary>
    public const string FieldNotAllowed = "FIELD_NOT_ALLOWED";
    /// <summary>A field holds the wrong JSON type (a string where a number is expected, …).</summary>
    public const string InvalidFieldType = "INVALID_FIELD_TYPE";
    /// <summary>A field holds a value outside its allowed set (an enumeration, <c>End</c> other than true, …).</summary>
    public const string InvalidValue = "INVALID_VALUE";
    /// <summary>A number outside its allowed range.</summary>
    public const string OutOfRange = "OUT_OF_RANGE";
    /// <summary>An array that must hold at least one element is empty.</summary>
    public const string EmptyArray = "EMPTY_ARRAY";
    /// <summary>Two fields that exclude each other are both present (or of a set of which exactly one is required, several are).</summary>
    public const string MutuallyExclusiveFields = "MUTUALLY_EXCLUSIVE_FIELDS";

    /// <summary><c>StartAt</c> names no state of its scope.</summary>
    public const string StartAtNotFound = "START_AT_NOT_FOUND";
    /// <summary>A <c>Next</c> or <c>Default</c> names no state of its scope.</summary>
    public const string TransitionTargetNotFound = "TRANSITION_TARGET_NOT_FOUND";
    /// <summary>A state that must end with <c>Next</c> or <c>End</c> has neither.</summary>
    public const string MissingNext = "MISSING_NEXT";
    /// <summary>A state has both <c>Next</c> and <c>End</c>.</summary>
    public const string NextAndEnd = "NEXT_AND_END";
    /// <summary>No path from <c>StartAt</c> leads to the state.</summary>
    public const string UnreachableState = "UNREACHABLE_STATE";
    /// <summary>A scope (the machine, a branch, an item processor) has no state that ends it.</summary>
    public const string MissingTerminalState = "MISSING_TERMINAL_STATE";
    /// <summary>A state name used twice in the machine (names are unique across all scopes).</summary>
    public const string DuplicateStateName = "DUPLICATE_STATE_NAME";
    /// <summary>A state name that is empty.</summary>
    public const string InvalidStateName = "INVALID_STATE_NAME";
    /// <summary>A state name longer than 80 characters.</summary>
    public const string StateNameTooLong = "STATE_NAME_TOO_LONG";
    /// <summary><c>Type</c> is not one of the eight state types.</summary>
    public const string InvalidStateType = "INVALID_STATE_TYPE";
    /// <summary><c>QueryLanguage</c> is JSONata and the host does not evaluate JSONata.</summary>
    public const string UnsupportedQueryLanguage = "UNSUPPORTED_QUERY_LANGUAGE";

    /// <summary>A Task's <c>Resource</c> is not in the host's registry.</summary>
    public const string UnknownResource = "UNKNOWN_RESOURCE";
    /// <summary>A Task's <c>HeartbeatSeconds</c> is not smaller than its <c>TimeoutSeconds</c>.</summary>
    public const string HeartbeatNotBelowTimeout = "HEARTBEAT_NOT_BELOW_TIMEOUT";
    /// <summary>A timestamp that is not RFC 3339 (uppercase T, and Z or a numeric offset).</summary>
    public const string InvalidTimestamp = "INVALID_TIMESTAMP";

    /// <summary><c>States.ALL</c> shares its <c>ErrorEquals</c> with other error names.</summary>
    public const string StatesAllNotAlone = "STATES_ALL_NOT_ALONE";
    /// <summary>A retrier or catcher naming <c>States.ALL</c> is followed by another.</summary>
    public const string StatesAllNotLast = "STATES_ALL_NOT_LAST";

    /// <summary>A choice rule with no comparison operator (nor And/Or/Not).</summary>
    public const string MissingComparisonOperator = "MISSING_COMPARISON_OPERATOR";
    /// <summary>A choice rule with more than one comparison operator (or And/Or/Not).</summary>
    public const string MultipleComparisonOperators = "MULTIPLE_COMPARISON_OPERATORS";

    /// <summary>A Path field (InputPath, OutputPath, ItemsPath, a <c>.$</c> value, a choice <c>Variable</c>, …) is not valid JSONPath.</summary>
    public const string InvalidPath = "INVALID_PATH";
    /// <summary>A field that takes a Reference Path (ResultPath, SecondsPath, …) holds something else.</summary>
    public const string InvalidReferencePath = "INVALID_REFERENCE_PATH";
    /// <summary>A <c>.$</c> value (or Fail <c>ErrorPath</c>/<c>CausePath</c>) that is not a valid intrinsic function call.</summary>
    public const string InvalidIntrinsic = "INVALID_INTRINSIC";
    /// <summary>A payload template holds both <c>name</c> and <c>name.$</c>, or a <c>.$</c> field that is not a string.</summary>
    public const string InvalidPayloadTemplate = "INVALID_PAYLOAD_TEMPLATE";
}
