namespace Sdc.States.Errors;

/// <summary><c>States.ResultPathMatchFailure</c>: ResultPath cannot be applied to the state's input.</summary>
public sealed class StatesResultPathMatchFailureException(string cause) : StatesException(StatesErrorNames.ResultPathMatchFailure, cause)
{
}
