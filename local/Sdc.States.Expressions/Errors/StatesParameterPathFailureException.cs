namespace Sdc.States.Errors;

/// <summary><c>States.ParameterPathFailure</c>: A path in a field whose name ends in .$ did not resolve.</summary>
public sealed class StatesParameterPathFailureException(string cause) : StatesException(StatesErrorNames.ParameterPathFailure, cause)
{
}
