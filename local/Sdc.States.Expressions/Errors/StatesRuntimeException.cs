namespace Sdc.States.Errors;

/// <summary><c>States.Runtime</c>: An execution failed due to an exception it could not process: an invalid path, a wrong type, a value out of range.</summary>
public sealed class StatesRuntimeException(string cause) : StatesException(StatesErrorNames.Runtime, cause)
{

    public override bool IsRecoverable => false;
}
