namespace Sdc.Mission;

/// <summary>A processing level (l0, l1, l2, ql, l3) and the extensions its files may have.</summary>
public sealed record Level(string Id, string Description, IReadOnlyList<string> Extensions, int Order);
