namespace Sdc.States.Validation.Tests;

/// <summary>Where the repository and what lies beside it are, found from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The AWS-recorded conformance cases, kept in the shared folder beside the repository.</summary>
    public static string Conformance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "asl-conformance"));

    public static string AslValidator => Path.Combine(Root, "tests", "tools", "node_modules", ".bin", "asl-validator");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sdc.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Sdc.sln above {AppContext.BaseDirectory}");
    }
}
