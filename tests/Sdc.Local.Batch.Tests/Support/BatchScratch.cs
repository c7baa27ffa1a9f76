using System.Text;
using Sdc.Storage.FileSystem;

namespace Sdc.Local.Batch.Tests.Support;

/// <summary>
/// One test's world: a temporary folder holding the real file-system object store, the runner's
/// work root, fake processors (bash scripts) and whatever the scripts record; runners made here
/// are disposed with it, so no test leaves a process behind.
/// </summary>
internal sealed class BatchScratch : IAsyncDisposable
{
    public const string LogBucket = "logs";

    private readonly List<LocalBatch> _runners = [];

    public BatchScratch()
    {
        Root = Directory.CreateTempSubdirectory("sdc-batch-tests-").FullName;
        Store = new FileSystemObjectStore(new FileSystemObjectStoreOptions { RootPath = Path.Combine(Root, "buckets") });
        Marks = Directory.CreateDirectory(Path.Combine(Root, "marks")).FullName;
    }

    public string Root { get; }

    public string WorkRoot => Path.Combine(Root, "work");

    /// <summary>Where scripts record what they did (pids, start times); given to them as <c>MARKS</c>.</summary>
    public string Marks { get; }

    public FileSystemObjectStore Store { get; }

    /// <summary>Writes an executable bash script; <paramref name="body"/> follows the shebang and <c>set -u</c>.</summary>
    public string Script(string name, string body)
    {
        var path = Path.Combine(Root, "bin", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/usr/bin/env bash\nset -u\n" + body.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public LocalBatch Runner(int maxConcurrency, params JobDefinition[] definitions) => Runner(maxConcurrency, LocalBatchOptions.DefaultMaxLogBytes, definitions);

    public LocalBatch Runner(int maxConcurrency, long maxLogBytes, params JobDefinition[] definitions)
    {
        var runner = new LocalBatch(
            new LocalBatchOptions
            {
                Definitions = definitions.ToDictionary(d => d.Name),
                MaxConcurrency = maxConcurrency,
                WorkRoot = WorkRoot,
                MaxLogBytes = maxLogBytes,
            },
            Store,
            TimeProvider.System);
        _runners.Add(runner);
        return runner;
    }

    /// <summary>A request whose environment carries <c>JOB</c> (its name) and <c>MARKS</c>, plus <paramref name="environment"/>.</summary>
    public BatchJobRequest Request(
        string jobName, string definition, string queue = BatchQueues.Production, int timeoutSeconds = 60, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string> { ["JOB"] = jobName, ["MARKS"] = Marks };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }
        return new BatchJobRequest(jobName, queue, definition, variables, timeoutSeconds, LogBucket, $"jobs/{jobName}.log");
    }

    public async Task<string> ReadLogAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(LogBucket, key);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    public string Mark(string name) => Path.Combine(Marks, name);

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in _runners)
        {
            await runner.DisposeAsync();
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
