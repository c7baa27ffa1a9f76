using Sdc.Mission;

namespace Sdc.Promotion.Reference;

/// <summary>One input of a reference set: where it is, its checksums (as a job lists them) and what its name says it is.</summary>
public sealed record ReferenceFile(string Name, string Path, long Size, string Md5, string Sha256, MissionFileName Fields);
