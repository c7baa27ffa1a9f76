namespace Sdc.Mission;

/// <summary>
/// A mission as the SDC sees it, loaded from <c>mission.yaml</c>: its levels, data sources,
/// kernels, processors and file-naming rules. Immutable once loaded.
/// </summary>
public sealed record Mission(
    string Id,
    string Name,
    int OrbitDigits,
    IReadOnlyList<Level> Levels,
    IReadOnlyList<Instrument> Instruments,
    IReadOnlyList<KernelType> Kernels,
    IReadOnlyList<string> CalibrationExtensions,
    IReadOnlyList<ProcessorSpec> Processors,
    NamingRules Naming)
{
    public Level? FindLevel(string id) => Levels.FirstOrDefault(l => l.Id == id);

    public Instrument? FindInstrument(string id) => Instruments.FirstOrDefault(i => i.Id == id);

    public KernelType? FindKernel(string id) => Kernels.FirstOrDefault(k => k.Id == id);

    public ProcessorSpec? FindProcessor(string instrument) => Processors.FirstOrDefault(p => p.Instrument == instrument);

    /// <summary>The kernel type a file extension belongs to, or null.</summary>
    public KernelType? KernelForExtension(string extension) =>
        Kernels.FirstOrDefault(k => k.Extensions.Contains(extension, StringComparer.Ordinal));

    /// <summary>Parses a file name by this mission's naming rules; throws <see cref="FileNameException"/>.</summary>
    public MissionFileName ParseFileName(string name) => Naming.Parse(name, this);

    /// <summary>Parses a file name, returning false and the reason instead of throwing.</summary>
    public bool TryParseFileName(string name, out MissionFileName? parsed, out FileNameException? error) =>
        Naming.TryParse(name, this, out parsed, out error);

    /// <summary>Formats typed fields back into the canonical file name.</summary>
    public string FormatFileName(MissionFileName name) => Naming.Format(name, this);
}
