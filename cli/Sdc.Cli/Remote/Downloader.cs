using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Sdc.Cli.Remote;

/// <summary>
/// Fetches files in parallel into a folder, the way a scientist wants a big download to behave:
/// a file already there with the right SHA-256 is skipped; an interrupted one resumes from its
/// <c>.part</c> file with a byte-range request; every file is hashed as it is written and only
/// renamed to its name when the SHA-256 matches the catalog's, so a file under its final name is
/// always whole and right.
/// </summary>
internal sealed class Downloader(HttpClient http, int parallelism)
{
    public const string PartSuffix = ".part";

    private const int BufferBytes = 1 << 20;

    private const int ChunkBytes = 512 << 10;

    /// <summary>Called with (item, bytes so far) as bytes arrive.</summary>
    public Action<DownloadItem, long>? Progress { get; init; }

    public async Task<IReadOnlyDictionary<DownloadItem, (DownloadOutcome Outcome, string? Error)>> DownloadAsync(
        IReadOnlyList<DownloadItem> items, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var results = new System.Collections.Concurrent.ConcurrentDictionary<DownloadItem, (DownloadOutcome, string?)>();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (item, token) => results[item] = await DownloadOneAsync(item, folder, token));
        return results;
    }

    private async Task<(DownloadOutcome, string?)> DownloadOneAsync(DownloadItem item, string folder, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, SafeName(item.Name));
        if (File.Exists(target) && new FileInfo(target).Length == item.SizeBytes && await HashFileAsync(target, cancellationToken) == item.Sha256)
        {
            Progress?.Invoke(item, item.SizeBytes);
            return (DownloadOutcome.AlreadyPresent, null);
        }

        var part = target + PartSuffix;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long have = 0;
        if (File.Exists(part) && new FileInfo(part).Length is var length and > 0 && length <= item.SizeBytes)
        {
            // Resume: the bytes already here are hashed first, then the rest is asked for.
            have = await HashIntoAsync(part, hash, cancellationToken);
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, item.Url);
            if (have > 0 && have < item.SizeBytes)
            {
                request.Headers.Range = new RangeHeaderValue(have, null);
            }
            if (have < item.SizeBytes)
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (have > 0 && response.StatusCode == HttpStatusCode.OK)
                {
                    // The server ignored the range: start over.
                    have = 0;
                    hash.GetHashAndReset();
                }
                else if (!response.IsSuccessStatusCode)
                {
                    return (DownloadOutcome.Failed, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}" +
                        (response.StatusCode == HttpStatusCode.Forbidden ? " (the URL may have expired: run the command again)" : ""));
                }
                await using var output = new FileStream(part, have > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
                await using var input = await response.Content.ReadAsStreamAsync(cancellationToken);
                // Two buffers: the next chunk arrives from the network while this one is hashed and
                // written, so the socket, SHA-256 and the disk work at once rather than in turn.
                // Writes are synchronous and unbuffered (each chunk goes to the kernel in one call):
                // on Linux an "asynchronous" FileStream only moves the same write to another thread.
                var buffers = new[] { new byte[ChunkBytes], new byte[ChunkBytes] };
                var next = 0;
                var arriving = FillAsync(input, buffers[next], cancellationToken);
                while (await arriving is var count and > 0)
                {
                    var chunk = buffers[next];
                    next ^= 1;
                    arriving = FillAsync(input, buffers[next], cancellationToken);
                    hash.AppendData(chunk, 0, count);
                    output.Write(chunk, 0, count);
                    have += count;
                    Progress?.Invoke(item, have);
                }
            }
        }
        catch (HttpRequestException e)
        {
            return (DownloadOutcome.Failed, e.Message);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            return (DownloadOutcome.Failed, e.Message);
        }

        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (have != item.SizeBytes || actual != item.Sha256)
        {
            File.Delete(part);
            return (DownloadOutcome.ChecksumMismatch, $"got {have} bytes with SHA-256 {actual}, expected {item.SizeBytes} bytes with {item.Sha256}");
        }
        File.Move(part, target, overwrite: true);
        return (DownloadOutcome.Downloaded, null);
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the body ends; the number of bytes read.</summary>
    private static async Task<int> FillAsync(Stream input, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await input.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }
        return filled;
    }

    /// <summary>Names come from the server: never let one climb out of the target folder.</summary>
    public static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        return file is "" or "." or ".." ? throw new UserError($"The server named a file '{name}', which is not a file name.") : file;
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await HashIntoAsync(path, hash, cancellationToken);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<long> HashIntoAsync(string path, IncrementalHash hash, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = new byte[BufferBytes];
        long total = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }
        return total;
    }
}
