using Sdc.Mission;

namespace Sdc.Cli;

/// <summary>
/// Runs a command body and turns failures into a message and an exit code: 2 for bad input
/// (the message says what to fix), 1 for anything unexpected, 130 when interrupted.
/// </summary>
internal static class CommandRunner
{
    public const int BadInput = 2;

    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (MissionFileException e)
        {
            foreach (var problem in e.Problems)
            {
                Error(problem.ToString());
            }
            Error($"{e.Problems.Count} problem(s) in the mission file.");
            return BadInput;
        }
        catch (NotYetBuiltException e)
        {
            Error(e.Message);
            return NotYetBuiltException.ExitCode;
        }
        catch (Exception e) when (e is UserError or FileNameException or ArgumentException or FormatException)
        {
            Error(e.Message);
            return BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Error("Interrupted.");
            return 130;
        }
        catch (Exception e)
        {
            Error($"Unexpected failure: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("SDC_DEBUG") is { Length: > 0 })
            {
                Console.Error.WriteLine(e);
            }
            else
            {
                Console.Error.WriteLine("(set SDC_DEBUG=1 for the stack trace)");
            }
            return 1;
        }
    }

    private static void Error(string message) => Terminal.Error(message);
}
