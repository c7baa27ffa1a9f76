namespace Sdc.Cli;

/// <summary>A problem with what the user asked for (not a bug): printed plainly, exit code 2.</summary>
internal sealed class UserError(string message) : Exception(message);
