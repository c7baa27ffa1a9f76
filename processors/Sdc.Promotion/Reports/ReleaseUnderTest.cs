namespace Sdc.Promotion.Reports;

/// <summary>A processor release a validation ran, and the command that ran it.</summary>
/// <param name="Digest">The image digest versions.json gives (promotion checks it against staging's), or null.</param>
public sealed record ReleaseUnderTest(string Name, string Version, string Image, string? Digest, string Command);
