namespace Sdc.States.Expressions.Paths;

/// <summary>The parser's output: whether the path starts with <c>$$</c>, and its steps.</summary>
internal sealed record ParsedPath(bool IsContext, PathSegment[] Segments);
