using System.Text;

namespace Sdc.Promotion.Runs;

/// <summary>
/// How to start a processor: an executable and its arguments, written as one command line
/// (<c>processors/exi/run</c>, or <c>docker run --rm -e SDC_JOB -v /tmp:/tmp sdc/exi-processor@sha256:…</c>).
/// The job reaches it in <c>SDC_JOB</c>, as in the Batch container. Words are split as a POSIX
/// shell splits them, with single and double quotes and backslashes; nothing is expanded.
/// </summary>
public sealed record ProcessorCommand(string Executable, IReadOnlyList<string> Arguments, string Text)
{
    /// <exception cref="ArgumentException">Empty, or a quote is left open.</exception>
    public static ProcessorCommand Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
                continue;
            }
            if (c == '\\' && i + 1 < text.Length && (quote is null || text[i + 1] is '"' or '\\' or '$' or '`'))
            {
                word.Append(text[++i]);
                inWord = true;
                continue;
            }
            if (quote == '"')
            {
                if (c == '"')
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
                continue;
            }
            if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote is not null)
        {
            throw new ArgumentException($"Processor command '{text}': the {quote} quote is not closed.");
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words.Count == 0
            ? throw new ArgumentException("The processor command is empty; expected e.g. processors/exi/run or docker run … <image>.")
            : new ProcessorCommand(words[0], words[1..], text.Trim());
    }

    public override string ToString() => Text;
}
