namespace Sdc.States.Validation.Tests;

/// <summary>Where the repository and what lies beside it are, found from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = global::Sdc.Testing.RepositoryRoot.Path;

    /// <summary>The AWS-recorded conformance cases, kept in the shared folder beside the repository.</summary>
    public static string Conformance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "asl-conformance"));

    public static string AslValidator => Path.Combine(Root, "tests", "tools", "node_modules", ".bin", "asl-validator");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");
}
