namespace Sdc.Processing;

/// <summary>Which processor a job asks for: its name, version and (on AWS) container image.</summary>
public sealed record ProcessorIdentity(string Name, string Version, string? Image);
