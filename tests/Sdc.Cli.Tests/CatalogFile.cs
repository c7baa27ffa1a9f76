using Microsoft.Data.Sqlite;

namespace Sdc.Cli.Tests;

/// <summary>Reads a data directory's SQLite catalog behind the CLI's back (read-only), as a test checks what a command left.</summary>
internal static class CatalogFile
{
    public static SqliteConnection Open(string data)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(data, "catalog.db")};Mode=ReadOnly;Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    /// <summary>The first column of every row of <paramref name="sql"/> (a fixed query from the test), as text.</summary>
    public static List<string> Column(string data, string sql)
    {
        using var connection = Open(data);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
