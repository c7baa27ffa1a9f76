using Sdc.Api.Http;
using Sdc.Catalog;

namespace Sdc.Api.Endpoints;

/// <summary>
/// Which catalogued files a caller may see. Staff see everything. An instrument team sees its
/// instrument's files and the mission-wide ancillary data every processor needs (kernels,
/// spacecraft housekeeping). The public sees released products only, and is told "not found"
/// for anything else, so unreleased names do not leak.
/// </summary>
internal static class FileAccess
{
    public static bool MayRead(Caller caller, CatalogFile file) =>
        caller.IsStaff
        || (caller.IsDataUser && (file.Kind is FileKind.Kernel or FileKind.Housekeeping || caller.MayRead(file.Instrument)));

    public static bool IsPublic(CatalogFile file) =>
        file.ReleaseId is not null && file.Kind is FileKind.Product or FileKind.Quicklook && file.Status == FileStatus.Archived;

    /// <summary>The file with <paramref name="id"/> if this caller may see it; else 404 (public) or 403.</summary>
    public static async Task<CatalogFile> FindAsync(ICatalog catalog, Caller caller, long id, bool publicRoute, CancellationToken cancellationToken)
    {
        var file = await catalog.Files.FindByIdAsync(id, cancellationToken);
        if (file is null || (publicRoute && !IsPublic(file)))
        {
            throw ApiProblemException.NotFound(publicRoute ? $"No released product with id {id}." : $"No file with id {id}.");
        }
        if (!publicRoute && !MayRead(caller, file))
        {
            throw ApiProblemException.Forbidden($"File {id} is {file.Instrument} data; {caller.Username} is not in the admin, team or itf-{file.Instrument} groups.");
        }
        return file;
    }

    /// <summary>
    /// The instrument a non-staff caller's search is limited to: the one asked for if it is theirs,
    /// their only one if none was asked for.
    /// </summary>
    public static string? ScopeInstrument(Caller caller, string? requested)
    {
        if (caller.IsStaff)
        {
            return requested;
        }
        var own = caller.InstrumentTeams;
        if (requested is not null)
        {
            return own.Contains(requested, StringComparer.Ordinal)
                ? requested
                : throw ApiProblemException.Forbidden($"{caller.Username} may search only {string.Join(", ", own)} data (groups {string.Join(", ", caller.Groups)}).");
        }
        return own.Count == 1
            ? own[0]
            : throw ApiProblemException.BadParameter("instrument", $"{caller.Username} is in several instrument teams; say which instrument to search.", "one of: " + string.Join(", ", own));
    }
}
