using Sdc.Promotion.Runs;

namespace Sdc.Promotion.Tests;

public sealed class ProcessorCommandTests
{
    [Theory]
    [InlineData("processors/exi/run", "processors/exi/run", new string[0])]
    [InlineData("  processors/exi/run   --config  /tmp/x.yaml ", "processors/exi/run", new[] { "--config", "/tmp/x.yaml" })]
    [InlineData("docker run --rm -e SDC_JOB -v /w:/w sdc/exi@sha256:ab", "docker", new[] { "run", "--rm", "-e", "SDC_JOB", "-v", "/w:/w", "sdc/exi@sha256:ab" })]
    [InlineData("run --config 'my file.yaml'", "run", new[] { "--config", "my file.yaml" })]
    [InlineData("run --name \"a \\\"b\\\" c\" x\\ y", "run", new[] { "--name", "a \"b\" c", "x y" })]
    [InlineData("run '' \"$HOME\"", "run", new[] { "", "$HOME" })]
    public void Parse_CommandLine_WordsAsAShellSplitsThem(string text, string executable, string[] arguments)
    {
        var command = ProcessorCommand.Parse(text);

        Assert.Equal(executable, command.Executable);
        Assert.Equal(arguments, command.Arguments);
        Assert.Equal(text.Trim(), command.Text);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("run 'open", "the ' quote is not closed")]
    [InlineData("run \"open", "the \" quote is not closed")]
    public void Parse_Malformed_ArgumentException(string text, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => ProcessorCommand.Parse(text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
