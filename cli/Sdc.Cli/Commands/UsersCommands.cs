using System.CommandLine;
using System.Globalization;
using Sdc.Catalog;
using Sdc.Local.Auth;
using Sdc.Mission;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc users add|list|remove</c>: the users the local issuer signs in (on AWS the Cognito user
/// pool holds them, managed in the console or with the AWS CLI).
/// </summary>
internal static class UsersCommands
{
    public static Command Create()
    {
        var catalogOption = new Option<string?>("--catalog")
        {
            Description = "SQLite file path or PostgreSQL URL (default: $SDC_CATALOG, else <data>/catalog.db)",
            Recursive = true,
        };
        var users = new Command("users", "Users of the local sign-in (name, password, groups)") { catalogOption };
        users.Add(Add(catalogOption));
        users.Add(List(catalogOption));
        users.Add(Remove(catalogOption));
        return users;
    }

    private static Command Add(Option<string?> catalogOption)
    {
        var name = new Argument<string>("name") { Description = "User name (what they sign in with)" };
        var password = new Option<string?>("--password")
        {
            Description = $"At least {LocalAccounts.MinimumPasswordLength} characters (default: asked for without echo, or read from standard input)",
        };
        var groups = new Option<string[]>("--group")
        {
            Description = "admin, team or itf-<instrument>; repeat for several",
            AllowMultipleArgumentsPerToken = false,
        };
        var add = new Command("add", "Add a user with a password and groups") { name, password, groups };
        add.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var username = parse.GetValue(name)!;
            var groupNames = GroupNamesOf(parse);
            var given = parse.GetValue(groups) ?? [];
            if (given.Length == 0)
            {
                throw new UserError($"Give at least one --group: {string.Join(", ", groupNames.Accepted)}.");
            }
            groupNames.Validate(given);
            LocalAccounts.ValidateUsername(username);

            await using var catalog = await CatalogLocation.OpenMigratedAsync(parse.GetValue(catalogOption), Data(parse), token);
            // Before asking for a password that could not be used.
            if (await catalog.Users.FindAsync(username, token) is not null)
            {
                throw new UserError($"User '{username}' already exists; `sdc users remove {username}` first to replace it.");
            }
            var secret = parse.GetValue(password) ?? ReadPassword();
            var accounts = new LocalAccounts(catalog.Users, groupNames, TimeProvider.System);
            CatalogUser user;
            try
            {
                user = await accounts.AddAsync(username, secret, given, token);
            }
            catch (UserAlreadyExistsException e)
            {
                throw new UserError(e.Message);
            }
            Terminal.Out.MarkupLine(Markup.Escape($"Added user {user.Username} (groups: {string.Join(", ", user.Groups)})."));
            return 0;
        }, ct));
        return add;
    }

    private static Command List(Option<string?> catalogOption)
    {
        var list = new Command("list", "Every user, with their groups");
        list.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            await using var catalog = await CatalogLocation.OpenMigratedAsync(parse.GetValue(catalogOption), Data(parse), token);
            var all = await catalog.Users.ListAsync(token);
            if (all.Count == 0)
            {
                Terminal.Out.MarkupLine(Markup.Escape("No users yet; add one with `sdc users add <name> --group <group>`."));
                return 0;
            }
            var table = new Table().AddColumns("user", "groups", "added (UTC)");
            foreach (var user in all)
            {
                table.AddRow(Markup.Escape(user.Username), Markup.Escape(string.Join(' ', user.Groups)),
                    user.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            }
            Terminal.Out.Write(table);
            return 0;
        }, ct));
        return list;
    }

    private static Command Remove(Option<string?> catalogOption)
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var remove = new Command("remove", "Remove a user; their refresh tokens stop working at once") { name };
        remove.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var username = parse.GetValue(name)!;
            await using var catalog = await CatalogLocation.OpenMigratedAsync(parse.GetValue(catalogOption), Data(parse), token);
            if (!await catalog.Users.RemoveAsync(username, token))
            {
                throw new UserError($"No user '{username}'; `sdc users list` shows them.");
            }
            // ID and access tokens are checked by signature, not looked up: those already issued
            // stay valid until they expire.
            Terminal.Out.MarkupLine(Markup.Escape($"Removed user {username}: they can no longer sign in or refresh; tokens already issued expire within the hour."));
            return 0;
        }, ct));
        return remove;
    }

    private static DataDirectory Data(ParseResult parse) => DataDirectory.Resolve(parse.GetValue(GlobalOptions.Data));

    // Instrument teams are the instruments that have a processor in the mission file.
    private static GroupNames GroupNamesOf(ParseResult parse) =>
        new(MissionLoader.LoadFile(MissionFile.Resolve(parse.GetValue(GlobalOptions.Mission))).Processors.Select(p => p.Instrument));

    /// <summary>
    /// Asks twice without echo on a terminal; reads one line from standard input when it is a
    /// pipe (scripts: <c>echo "$PW" | sdc users add …</c>), never from the command line's history.
    /// </summary>
    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new UserError("No --password given and standard input is empty.");
        }
        var first = Terminal.Err.Prompt(new TextPrompt<string>("Password:").Secret());
        var second = Terminal.Err.Prompt(new TextPrompt<string>("Repeat it:").Secret());
        return first == second ? first : throw new UserError("The two passwords differ; nothing was changed.");
    }
}
