using System.Globalization;

namespace Sdc.Api.Tests;

/// <summary>
/// One call to every /v1 route of the API, with a body where it takes one, as templates whose
/// <c>{name}</c> placeholders are ids of the seeded world (<see cref="Fill"/>). The handler's and
/// the host's access tests both walk this list, so a new route is tested by both once it is here.
/// </summary>
public static class RouteSamples
{
    public static TheoryData<string, string, string?> Routes => new()
    {
        { "GET", "/v1/me", null },
        { "GET", "/v1/products", null },
        { "GET", "/v1/products/{exi-l1}", null },
        { "GET", "/v1/products/{exi-l1}/download", null },
        { "POST", "/v1/downloads", """{"ids":[{exi-l1}]}""" },
        { "GET", "/v1/files", null },
        { "GET", "/v1/files/{exi-l0}", null },
        { "GET", "/v1/files/{exi-l0}/download", null },
        { "GET", "/v1/runs", null },
        { "GET", "/v1/runs/{run}", null },
        { "GET", "/v1/jobs/{exi-job}", null },
        { "GET", "/v1/jobs/{exi-job}/log", null },
        { "GET", "/v1/coverage", null },
        { "POST", "/v1/reprocess", """{"instrument":"exi","from":"2021-02-24","to":"2021-02-25"}""" },
        { "GET", "/v1/releases", null },
        { "POST", "/v1/releases", """{"cutoff":"2020-01-01","notes":"empty"}""" },
        { "POST", "/v1/uploads", """{"name":"emm_exi_l3_20210224T040000_0001_f546_v01-00.fits"}""" },
    };

    /// <summary>The body <see cref="Routes"/> gives a POST route.</summary>
    public static string? BodyOf(string method, string path) =>
        method == "POST" ? Routes.Where(r => (string)r[0] == method && (string)r[1] == path.Split('?')[0]).Select(r => (string?)r[2]).First() : null;

    /// <summary>The template with the world's ids in place of its placeholders.</summary>
    public static string Fill(ApiWorld world, string template)
    {
        ArgumentNullException.ThrowIfNull(world);
        foreach (var (name, file) in world.Files)
        {
            template = template.Replace("{" + name + "}", file.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        return template.Replace("{run}", world.Run.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{exi-job}", world.ExiJob.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
