using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sdc.Cli.Remote;

/// <summary>
/// Sign-ins cached under the user's home (<c>$SDC_CONFIG_HOME</c>, else <c>$XDG_CONFIG_HOME/sdc</c>,
/// else <c>~/.config/sdc</c>), one per SDC endpoint, in a file only the user can read (it holds
/// refresh tokens). The last sign-in is the default endpoint of later commands.
/// </summary>
internal sealed class CredentialStore(string folder)
{
    private const string FileName = "credentials.json";

    public string Path { get; } = System.IO.Path.Combine(folder, FileName);

    public static CredentialStore ForCurrentUser()
    {
        var folder = Environment.GetEnvironmentVariable("SDC_CONFIG_HOME") is { Length: > 0 } sdc ? sdc
            : Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? System.IO.Path.Combine(xdg, "sdc")
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "sdc");
        return new CredentialStore(folder);
    }

    /// <summary>The sign-in for <paramref name="endpoint"/>, or for the last endpoint signed in to when null.</summary>
    public SavedLogin? Find(string? endpoint)
    {
        var file = Read();
        var key = endpoint is null ? file.Current : Normalize(endpoint);
        return key is not null && file.Logins.TryGetValue(key, out var login) ? login : null;
    }

    public void Save(SavedLogin login)
    {
        var file = Read();
        var key = Normalize(login.Endpoint);
        file.Logins[key] = login with { Endpoint = key };
        file.Current = key;
        Write(file);
    }

    public bool Remove(string? endpoint)
    {
        var file = Read();
        var key = endpoint is null ? file.Current : Normalize(endpoint);
        if (key is null || !file.Logins.Remove(key))
        {
            return false;
        }
        if (file.Current == key)
        {
            file.Current = file.Logins.Keys.FirstOrDefault();
        }
        Write(file);
        return true;
    }

    public static string Normalize(string endpoint) => endpoint.TrimEnd('/') + "/";

    private CredentialFile Read()
    {
        if (!File.Exists(Path))
        {
            return new CredentialFile();
        }
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path), RemoteJsonContext.Default.CredentialFile) ?? new CredentialFile();
        }
        catch (JsonException e)
        {
            throw new UserError($"{Path} is not readable JSON ({e.Message}); delete it and sign in again with `sdc login`.");
        }
    }

    private void Write(CredentialFile file)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = Path + ".tmp";
        // Created private before anything is written into it.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, file, RemoteJsonContext.Default.CredentialFile);
        }
        File.Move(temp, Path, overwrite: true);
    }
}

/// <summary>The credentials file's shape.</summary>
internal sealed class CredentialFile
{
    public string? Current { get; set; }

    public Dictionary<string, SavedLogin> Logins { get; set; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CredentialFile))]
internal sealed partial class RemoteJsonContext : JsonSerializerContext;
