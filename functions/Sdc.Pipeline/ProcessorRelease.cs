namespace Sdc.Pipeline;

/// <summary>The processor version that runs an instrument's jobs: its name and version (the binary checks them) and container image.</summary>
public sealed record ProcessorRelease(string Instrument, string Name, string Version, string Image);
