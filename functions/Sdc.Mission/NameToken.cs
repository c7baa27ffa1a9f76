namespace Sdc.Mission;

/// <summary>
/// One placeholder of a naming pattern (<c>{orbit}</c>, <c>{start}</c>…): how to read its text into
/// the typed fields, and how to write it back. <see cref="Read"/> returns the updated fields, or
/// null with <paramref name="expected"/> describing what would have been valid.
/// </summary>
internal abstract class NameToken(string name)
{
    public string Name { get; } = name;

    /// <summary>The noun used in error messages ("orbit number", "instrument").</summary>
    public virtual string Description => Name;

    public abstract MissionFileName? Read(string text, MissionFileName fields, Mission mission, out string expected);

    /// <summary>The text for this token, or null when the field it writes is not set.</summary>
    public abstract string? Write(MissionFileName fields, Mission mission);
}
