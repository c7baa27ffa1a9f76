using Spectre.Console;

namespace Sdc.Cli;

/// <summary>The two consoles: results on stdout (pipe-friendly), problems on stderr.</summary>
internal static class Terminal
{
    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Err { get; } = Create(Console.Error, Console.IsErrorRedirected);

    public static void Error(string message) => Err.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");

    // Piped into a file or another program, lines should not wrap at 80 columns nor carry colour codes.
    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = 200;
        }
        return console;
    }
}
