using Sdc.Processing;

namespace Sdc.Processors.Emu.Tests;

public class MessagesTests
{
    [Fact]
    public void MessageTable_ComparedWithMessagesMd_IsTheSameTable()
    {
        var rows = File.ReadAllLines(Path.Combine(Support.RepositoryFiles.EmuFolder, "MESSAGES.md"))
            .Where(l => l.StartsWith("| EMU-", StringComparison.Ordinal))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => $"{c[0]} | {c[1]} | {c[2]}")
            .ToList();
        var table = EmuMessages.All.Select(m => $"{m.Code} | {m.Severity.ToString().ToLowerInvariant()} | {m.Meaning}").ToList();

        Assert.Equal(table, rows);
    }

    [Fact]
    public void MessageTable_Codes_AreUniqueEmuCodesWithTheirSeverityLetter()
    {
        Assert.Equal(EmuMessages.All.Count, EmuMessages.All.Select(m => m.Code).Distinct().Count());
        Assert.All(EmuMessages.All, m =>
        {
            Assert.Matches("^EMU-[EWI][0-9]{3}$", m.Code);
            Assert.Equal(m.Severity switch { MessageSeverity.Error => 'E', MessageSeverity.Warning => 'W', _ => 'I' }, m.Code[4]);
        });
        // The SDK refuses a table that repeats one of its codes.
        _ = new MessageCatalog(EmuMessages.All);
    }
}
