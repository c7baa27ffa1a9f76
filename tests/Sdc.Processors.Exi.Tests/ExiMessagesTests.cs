using System.Text.RegularExpressions;
using Sdc.Processing;
using Sdc.Processors.Exi.Tests.Support;

namespace Sdc.Processors.Exi.Tests;

public sealed partial class ExiMessagesTests
{
    [Fact]
    public void All_ComparedWithMessagesMd_IsTheSameTable()
    {
        var documented = TableRows(File.ReadAllText(Repository.PathOf("processors/exi/MESSAGES.md")));

        var inCode = ExiMessages.All.Select(m => (m.Code, m.Severity.ToString().ToLowerInvariant(), m.Meaning)).ToList();

        Assert.Equal(inCode, documented);
    }

    [Fact]
    public void All_Codes_AreUniqueAndTheLetterMatchesTheSeverity()
    {
        Assert.Equal(ExiMessages.All.Count, ExiMessages.All.Select(m => m.Code).Distinct().Count());
        Assert.All(ExiMessages.All, m =>
        {
            Assert.Matches(@"^EXI-[IWE]\d{3}$", m.Code);
            Assert.Equal(m.Severity switch { MessageSeverity.Info => 'I', MessageSeverity.Warning => 'W', _ => 'E' }, m.Code[4]);
        });
        Assert.Equal(ExiMessages.All, new ExiProcessor().Messages);
    }

    [Fact]
    public void Constants_EveryOne_IsInTheTable()
    {
        var constants = typeof(ExiMessages).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(constants.Order(), ExiMessages.All.Select(m => m.Code).Order());
    }

    private static List<(string Code, string Severity, string Meaning)> TableRows(string markdown) =>
        [.. markdown.Split('\n').Select(l => Row().Match(l)).Where(m => m.Success).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value.Trim()))];

    [GeneratedRegex(@"^\| (EXI-[IWE]\d{3}) \| (info|warning|error) \| (.+) \|\s*$")]
    private static partial Regex Row();
}
