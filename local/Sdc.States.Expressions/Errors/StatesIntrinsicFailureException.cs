namespace Sdc.States.Errors;

/// <summary><c>States.IntrinsicFailure</c>: An intrinsic function failed: bad arguments or an invalid result.</summary>
public sealed class StatesIntrinsicFailureException(string cause) : StatesException(StatesErrorNames.IntrinsicFailure, cause)
{
}
