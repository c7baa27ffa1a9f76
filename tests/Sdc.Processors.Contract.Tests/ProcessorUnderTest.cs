namespace Sdc.Processors.Contract.Tests;

/// <summary>
/// A processor executable the contract suite can be pointed at: how to start it (its `run`
/// script, exactly as the SDC's job runner does), what it is called, and which step it performs.
/// Adding an ITF's processor to the suite is one more entry in <see cref="All"/>.
/// </summary>
public sealed record ProcessorUnderTest(string Id, string RunScript, string Name, string Version, string Instrument, string From, string[] Produces, string MessagesTable)
{
    public static IReadOnlyList<ProcessorUnderTest> All { get; } =
    [
        new("exi", "processors/exi/run", "exi", "1.0.0", "exi", "l0", ["l1"], "processors/exi/MESSAGES.md"),
        new("emr", "processors/emr/run", "emr", "1.0.0", "emr", "l0", ["l1"], "processors/emr/MESSAGES.md"),
        new("emu", "processors/emu/run", "emu", "1.0.0", "emu", "l0", ["l1"], "processors/emu/MESSAGES.md"),
        new("emu-py", "processors/emu-py/run", "emu", "1.0.0-py", "emu", "l0", ["l1"], "processors/emu-py/MESSAGES.md"),
    ];

    public static ProcessorUnderTest Get(string id) => All.Single(p => p.Id == id);

    public override string ToString() => Id;
}
