namespace Sdc.Formats.Tests.Support;

/// <summary>Test classes that talk to astropy share one python process.</summary>
[CollectionDefinition(Name)]
public sealed class ExternalToolsDefinition : ICollectionFixture<AstropyFixture>
{
    public const string Name = "astropy";
}
