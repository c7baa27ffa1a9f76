namespace Sdc.States.Expressions.Tests.Support;

internal static class RepositoryRoot
{
    /// <summary>The directory holding Sdc.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sdc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Sdc.sln above {AppContext.BaseDirectory}.");
    }
}
