namespace Sdc.Promotion.Runs;

/// <summary>One message line a processor printed: severity (info, warning, error), its documented code and text.</summary>
public sealed record RunMessage(string Severity, string Code, string Text);
