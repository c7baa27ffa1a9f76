namespace Sdc.Pipeline;

/// <summary>The Index task's input: the job, where it wrote, and its processor's exit code (0 OK, 3 OK with warnings).</summary>
public sealed record IndexTaskRequest(long JobId, string OutputPrefix, int? ExitCode);
