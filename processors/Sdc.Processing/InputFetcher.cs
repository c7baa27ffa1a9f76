using System.Security.Cryptography;

namespace Sdc.Processing;

/// <summary>
/// Copies every file a job names into the work folder and proves it is the file the job was
/// planned for: same size, MD5 and (when given) SHA-256. A mismatch is bad input (exit 2): the
/// processor never works on a file it was not meant to.
/// </summary>
public sealed class InputFetcher(string workDirectory, string jobDirectory, MessageLog log)
{
    private const int BufferSize = 1 << 20;

    public async Task<IReadOnlyDictionary<string, string>> FetchAllAsync(ProcessorJob job, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(workDirectory, "inputs")).FullName;
        var local = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in job.AllFiles)
        {
            if (file.Name.Length == 0 || file.Name != Path.GetFileName(file.Name) || file.Name is "." or "..")
            {
                throw new BadInputException(SdkMessages.BadJob, $"job: input name '{file.Name}' must be a plain file name (no folders)");
            }
            if (!local.TryAdd(file.Name, Path.Combine(folder, file.Name)))
            {
                throw new BadInputException(SdkMessages.BadJob, $"job: input '{file.Name}' is listed twice");
            }
            await FetchAsync(file, local[file.Name], cancellationToken);
        }
        return local;
    }

    private async Task FetchAsync(JobFile file, string destination, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var source = await OpenAsync(file, cancellationToken))
        await using (var target = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        {
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                md5.AppendData(buffer, 0, read);
                sha256.AppendData(buffer, 0, read);
                size += read;
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        var actualMd5 = Convert.ToHexStringLower(md5.GetHashAndReset());
        var actualSha = Convert.ToHexStringLower(sha256.GetHashAndReset());
        if (size != file.Size)
        {
            throw Mismatch(file, "size", file.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (actualMd5 != file.Md5)
        {
            throw Mismatch(file, "MD5", file.Md5, actualMd5);
        }
        if (file.Sha256 is not null && actualSha != file.Sha256)
        {
            throw Mismatch(file, "SHA-256", file.Sha256, actualSha);
        }
        log.Info(SdkMessages.InputVerified, $"{file.Name}: {size} bytes, md5 {actualMd5}", file.Name);
    }

    private async Task<Stream> OpenAsync(JobFile file, CancellationToken cancellationToken)
    {
        try
        {
            if (FileLocations.IsS3(file.Location))
            {
                var (bucket, key) = FileLocations.SplitS3(file.Location);
                return await FileLocations.S3Store(bucket).OpenReadAsync(bucket, key, cancellationToken);
            }
            return new FileStream(FileLocations.LocalPath(file.Location, jobDirectory), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Storage.ObjectNotFoundException or FormatException)
        {
            throw new BadInputException(SdkMessages.InputMissing, $"{file.Name}: cannot be read from {file.Location}: {e.Message}", file.Name);
        }
    }

    private static BadInputException Mismatch(JobFile file, string what, string expected, string actual) =>
        new(SdkMessages.InputChecksum, $"{file.Name}: {what} is {actual}, but the job expects {expected}", file.Name);
}
