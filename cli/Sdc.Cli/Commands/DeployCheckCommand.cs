using System.CommandLine;
using System.Diagnostics;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc deploy-check</c>: the AWS deployment checked without AWS. The work is
/// <c>infra/deploy-check</c> (synthesis, template and ASL validation, the CDK assertion tests),
/// which CI runs too; this puts it where operators look for commands.
/// </summary>
internal static class DeployCheckCommand
{
    public static Command Create()
    {
        var noTests = new Option<bool>("--no-tests") { Description = "Synthesize and validate only; skip the CDK assertion tests (about a minute)" };
        var command = new Command("deploy-check", "Synthesize the AWS deployment (both stages) and check it offline: CloudFormation schemas, ASL, least privilege")
        {
            noTests,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var script = Path.Combine(RuntimeHost.RepositoryHome(), "infra", "deploy-check");
            var start = new ProcessStartInfo(script) { UseShellExecute = false };
            if (parse.GetValue(noTests))
            {
                start.ArgumentList.Add("--no-tests");
            }
            using var process = Process.Start(start) ?? throw new UserError($"Could not start {script}.");
            await process.WaitForExitAsync(token);
            return process.ExitCode;
        }, ct));
        return command;
    }
}
