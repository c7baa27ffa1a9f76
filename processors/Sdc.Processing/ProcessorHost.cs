using System.Diagnostics;

namespace Sdc.Processing;

/// <summary>
/// Runs a processor under the contract: <c>&lt;processor&gt; --job job.json [--config file] [--work dir]</c>
/// (or the job inline in <c>SDC_JOB</c>). Prints the start line, loads and checks the job, fetches
/// and verifies inputs, runs the processor, writes outputs.json last, prints the closing line,
/// and returns the exit code: 0 OK, 1 processing error, 2 bad input or configuration, 3 OK with
/// warnings. Identical from a pipeline and by hand.
/// </summary>
public static class ProcessorHost
{
    public static async Task<int> RunAsync(string[] args, IProcessor processor, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var log = new MessageLog(output ?? Console.Out, new MessageCatalog(processor.Messages), TimeProvider.System);
        string? work = null;
        var ownsWork = false;
        ProductWriter? products = null;
        var started = false;
        void StartIfNeeded()
        {
            if (!started)
            {
                log.Start(processor.Name, processor.Version, null);
                started = true;
            }
        }

        try
        {
            var options = ParseArguments(args);
            var (job, jobDirectory) = await LoadJobAsync(options);
            log.Start(processor.Name, processor.Version, job.JobId);
            started = true;
            CheckIdentity(job, processor);
            var config = LoadConfig(options, processor);
            ownsWork = !options.ContainsKey("--work");
            work = ownsWork ? Directory.CreateTempSubdirectory($"sdc-{processor.Name}-").FullName : Directory.CreateDirectory(options["--work"]).FullName;
            var inputs = await new InputFetcher(work, jobDirectory, log).FetchAllAsync(job, cancellationToken);
            products = new ProductWriter(job, jobDirectory, log);
            await processor.RunAsync(new ProcessingContext(job, config, log, products, inputs, work), cancellationToken);
            var status = log.Warnings > 0 ? "WARNING" : "OK";
            await products.CompleteAsync(status, cancellationToken);
            var exit = log.Warnings > 0 ? ExitCodes.OkWithWarnings : ExitCodes.Ok;
            log.End(status, exit, products.Products.Count, clock.Elapsed.TotalSeconds);
            return exit;
        }
        // A job that cannot be read still gets its start line (without a job id) before the error.
        catch (BadInputException e)
        {
            StartIfNeeded();
            log.Error(e.Code, e.Message, e.File, e.Offset);
            log.End("ERROR", ExitCodes.BadInput, 0, clock.Elapsed.TotalSeconds);
            return ExitCodes.BadInput;
        }
        catch (ProcessingException e)
        {
            StartIfNeeded();
            log.Error(e.Code, e.Message);
            log.End("ERROR", ExitCodes.ProcessingError, 0, clock.Elapsed.TotalSeconds);
            return ExitCodes.ProcessingError;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            StartIfNeeded();
            log.Error(SdkMessages.Unexpected, $"{e.GetType().Name}: {e.Message}");
            log.End("ERROR", ExitCodes.ProcessingError, 0, clock.Elapsed.TotalSeconds);
            return ExitCodes.ProcessingError;
        }
        finally
        {
            if (ownsWork && work is not null)
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover temp folder is not worth failing a finished job for.
                }
            }
        }
    }

    private static Dictionary<string, string> ParseArguments(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is not ("--job" or "--config" or "--work") || i + 1 >= args.Length)
            {
                throw new BadInputException(SdkMessages.BadJob,
                    $"unexpected argument '{args[i]}'; usage: <processor> --job <job.json> [--config <file>] [--work <dir>] (or the job JSON in {JobReader.JobEnvironmentVariable})");
            }
            options[args[i]] = args[++i];
        }
        return options;
    }

    /// <summary>
    /// The job from <c>--job</c> (a path, or an <c>s3://</c> URI) or from <c>SDC_JOB</c> (the JSON
    /// inline, or an <c>s3://</c> URI of the job file: on AWS the pipeline passes the URI, because
    /// Batch caps a container's environment overrides at a few KiB and a Level 2 job lists hundreds
    /// of inputs).
    /// </summary>
    private static async Task<(ProcessorJob Job, string Directory)> LoadJobAsync(Dictionary<string, string> options)
    {
        if (options.TryGetValue("--job", out var path))
        {
            if (FileLocations.IsS3(path))
            {
                return (JobReader.Parse(await ReadS3JobAsync(path), path), Directory.GetCurrentDirectory());
            }
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BadInputException(SdkMessages.BadJob, $"{path}: cannot be read: {e.Message}", path);
            }
            return (JobReader.Parse(text, path), Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        var inline = Environment.GetEnvironmentVariable(JobReader.JobEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(inline))
        {
            throw new BadInputException(SdkMessages.BadJob, $"no job: give --job <job.json> or the job JSON (or its s3:// location) in {JobReader.JobEnvironmentVariable}");
        }
        return FileLocations.IsS3(inline.Trim())
            ? (JobReader.Parse(await ReadS3JobAsync(inline.Trim()), inline.Trim()), Directory.GetCurrentDirectory())
            : (JobReader.Parse(inline, JobReader.JobEnvironmentVariable), Directory.GetCurrentDirectory());
    }

    private static async Task<string> ReadS3JobAsync(string location)
    {
        try
        {
            var (bucket, key) = FileLocations.SplitS3(location);
            using var store = FileLocations.S3Store(bucket);
            await using var stream = await store.OpenReadAsync(bucket, key);
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync();
        }
        catch (Exception e) when (e is FormatException or IOException or Amazon.Runtime.AmazonServiceException or Sdc.Storage.ObjectNotFoundException)
        {
            throw new BadInputException(SdkMessages.BadJob, $"{location}: the job file cannot be read: {e.Message}", location);
        }
    }

    private static void CheckIdentity(ProcessorJob job, IProcessor processor)
    {
        if (job.Processor.Name != processor.Name || job.Processor.Version != processor.Version)
        {
            throw new BadInputException(SdkMessages.WrongProcessor,
                $"the job asks for processor {job.Processor.Name} {job.Processor.Version}, but this is {processor.Name} {processor.Version}");
        }
        if (job.Instrument != processor.Name)
        {
            throw new BadInputException(SdkMessages.WrongProcessor, $"the job is for instrument '{job.Instrument}', this processor handles '{processor.Name}'");
        }
    }

    // The configuration ships beside the processor (<name>.yaml) unless the job's caller names another.
    private static ProcessorConfig LoadConfig(Dictionary<string, string> options, IProcessor processor)
    {
        if (options.TryGetValue("--config", out var path))
        {
            return ProcessorConfig.Load(path);
        }
        var beside = Path.Combine(AppContext.BaseDirectory, processor.Name + ".yaml");
        return File.Exists(beside) ? ProcessorConfig.Load(beside) : ProcessorConfig.Empty;
    }
}
