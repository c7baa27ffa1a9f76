namespace Sdc.States.Errors;

/// <summary><c>States.BranchFailed</c>: A branch of a Parallel state or an iteration of a Map state failed.</summary>
public sealed class StatesBranchFailedException(string cause) : StatesException(StatesErrorNames.BranchFailed, cause)
{
}
