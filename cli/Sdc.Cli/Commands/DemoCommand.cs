using System.CommandLine;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc demo</c>: one day of simulated EMM data from Level 0 to a browsable portal. Until the
/// pipeline exists it says what it will do and that it cannot yet, rather than pretending.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var noServe = new Option<bool>("--no-serve") { Description = "Exit when the pipeline is done instead of serving the portal" };
        var demo = new Command("demo", "Simulate a day of EMM data and run it through the whole SDC on this machine") { noServe };
        demo.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var data = DataDirectory.Resolve(parse.GetValue(GlobalOptions.Data));
            Terminal.Out.MarkupLine("[bold]sdc demo[/] will, in [blue]" + Markup.Escape(data.Root) + "[/]:");
            string[] steps =
            [
                "simulate one day of EMM Level 0 data (EXI, EMIRS, EMUS), housekeeping, SPICE kernels and calibration",
                "deliver it to the local inbox the way the MOC does, delivery record last",
                "check each file's integrity and archive it in the catalog",
                "run pipeline.asl.json: Level 1, then Level 2 and quicklooks, with every job's status",
                "print a summary table and serve the portal on http://127.0.0.1:8080",
            ];
            for (var i = 0; i < steps.Length; i++)
            {
                Terminal.Out.MarkupLine($"  {i + 1}. {Markup.Escape(steps[i])}");
            }
            throw new NotYetBuiltException("pipeline");
        }, ct));
        return demo;
    }
}
