using System.CommandLine;
using Sdc.Cli.Commands;

namespace Sdc.Cli;

/// <summary>The <c>sdc</c> command tree. Each subcommand lives in Commands/ and only binds options to one operation.</summary>
internal static class SdcCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("SDC: the Science Data Center of a space mission, on one machine or on AWS")
        {
            GlobalOptions.Data,
            GlobalOptions.Mission,
        };
        root.Add(DemoCommand.Create());
        root.Add(MissionCommands.Create());
        root.Add(CatalogCommands.Create());
        root.Add(StatesCommands.Create());
        root.Add(SimulateCommand.Create());
        root.Add(IngestCommand.Create());
        root.Add(ReconcileCommand.Create());
        root.Add(LocalCommands.Create());
        root.Add(RunsCommands.Create());
        root.Add(ReprocessCommand.Create());
        root.Add(UsersCommands.Create());
        foreach (var command in LoginCommand.Create())
        {
            root.Add(command);
        }
        root.Add(ReleasesCommands.Create());
        root.Add(ProcessorsCommands.Create());
        root.Add(SearchCommand.Create());
        root.Add(DownloadCommand.Create());
        root.Add(UploadCommand.Create());
        root.Add(DeployCheckCommand.Create());
        return root;
    }
}
