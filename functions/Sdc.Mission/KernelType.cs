namespace Sdc.Mission;

/// <summary>A SPICE kernel type (SPK, CK, SCLK, LSK, FK, PCK) recognised by its extensions.</summary>
public sealed record KernelType(string Id, string Description, IReadOnlyList<string> Extensions);
