namespace Sdc.States.Errors;

/// <summary><c>States.TaskFailed</c>: A Task state failed during execution.</summary>
public sealed class StatesTaskFailedException(string cause) : StatesException(StatesErrorNames.TaskFailed, cause)
{
}
