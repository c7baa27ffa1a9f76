using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sdc.Mission;

/// <summary>
/// Loads <c>mission.yaml</c> into a <see cref="Mission"/>. Every problem (syntax, missing or
/// misspelt setting, wrong type, reference to something undefined, bad naming pattern) is
/// collected with its line and column and thrown together as a <see cref="MissionFileException"/>.
/// </summary>
public static class MissionLoader
{
    public const string DefaultFileName = "mission.yaml";

    public static Mission LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MissionFileException([new MissionProblem(path, 1, 1, "", $"cannot be read: {e.Message}")]);
        }
        return Parse(text, path);
    }

    public static Mission Parse(string yaml, string source)
    {
        var reader = new MissionYamlReader(source);
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Trim();
            reader.Report((int)e.Start.Line, (int)e.Start.Column, "", $"is not valid YAML: {message}");
            throw new MissionFileException(reader.Problems);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (an unclosed flow
            // sequence, say) without a position; where it stopped reading is where the problem is.
            var at = scanner.CurrentPosition;
            reader.Report((int)at.Line, (int)at.Column, "", "is not valid YAML: unexpected text here (an unclosed '[' or '{'?)");
            throw new MissionFileException(reader.Problems);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            reader.Report(1, 1, "", "expected one YAML document whose top level is a mapping (mission:, levels:, …)");
            throw new MissionFileException(reader.Problems);
        }

        var mission = Read(root, reader);
        if (reader.Problems.Count > 0 || mission is null)
        {
            throw new MissionFileException(reader.Problems);
        }
        return mission;
    }

    private static Mission? Read(YamlMappingNode root, MissionYamlReader r)
    {
        r.OnlyKeys(root, "", "mission", "levels", "instruments", "kernels", "calibration", "processors", "naming");

        string? id = null, name = null;
        int? orbitDigits = null;
        if (r.Mapping(MissionYamlReader.Child(root, "mission"), "mission", root) is { } m)
        {
            r.OnlyKeys(m, "mission", "id", "name", "orbitDigits");
            id = r.String(m, "id", "mission");
            if (id is not null && !MissionYamlReader.IsIdentifier(id))
            {
                r.Report(MissionYamlReader.Child(m, "id"), "mission.id", $"expected a lower-case identifier (letters and digits), got '{id}'");
            }
            name = r.String(m, "name", "mission");
            orbitDigits = r.Integer(m, "orbitDigits", "mission", 1, 9);
        }

        var levels = ReadLevels(root, r);
        var instruments = ReadInstruments(root, r);
        var kernels = ReadKernels(root, r);
        IReadOnlyList<string> calibrationExtensions = [];
        if (r.Mapping(MissionYamlReader.Child(root, "calibration"), "calibration", root) is { } cal)
        {
            r.OnlyKeys(cal, "calibration", "extensions");
            calibrationExtensions = r.Identifiers(cal, "extensions", "calibration");
        }
        var processors = ReadProcessors(root, r, levels, instruments, kernels);
        var naming = ReadNaming(root, r);

        if (id is null || name is null || orbitDigits is null || naming is null)
        {
            return null;
        }
        return new Mission(id, name, orbitDigits.Value, levels, instruments, kernels, calibrationExtensions, processors, naming);
    }

    private static List<Level> ReadLevels(YamlMappingNode root, MissionYamlReader r)
    {
        var levels = new List<Level>();
        if (r.Mapping(MissionYamlReader.Child(root, "levels"), "levels", root) is not { } map)
        {
            return levels;
        }
        foreach (var (key, _, value) in r.Entries(map, "levels"))
        {
            var path = $"levels.{key}";
            if (r.Mapping(value, path, map) is not { } level)
            {
                continue;
            }
            r.OnlyKeys(level, path, "description", "extensions");
            var description = r.String(level, "description", path) ?? "";
            var extensions = r.Identifiers(level, "extensions", path);
            levels.Add(new Level(key, description, extensions, levels.Count));
        }
        if (levels.Count == 0)
        {
            r.Report(map, "levels", "expected at least one level");
        }
        return levels;
    }

    private static List<Instrument> ReadInstruments(YamlMappingNode root, MissionYamlReader r)
    {
        var instruments = new List<Instrument>();
        if (r.Mapping(MissionYamlReader.Child(root, "instruments"), "instruments", root) is not { } map)
        {
            return instruments;
        }
        foreach (var (key, _, value) in r.Entries(map, "instruments"))
        {
            var path = $"instruments.{key}";
            if (r.Mapping(value, path, map) is not { } node)
            {
                continue;
            }
            r.OnlyKeys(node, path, "name", "kind", "descriptors", "calibration");
            instruments.Add(new Instrument(
                key,
                r.String(node, "name", path) ?? key,
                r.String(node, "kind", path) ?? "",
                r.Identifiers(node, "descriptors", path),
                r.Identifiers(node, "calibration", path)));
        }
        return instruments;
    }

    private static List<KernelType> ReadKernels(YamlMappingNode root, MissionYamlReader r)
    {
        var kernels = new List<KernelType>();
        if (r.Mapping(MissionYamlReader.Child(root, "kernels"), "kernels", root) is not { } map)
        {
            return kernels;
        }
        foreach (var (key, _, value) in r.Entries(map, "kernels"))
        {
            var path = $"kernels.{key}";
            if (r.Mapping(value, path, map) is not { } node)
            {
                continue;
            }
            r.OnlyKeys(node, path, "description", "extensions");
            var extensions = r.Identifiers(node, "extensions", path);
            foreach (var extension in extensions)
            {
                // The extension alone tells a kernel's type, so no two types may share one.
                if (kernels.FirstOrDefault(k => k.Extensions.Contains(extension)) is { } other)
                {
                    r.Report(MissionYamlReader.Child(node, "extensions"), $"{path}.extensions", $"'{extension}' is already the extension of kernel type '{other.Id}'");
                }
            }
            kernels.Add(new KernelType(key, r.String(node, "description", path) ?? "", extensions));
        }
        return kernels;
    }

    private static List<ProcessorSpec> ReadProcessors(
        YamlMappingNode root, MissionYamlReader r, List<Level> levels, List<Instrument> instruments, List<KernelType> kernels)
    {
        var processors = new List<ProcessorSpec>();
        if (r.Mapping(MissionYamlReader.Child(root, "processors"), "processors", root) is not { } map)
        {
            return processors;
        }
        var levelIds = levels.Select(l => l.Id).ToList();
        var kernelIds = kernels.Select(k => k.Id).ToList();
        foreach (var (key, keyNode, value) in r.Entries(map, "processors"))
        {
            var path = $"processors.{key}";
            var instrument = instruments.FirstOrDefault(i => i.Id == key);
            if (instrument is null)
            {
                r.Report(keyNode, path, $"no instrument '{key}' is defined; a processor is named after its instrument ({string.Join(", ", instruments.Select(i => i.Id))})");
            }
            if (r.Mapping(value, path, map) is not { } node)
            {
                continue;
            }
            r.OnlyKeys(node, path, "image", "vcpu", "memoryMiB", "timeoutSeconds", "retryAttempts", "steps");
            var image = r.String(node, "image", path);
            var vcpu = r.Number(node, "vcpu", path, 0, 256);
            var memory = r.Integer(node, "memoryMiB", path, 128, 1_048_576);
            var timeout = r.Integer(node, "timeoutSeconds", path, 60, 14 * 24 * 3600);
            // AWS Batch allows 1 to 10 attempts; this is retries after the first, so 0 to 9.
            var retries = r.Integer(node, "retryAttempts", path, 0, 9);
            var steps = ReadSteps(node, path, r, levelIds, kernelIds, instrument, instruments.Select(i => i.Id).ToList());
            if (image is not null && vcpu is not null && memory is not null && timeout is not null && retries is not null)
            {
                processors.Add(new ProcessorSpec(key, image, vcpu.Value, memory.Value, timeout.Value, retries.Value, steps));
            }
        }
        return processors;
    }

    private static List<ProcessingStep> ReadSteps(
        YamlMappingNode processor, string path, MissionYamlReader r, List<string> levelIds, List<string> kernelIds, Instrument? instrument,
        List<string> instrumentIds)
    {
        var steps = new List<ProcessingStep>();
        var node = MissionYamlReader.Child(processor, "steps");
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            r.Report(node ?? processor, $"{path}.steps", "expected a list of steps, e.g. - { from: l0, produces: [l1] }");
            return steps;
        }
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var stepPath = $"{path}.steps[{i}]";
            if (r.Mapping(sequence.Children[i], stepPath, sequence) is not { } step)
            {
                continue;
            }
            r.OnlyKeys(step, stepPath, "from", "produces", "kernels", "calibration", "with");
            var from = r.String(step, "from", stepPath);
            if (from is not null && !levelIds.Contains(from))
            {
                r.Report(MissionYamlReader.Child(step, "from"), $"{stepPath}.from", $"'{from}' is not a level; expected one of {string.Join(", ", levelIds)}");
            }
            var produces = r.Identifiers(step, "produces", stepPath, levelIds);
            var kernels = r.Identifiers(step, "kernels", stepPath, kernelIds, required: false);
            var calibration = r.Identifiers(step, "calibration", stepPath, instrument?.Calibration.ToList(), required: false);
            var with = r.Identifiers(step, "with", stepPath, instrumentIds, required: false);
            if (from is not null && steps.Any(s => s.From == from))
            {
                r.Report(MissionYamlReader.Child(step, "from"), $"{stepPath}.from", $"another step already reads level '{from}'");
            }
            if (from is not null)
            {
                steps.Add(new ProcessingStep(from, produces, kernels, calibration) { With = with });
            }
        }
        return steps;
    }

    private static NamingRules? ReadNaming(YamlMappingNode root, MissionYamlReader r)
    {
        if (r.Mapping(MissionYamlReader.Child(root, "naming"), "naming", root) is not { } map)
        {
            return null;
        }
        var kinds = new Dictionary<string, FileNameKind>
        {
            ["product"] = FileNameKind.Product,
            ["calibration"] = FileNameKind.Calibration,
            ["kernel"] = FileNameKind.Kernel,
            ["delivery"] = FileNameKind.Delivery,
        };
        r.OnlyKeys(map, "naming", [.. kinds.Keys]);
        var templates = new List<FileNameTemplate>();
        foreach (var (key, kind) in kinds)
        {
            var pattern = r.String(map, key, "naming");
            if (pattern is null)
            {
                continue;
            }
            try
            {
                templates.Add(FileNameTemplate.Compile(kind, pattern));
            }
            catch (FormatException e)
            {
                r.Report(MissionYamlReader.Child(map, key), $"naming.{key}", $"bad pattern: {e.Message}");
            }
        }
        return templates.Count == kinds.Count ? new NamingRules(templates) : null;
    }
}
