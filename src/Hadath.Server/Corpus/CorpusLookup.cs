using Microsoft.Data.Sqlite;

namespace Hadath.Server.Corpus;

/// <summary>
/// Finds the ids of stored documents by their keys. The corpus store reports how many documents an ingestion added but
/// not their ids, which the API returns (and puts in Location); until the store offers that, this reads the documents
/// table of the SQLite corpus directly (schema in docs/corpus.md), read-only.
/// </summary>
public static class CorpusLookup
{
    /// <summary>Ids of the documents with these keys, for the keys that are stored.</summary>
    public static IReadOnlyDictionary<string, long> IdsOf(string databasePath, IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        if (keys.Count == 0) return found;
        var cs = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(cs);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id FROM documents WHERE doc_key = $k";
        var p = cmd.Parameters.Add("$k", SqliteType.Text);
        foreach (var key in keys)
        {
            p.Value = key;
            if (cmd.ExecuteScalar() is long id) found[key] = id;
        }
        return found;
    }
}
