namespace Sdc.Api.Json;

// The pipeline shapes of the API: runs, jobs and their messages.

internal sealed record RunDto(long Id, string ExecutionName, string Kind, string Status, string StartedAt, string? FinishedAt, string? Summary);

internal sealed record RunListDto(IReadOnlyList<RunDto> Runs);

internal sealed record JobDto(
    long Id,
    long RunId,
    string Instrument,
    string Level,
    int? Stage,
    string Queue,
    string Status,
    string? StatusReason,
    int? ExitCode,
    int Attempts,
    string CreatedAt,
    string? StartedAt,
    string? FinishedAt,
    bool HasLog);

internal sealed record RunDetailDto(RunDto Run, IReadOnlyList<JobDto> Jobs);

internal sealed record MessageDto(string Code, string Severity, string Text, string At);

internal sealed record JobDetailDto(JobDto Job, IReadOnlyList<MessageDto> Messages);

internal sealed record ReprocessRequestDto(string? Instrument, string? From, string? To, string? Reason);

internal sealed record ReprocessAcceptedDto(string Request, string ExecutionName);
