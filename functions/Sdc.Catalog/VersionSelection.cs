namespace Sdc.Catalog;

/// <summary>Which versions of each product a search returns (<c>version=latest|all</c>).</summary>
public enum VersionSelection
{
    /// <summary>Only the highest version of each logical product.</summary>
    Latest,
    All,
}
