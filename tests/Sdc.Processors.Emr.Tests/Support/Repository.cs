namespace Sdc.Processors.Emr.Tests.Support;

/// <summary>The checkout the tests run in (found from the test binary upwards).</summary>
internal static class Repository
{
    public static string Root { get; } = global::Sdc.Testing.RepositoryRoot.Path;

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
