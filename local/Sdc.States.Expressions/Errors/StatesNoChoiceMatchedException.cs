namespace Sdc.States.Errors;

/// <summary><c>States.NoChoiceMatched</c>: No Choice rule matched and there is no Default.</summary>
public sealed class StatesNoChoiceMatchedException(string cause) : StatesException(StatesErrorNames.NoChoiceMatched, cause)
{
}
