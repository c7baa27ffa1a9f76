using System.CommandLine;
using Sdc.Mission;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary><c>sdc mission check [file]</c> and <c>sdc mission name &lt;file-name&gt;…</c>.</summary>
internal static class MissionCommands
{
    public static Command Create()
    {
        var mission = new Command("mission", "Check the mission file and the file names it defines");
        mission.Add(Check());
        mission.Add(Name());
        return mission;
    }

    private static Command Check()
    {
        var file = new Argument<string?>("file") { Description = "Mission file to check (default: see --mission)", Arity = ArgumentArity.ZeroOrOne };
        var check = new Command("check", "Validate a mission file; every problem is listed with its line") { file };
        check.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var path = parse.GetValue(file) is { } given ? Path.GetFullPath(given) : MissionFile.Resolve(parse.GetValue(GlobalOptions.Mission));
            var loaded = MissionLoader.LoadFile(path);
            Render(loaded);
            Terminal.Out.MarkupLine($"[green]{Markup.Escape(path)} is valid.[/]");
            return Task.FromResult(0);
        }, ct));
        return check;
    }

    private static Command Name()
    {
        var names = new Argument<string[]>("file-name") { Description = "File names to parse", Arity = ArgumentArity.OneOrMore };
        var name = new Command("name", "Parse file names by the mission's naming rules and show their fields") { names };
        name.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var mission = MissionLoader.LoadFile(MissionFile.Resolve(parse.GetValue(GlobalOptions.Mission)));
            var table = new Table().AddColumns("name", "kind", "fields");
            var invalid = 0;
            foreach (var fileName in parse.GetValue(names)!)
            {
                if (mission.TryParseFileName(fileName, out var parsed, out var error))
                {
                    table.AddRow(Markup.Escape(fileName), parsed!.Kind.ToString(), Markup.Escape(Describe(parsed)));
                }
                else
                {
                    invalid++;
                    table.AddRow(Markup.Escape(fileName), "[red]invalid[/]", Markup.Escape(error!.Message));
                }
            }
            Terminal.Out.Write(table);
            return Task.FromResult(invalid == 0 ? 0 : CommandRunner.BadInput);
        }, ct));
        return name;
    }

    private static string Describe(MissionFileName name) => string.Join(", ", new (string Key, object? Value)[]
    {
        ("instrument", name.Instrument), ("level", name.Level), ("start", name.Start?.ToString("u")), ("orbit", name.Orbit),
        ("descriptor", name.Descriptor), ("kernel", name.KernelType), ("valid", name.ValidFrom), ("coverage", name.Coverage),
        ("sequence", name.Sequence), ("version", name.Version), ("ext", name.Extension), ("md5 sidecar", name.IsChecksumSidecar ? "yes" : null),
    }.Where(f => f.Value is not null).Select(f => $"{f.Key}={f.Value}"));

    private static void Render(Sdc.Mission.Mission mission)
    {
        Terminal.Out.MarkupLine($"[bold]{Markup.Escape(mission.Name)}[/] ({mission.Id}): levels {string.Join(" → ", mission.Levels.Select(l => l.Id))}");
        var instruments = new Table().Title("Instruments").AddColumns("id", "name", "descriptors", "calibration");
        foreach (var i in mission.Instruments)
        {
            instruments.AddRow(i.Id, Markup.Escape(i.Name), string.Join(" ", i.Descriptors), string.Join(" ", i.Calibration));
        }
        Terminal.Out.Write(instruments);
        var processors = new Table().Title("Processors").AddColumns("instrument", "image", "vCPU", "memory MiB", "timeout s", "retries", "steps");
        foreach (var p in mission.Processors)
        {
            var steps = string.Join("; ", p.Steps.Select(s =>
                $"{s.From} → {string.Join("+", s.Produces)}" +
                (s.Kernels.Count > 0 ? $" (kernels {string.Join(",", s.Kernels)})" : "") +
                (s.Calibration.Count > 0 ? $" (calibration {string.Join(",", s.Calibration)})" : "")));
            processors.AddRow(p.Instrument, Markup.Escape(p.Image), p.Vcpu.ToString(System.Globalization.CultureInfo.InvariantCulture),
                p.MemoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture), p.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                p.RetryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(steps));
        }
        Terminal.Out.Write(processors);
    }
}
