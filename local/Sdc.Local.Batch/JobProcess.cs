using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Sdc.Local.Batch;

/// <summary>
/// One job's process, started under a small bash supervisor so that nothing it starts can outlive
/// the job or the runner (see <see cref="Supervisor"/>); its stdout and stderr are pumped into the
/// job's log line by line as they arrive.
/// </summary>
internal sealed class JobProcess : IDisposable
{
    /// <summary>A line longer than this is logged in pieces: one endless line must not grow without bound.</summary>
    public const int MaxLineChars = 256 * 1024;

    /// <summary>
    /// The supervisor, run as <c>bash -c Supervisor &lt;job name&gt; &lt;command&gt; [arguments...]</c>
    /// with its stdin a pipe that the runner holds and never writes:
    /// <list type="bullet">
    /// <item>The command runs as a background job under job control (<c>set -m</c>), which puts it in a
    /// process group of its own (its pid is the group id); everything it starts joins that group
    /// unless it leaves on purpose. Its stdin is /dev/null.</item>
    /// <item>A watchdog subshell blocks reading the supervisor's stdin. End of file comes when the
    /// runner closes the pipe to kill the job, or when the runner's process dies for any reason,
    /// SIGKILL included, because the kernel closes a dead process's descriptors (.NET opens its
    /// pipes close-on-exec, so no other child holds the write end). The watchdog then SIGKILLs the
    /// whole group.</item>
    /// <item>When the command exits, the supervisor SIGKILLs what is left of its group (a container
    /// stops with its main process) and exits with the command's status (128 + signal when killed).</item>
    /// <item>The supervisor and watchdog ignore INT, QUIT, HUP and TERM: a Ctrl-C at the terminal
    /// reaches the runner's process group, and the job must die by the watchdog, not be orphaned by
    /// a supervisor that died first.</item>
    /// </list>
    /// This needs only bash and POSIX signals (Linux and macOS), no native code: prctl's
    /// PR_SET_PDEATHSIG is Linux-only, cannot be set from .NET between fork and exec, and fires when
    /// the forking thread (a thread-pool thread) exits rather than the process.
    /// </summary>
    public const string Supervisor = """
        set -m
        "$@" </dev/null &
        sdc_job=$!
        set +m
        trap '' INT QUIT HUP TERM
        { read -r _ || :; kill -KILL -- "-$sdc_job"; } <&0 >/dev/null 2>&1 &
        sdc_watchdog=$!
        wait "$sdc_job" 2>/dev/null
        sdc_status=$?
        exec 2>/dev/null
        kill -KILL -- "-$sdc_job"
        kill -KILL "$sdc_watchdog"
        exit "$sdc_status"
        """;

    private readonly Process _process;
    private readonly Task _pumps;

    private JobProcess(Process process, JobLog log, Action<string> onStdoutLine)
    {
        _process = process;
        _pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, JobLog.Out, log, onStdoutLine),
            PumpAsync(process.StandardError, JobLog.Err, log, null));
    }

    public int Id => _process.Id;

    /// <summary>The exit status: the command's, or 128 + signal when it was killed.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The start information for a supervised command; also what the tests start by hand.</summary>
    public static ProcessStartInfo CreateStartInfo(
        string jobName, string executable, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Supervisor);
        start.ArgumentList.Add(jobName); // $0: what ps shows for the supervisor
        start.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }

    /// <summary>Starts the process; throws <see cref="Win32Exception"/> when bash itself cannot start.</summary>
    /// <param name="onStdoutLine">Called with each stdout line the log kept.</param>
    public static JobProcess Start(ProcessStartInfo start, JobLog log, Action<string> onStdoutLine)
    {
        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return new JobProcess(process, log, onStdoutLine);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// Kills the job and everything it started: closing stdin makes the watchdog kill the job's
    /// process group; then, in case the supervisor itself is stuck, the whole process tree is killed.
    /// Returns when the supervisor has exited.
    /// </summary>
    public async Task KillAsync(TimeSpan grace, TimeProvider clock)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The supervisor is already gone; the tree kill below is a no-op then.
        }
        using (var patience = new CancellationTokenSource(grace, clock))
        {
            try
            {
                await _process.WaitForExitAsync(patience.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or AggregateException)
        {
            // Exited meanwhile, or a descendant was already gone: nothing left to kill.
        }
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until stdout and stderr reach end of file, at most <paramref name="grace"/>: a
    /// process that left its group on purpose and kept the pipes open must not hold the job forever.
    /// </summary>
    /// <returns>False when the output was given up on.</returns>
    public async Task<bool> DrainOutputAsync(TimeSpan grace, TimeProvider clock)
    {
        try
        {
            await _pumps.WaitAsync(grace, clock).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Dispose() => _process.Dispose();

    private static async Task PumpAsync(StreamReader reader, string stream, JobLog log, Action<string>? onLine)
    {
        var buffer = new char[8192];
        var line = new StringBuilder();
        void Emit()
        {
            var text = line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
            line.Clear();
            if (log.Append(stream, text))
            {
                onLine?.Invoke(text);
            }
        }
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                foreach (var c in buffer.AsSpan(0, read))
                {
                    if (c == '\n')
                    {
                        Emit();
                        continue;
                    }
                    line.Append(c);
                    if (line.Length >= MaxLineChars)
                    {
                        Emit();
                    }
                }
            }
            if (line.Length > 0)
            {
                Emit();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The runner gave up on the output and disposed the process; the log is sealed already.
        }
    }
}
