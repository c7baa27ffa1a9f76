using System.Globalization;
using Sdc.Mission;
using Sdc.Promotion.Reference;

namespace Sdc.Promotion.Runs;

/// <summary>
/// Which jobs a validation runs, chosen as the SDC's planner chooses them but from a reference set
/// instead of the catalog, so both processors get exactly the jobs production would give them:
/// one job per Level 0 file of the instrument, with the files of the same orbit of the sources the
/// step reads <c>with</c> it (spacecraft housekeeping), the newest kernel of each type the step
/// needs whose coverage overlaps the input, and the newest calibration of each descriptor valid at
/// its start; then, level by level, one job per level and orbit over what the previous stage made.
/// </summary>
public sealed class ValidationJobPlanner(ProcessorSpec processor, ReferenceSet reference)
{
    public IReadOnlyList<PlannedJob> FirstStage()
    {
        var step = processor.StepFrom("l0");
        if (step is null)
        {
            return [];
        }
        var jobs = new List<PlannedJob>();
        var science = reference.Files.Where(f => IsProduct(f, processor.Instrument, step.From)).ToList();
        for (var i = 0; i < science.Count; i++)
        {
            var input = science[i];
            var start = input.Fields.Start ?? DateTime.MinValue;
            var with = reference.Files.Where(f => step.With.Any(source => IsProduct(f, source, step.From)) && SameOrbitOrDay(f.Fields, input.Fields));
            jobs.Add(Job(Label(step.From, input.Fields.Orbit, i), step, [Of(input), .. with.Select(Of)], start, start));
        }
        return Unique(jobs);
    }

    /// <summary>The next stage: what <paramref name="made"/> holds of levels that a step reads, one job per level and orbit.</summary>
    public IReadOnlyList<PlannedJob> NextStage(IReadOnlyList<ProducedFile> made)
    {
        ArgumentNullException.ThrowIfNull(made);
        var jobs = new List<PlannedJob>();
        var groups = made.Where(p => processor.StepFrom(p.Level) is not null)
            .GroupBy(p => (p.Level, p.Orbit))
            .OrderBy(g => g.Key.Level, StringComparer.Ordinal).ThenBy(g => g.Key.Orbit)
            .ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var step = processor.StepFrom(group.Key.Level)!;
            var inputs = group.OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new JobInput(p.Path, p.Name, p.Size, p.Md5, p.Sha256, null)).ToList();
            jobs.Add(Job(Label(step.From, group.Key.Orbit, i), step, inputs,
                group.Min(p => p.Start).UtcDateTime, group.Max(p => p.End).UtcDateTime));
        }
        return Unique(jobs);
    }

    private PlannedJob Job(string label, ProcessingStep step, List<JobInput> inputs, DateTime start, DateTime end)
    {
        var kernels = new List<JobInput>();
        foreach (var type in step.Kernels)
        {
            var best = reference.Files
                .Where(f => f.Fields.Kind == FileNameKind.Kernel && f.Fields.KernelType == type && f.Fields.Coverage is { } c && c.From <= end && c.To > start)
                .OrderByDescending(f => f.Fields.Version).ThenByDescending(f => f.Fields.CoverageFrom)
                .FirstOrDefault();
            if (best is not null)
            {
                kernels.Add(Of(best) with { Type = type });
            }
        }
        var calibration = new List<JobInput>();
        foreach (var descriptor in step.Calibration)
        {
            var best = reference.Files
                .Where(f => f.Fields.Kind == FileNameKind.Calibration && f.Fields.Instrument == processor.Instrument && f.Fields.Descriptor == descriptor
                    && f.Fields.ValidFrom is { } valid && valid.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) <= start)
                .OrderByDescending(f => f.Fields.ValidFrom).ThenByDescending(f => f.Fields.Version)
                .FirstOrDefault();
            if (best is not null)
            {
                calibration.Add(Of(best) with { Type = descriptor });
            }
        }
        return new PlannedJob(label, step, inputs, kernels, calibration);
    }

    private static bool IsProduct(ReferenceFile file, string instrument, string level) =>
        file.Fields.Kind == FileNameKind.Product && file.Fields.Instrument == instrument && file.Fields.Level == level;

    private static bool SameOrbitOrDay(MissionFileName a, MissionFileName b) =>
        a.Orbit is { } x && b.Orbit is { } y ? x == y : a.Start?.Date == b.Start?.Date;

    private static JobInput Of(ReferenceFile file) => new(file.Path, file.Name, file.Size, file.Md5, file.Sha256, null);

    // Several Level 0 files of one orbit would share a label, and a job folder.
    private static List<PlannedJob> Unique(List<PlannedJob> jobs)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. jobs.Select(job =>
        {
            var count = seen[job.Label] = seen.GetValueOrDefault(job.Label) + 1;
            return count == 1 ? job : job with { Label = string.Create(CultureInfo.InvariantCulture, $"{job.Label}-{count}") };
        })];
    }

    private static string Label(string level, int? orbit, int index) =>
        orbit is { } o ? string.Create(CultureInfo.InvariantCulture, $"{level}-{o:0000}") : string.Create(CultureInfo.InvariantCulture, $"{level}-n{index + 1}");
}
