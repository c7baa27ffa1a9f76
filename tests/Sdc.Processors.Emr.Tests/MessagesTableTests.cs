using System.Reflection;
using System.Text.RegularExpressions;
using Sdc.Processors.Emr.Tests.Support;

namespace Sdc.Processors.Emr.Tests;

public partial class MessagesTableTests
{
    [Fact]
    public void EmrMessages_All_IsExactlyTheTableInMessagesMd()
    {
        var rows = File.ReadAllLines(Repository.PathOf("processors/emr/MESSAGES.md"))
            .Select(line => Row().Match(line))
            .Where(m => m.Success)
            .Select(m => (m.Groups["code"].Value, m.Groups["severity"].Value, m.Groups["meaning"].Value.Trim()))
            .ToList();

        var table = EmrMessages.All.Select(c => (c.Code, c.Severity.ToString().ToLowerInvariant(), c.Meaning)).ToList();

        Assert.Equal(table, rows);
    }

    [Fact]
    public void EmrMessages_EveryCodeConstant_IsInTheTableOnceWithItsSeverityLetter()
    {
        var constants = typeof(EmrMessages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(constants.Order(StringComparer.Ordinal), EmrMessages.All.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.All(EmrMessages.All, c => Assert.Equal(c.Severity.ToString()[0], c.Code[4]));
    }

    [GeneratedRegex(@"^\| (?<code>EMR-[IWE][0-9]{3}) \| (?<severity>info|warning|error) \| (?<meaning>.*) \|$")]
    private static partial Regex Row();
}
