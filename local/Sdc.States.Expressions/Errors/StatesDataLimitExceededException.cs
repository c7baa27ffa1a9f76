namespace Sdc.States.Errors;

/// <summary><c>States.DataLimitExceeded</c>: A state's input, output or result exceeded 256 KiB, Step Functions' payload limit.</summary>
public sealed class StatesDataLimitExceededException(string cause) : StatesException(StatesErrorNames.DataLimitExceeded, cause)
{

    public override bool IsRecoverable => false;
}
