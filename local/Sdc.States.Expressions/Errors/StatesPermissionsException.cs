namespace Sdc.States.Errors;

/// <summary><c>States.Permissions</c>: The execution lacks the privileges for the requested action.</summary>
public sealed class StatesPermissionsException(string cause) : StatesException(StatesErrorNames.Permissions, cause)
{
}
