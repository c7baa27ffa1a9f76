namespace Sdc.Ingest.Manifests;

/// <summary>
/// A processing manifest under <c>archive:manifests/</c>: the new inputs of one delivery (or of
/// one quiet period of sidecar files). Its object starts one pipeline execution, named after
/// <see cref="Manifest"/>, so the same manifest never starts two.
/// </summary>
/// <param name="Source"><c>delivery</c> or <c>sidecar</c>.</param>
/// <param name="Delivery">The delivery record's name, for <c>delivery</c> manifests.</param>
public sealed record ProcessingManifest(
    string Manifest,
    DateTimeOffset Created,
    string Source,
    string? Delivery,
    IReadOnlyList<ManifestFile> Files);
