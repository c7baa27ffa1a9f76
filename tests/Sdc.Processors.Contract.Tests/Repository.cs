namespace Sdc.Processors.Contract.Tests;

/// <summary>The checkout the tests run in.</summary>
internal static class Repository
{
    public static string Root { get; } = global::Sdc.Testing.RepositoryRoot.Path;

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
