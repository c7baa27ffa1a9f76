using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sdc.Formats.Fits;
using Sdc.Formats.Png;
using Sdc.Mission;
using Sdc.Promotion.Runs;

namespace Sdc.Promotion.Tests.Support;

/// <summary>
/// A small fake of the runner port: it does what a processor would with the job it is given.
/// Level 0 → two Level 1 images (f220, f260) per science input; Level 1 → a Level 2 image and a
/// quicklook per input. Products go under the job's output prefix with outputs.json last, named by
/// the mission from the job's product version. <see cref="Alter"/> changes a role's products,
/// <see cref="Fail"/> makes a job fail, <see cref="Skip"/> leaves a product out.
/// </summary>
internal sealed class FakeProcessorRunner : IProcessorRunner
{
    public ConcurrentQueue<(ProcessorRunRequest Request, JsonObject Job)> Jobs { get; } = new();

    /// <summary>(role, level, product) → changes to make to it before it is saved.</summary>
    public Action<string, string, FitsFile>? Alter { get; init; }

    /// <summary>(role, from level) → a failed result to return instead of processing, or null.</summary>
    public Func<string, string, ProcessorRunResult?>? Fail { get; init; }

    /// <summary>(role, product name) → true to leave the product out.</summary>
    public Func<string, string, bool>? Skip { get; init; }

    public async Task<ProcessorRunResult> RunAsync(ProcessorRunRequest request, CancellationToken cancellationToken)
    {
        var job = JsonNode.Parse(request.JobJson)!.AsObject();
        Jobs.Enqueue((request, job));
        var from = job["from"]!.GetValue<string>();
        if (Fail?.Invoke(request.Role, from) is { } failure)
        {
            return failure;
        }
        var output = Directory.CreateDirectory(job["outputPrefix"]!.GetValue<string>()).FullName;
        var version = job["productVersion"]!.GetValue<string>();
        var products = new JsonArray();
        foreach (var input in job["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()))
        {
            var fields = Emm.Mission.ParseFileName(input);
            if (fields.Instrument != job["instrument"]!.GetValue<string>())
            {
                continue; // housekeeping read "with" the science
            }
            if (from == "l0")
            {
                foreach (var (descriptor, minutes) in new[] { ("f220", 0), ("f260", 20) })
                {
                    var start = fields.Start!.Value.AddMinutes(minutes);
                    await WriteAsync(request.Role, output, products, "l1", start, fields.Orbit!.Value, descriptor, version, Image(start, 1f));
                }
            }
            else
            {
                var image = Image(fields.Start!.Value, 0.5f);
                await WriteAsync(request.Role, output, products, "l2", fields.Start!.Value, fields.Orbit!.Value, fields.Descriptor!, version, image);
                var quicklook = PngImage.Gray8([.. Enumerable.Range(0, 12).Select(i => (byte)(i * 20))], 4, 3);
                await WriteAsync(request.Role, output, products, "ql", fields.Start!.Value, fields.Orbit!.Value, fields.Descriptor!, version, quicklook);
            }
        }
        await File.WriteAllTextAsync(Path.Combine(output, "outputs.json"), new JsonObject { ["status"] = "OK", ["products"] = products }.ToJsonString(), cancellationToken);
        return new ProcessorRunResult(true, 0, "OK", TimeSpan.FromMilliseconds(5), [new RunMessage("info", "SDK-I002", "wrote products")], $"/logs/{request.JobName}.log");
    }

    private static FitsFile Image(DateTime start, float scale)
    {
        var primary = new ImageHdu([.. Enumerable.Range(0, 12).Select(i => i * scale)], 4, 3);
        primary.Header.Add("DATE-OBS", start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)).Add("EXPTIME", 10.0);
        return new FitsFile(primary, new ImageHdu(new byte[12], 4, 3) { Name = "QUALITY" });
    }

    private async Task WriteAsync(string role, string output, JsonArray products, string level, DateTime start, int orbit, string descriptor, string version, object content)
    {
        var name = Emm.Mission.FormatFileName(new MissionFileName(FileNameKind.Product, Emm.Mission.Id)
        {
            Instrument = "exi", Level = level, Start = start, Orbit = orbit, Descriptor = descriptor,
            Version = ProductVersion.TryParse(version, out var v) ? v : default, Extension = level == "ql" ? "png" : "fits",
        });
        if (Skip?.Invoke(role, name) == true)
        {
            return;
        }
        var path = Path.Combine(output, name);
        if (content is FitsFile fits)
        {
            Alter?.Invoke(role, level, fits);
            await fits.SaveAsync(path);
        }
        else
        {
            await ((PngImage)content).SaveAsync(path);
        }
        var bytes = await File.ReadAllBytesAsync(path);
        products.Add(new JsonObject
        {
            ["name"] = name, ["instrument"] = "exi", ["level"] = level, ["descriptor"] = descriptor,
            ["start"] = start.ToString("O", CultureInfo.InvariantCulture), ["end"] = start.AddSeconds(10).ToString("O", CultureInfo.InvariantCulture),
            ["orbit"] = orbit, ["version"] = version, ["size"] = bytes.Length,
            ["md5"] = Convert.ToHexStringLower(MD5.HashData(bytes)), ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            ["quality"] = 0, ["qualityNotes"] = new JsonArray(),
        });
    }
}
