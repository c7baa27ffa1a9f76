namespace Sdc.Testing;

/// <summary>
/// The checkout the tests run in: the first folder above the test binaries that holds Sdc.sln.
/// Compiled into every test project (tests/Directory.Build.props), so no suite finds it its own way.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string PathOf(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Sdc.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Sdc.sln above {AppContext.BaseDirectory}");
    }
}
