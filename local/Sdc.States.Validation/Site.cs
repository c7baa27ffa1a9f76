namespace Sdc.States.Validation;

/// <summary>A place in the definition: the state it belongs to and the path to it, where problems are reported.</summary>
internal readonly record struct Site(ValidationContext Context, string? StateName, string Path)
{
    public Site Field(string name) => this with { Path = Path.Length == 0 ? name : $"{Path}.{name}" };

    public Site Index(int index) => this with { Path = $"{Path}[{index}]" };

    public Site ForState(string stateName) => this with { StateName = stateName };

    public void Report(string code, string message) => Context.Report(StateName, Path, code, message);
}
