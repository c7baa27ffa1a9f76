namespace Sdc.States.Expressions.Tests.Support;

internal static class RepositoryRoot
{
    /// <summary>The directory holding Sdc.sln, found by walking up from the test binaries.</summary>
    public static string Find() => global::Sdc.Testing.RepositoryRoot.Path;
}
