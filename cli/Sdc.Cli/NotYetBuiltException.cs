namespace Sdc.Cli;

/// <summary>A command whose machinery does not exist yet: says which part is missing, exit code 3.</summary>
internal sealed class NotYetBuiltException(string part) : Exception($"not yet built: {part}")
{
    public const int ExitCode = 3;
}
