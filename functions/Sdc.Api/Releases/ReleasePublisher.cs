using System.Text.Json;
using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Storage;

namespace Sdc.Api.Releases;

/// <summary>
/// Cuts a public release: the catalog freezes the latest product versions up to the cutoff and
/// this writes the release manifest (every file with its checksums) to
/// <c>public:releases/&lt;N&gt;/manifest.json</c> before the catalog commits, so a release is
/// never visible without its manifest.
/// </summary>
public sealed class ReleasePublisher(ICatalog catalog, IObjectStore store, TimeProvider clock)
{
    public const string ManifestPrefix = "releases/";

    public Task<Release> CreateAsync(DateTimeOffset cutoff, string? notes, CancellationToken cancellationToken) =>
        catalog.Releases.CreateAsync(cutoff, notes, clock.GetUtcNow(), WriteManifestAsync, cancellationToken);

    public static string ManifestKey(int number) => $"{ManifestPrefix}{number}/manifest.json";

    private async Task<string> WriteManifestAsync(Release release, IAsyncEnumerable<CatalogFile> files, CancellationToken cancellationToken)
    {
        // Streamed to a temporary file: a release of a whole mission is too big to build in memory.
        var temp = Path.GetTempFileName();
        try
        {
            await using (var output = File.Create(temp))
            await using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteNumber("release", release.Number);
                json.WriteString("name", release.Name);
                json.WriteString("cutoff", Http.ApiTime.Format(release.Cutoff));
                json.WriteString("createdAt", Http.ApiTime.Format(release.CreatedAt));
                json.WriteString("notes", release.Notes);
                json.WriteNumber("fileCount", release.FileCount);
                json.WriteStartArray("files");
                await foreach (var file in files.WithCancellation(cancellationToken))
                {
                    json.WriteStartObject();
                    json.WriteNumber("id", file.Id);
                    json.WriteString("name", Endpoints.ProductViews.NameOf(file));
                    json.WriteString("key", file.Key);
                    json.WriteString("instrument", file.Instrument);
                    json.WriteString("level", file.Level);
                    json.WriteString("version", Endpoints.ProductViews.VersionOf(file));
                    json.WriteNumber("sizeBytes", file.SizeBytes);
                    json.WriteString("md5", file.Md5);
                    json.WriteString("sha256", file.Sha256);
                    json.WriteEndObject();
                    if (json.BytesPending > 64 * 1024)
                    {
                        await json.FlushAsync(cancellationToken);
                    }
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }

            var key = ManifestKey(release.Number);
            await using var content = File.OpenRead(temp);
            await store.PutAsync(Buckets.Public, key, content, null, cancellationToken);
            return key;
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
