using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Sdc.Processors.Emu.Tests.Support;

/// <summary>Checks a job's outputs.json against the files beside it: exactly those files, with their sizes and checksums, named by mission.yaml.</summary>
internal static class OutputsAssert
{
    public static JsonArray Consistent(string outputFolder)
    {
        var outputs = JsonNode.Parse(File.ReadAllText(Path.Combine(outputFolder, "outputs.json")))!.AsObject();
        var products = outputs["products"]!.AsArray();
        var names = products.Select(p => (string)p!["name"]!).Order(StringComparer.Ordinal).ToList();
        var files = Directory.GetFiles(outputFolder).Select(f => Path.GetFileName(f)).Where(n => n != "outputs.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, names);
        Assert.Equal("emu", (string?)outputs["instrument"]);
        foreach (var product in products.Select(p => p!.AsObject()))
        {
            var name = (string)product["name"]!;
            var bytes = File.ReadAllBytes(Path.Combine(outputFolder, name));
            Assert.Equal(bytes.Length, (long)product["size"]!);
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), (string?)product["md5"]);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), (string?)product["sha256"]);
            Assert.True(RepositoryFiles.Mission.TryParseFileName(name, out var parsed, out var error), error?.Message);
            Assert.Equal("emu", parsed!.Instrument);
            Assert.Equal((string?)product["level"], parsed.Level);
            Assert.Equal((string?)product["descriptor"], parsed.Descriptor);
            Assert.Equal((int?)product["orbit"], parsed.Orbit);
            Assert.Equal("01-00", (string?)product["version"]);
            Assert.True(DateTimeOffset.Parse((string)product["start"]!, System.Globalization.CultureInfo.InvariantCulture)
                < DateTimeOffset.Parse((string)product["end"]!, System.Globalization.CultureInfo.InvariantCulture));
        }
        return products;
    }
}
