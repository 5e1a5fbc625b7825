using System.Data.Common;
using System.Globalization;
using Hadath.Core.Model;

namespace Hadath.Corpus.Store;

/// <summary>
/// The SQL and row readers both corpus stores (SQLite and PostgreSQL) share: the same columns read the same way, whatever
/// the provider (integers are read through <see cref="Convert"/>, as SQLite returns 64-bit integers where PostgreSQL
/// returns the column's own width).
/// </summary>
public static class StoreRows
{
    /// <summary>One document by id (parameter @id); read with <see cref="Document"/>.</summary>
    public const string DocumentById = """
        SELECT id, doc_key, external_id, url, title, source, origin, published, text, ingested_at, analysed_at, analyzer_version, analysis
        FROM documents WHERE id = @id
        """;

    /// <summary>The next documents after an id (parameters @a, @n); read with <see cref="Text"/>.</summary>
    public const string DocumentsAfter = """
        SELECT id, doc_key, external_id, text, published, url, title, source FROM documents WHERE id > @a ORDER BY id LIMIT @n
        """;

    /// <summary>A page of failures (parameters @l, @o); read with <see cref="Failure"/>.</summary>
    public const string FailuresPage =
        "SELECT origin, external_id, code, message, occurrences, last_seen FROM failures ORDER BY last_seen DESC, id DESC LIMIT @l OFFSET @o";

    public static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    public static StoredDocument Document(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6), Str(r, 7), r.GetString(8),
            r.GetString(9), r.GetString(10), r.GetString(11), CorpusJson.DeserializeDocument(Packed.Unpack((byte[])r.GetValue(12))));

    public static StoredText Text(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), new InputDocument
    {
        Id = Str(r, 2),
        Text = r.GetString(3),
        Published = Str(r, 4) is { } p && DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
        Url = Str(r, 5),
        Title = Str(r, 6),
        Source = Str(r, 7),
    });

    public static FailureRecord Failure(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Int(r, 4), r.GetString(5));

    /// <summary>The document columns id, external_id, url, title, published at 0–4.</summary>
    public static DocumentRef DocRef(DbDataReader r) => new(r.GetInt64(0), Str(r, 1), Str(r, 2), Str(r, 3), Str(r, 4));

    /// <summary>A quote search row: the document at 0–4, the quote and its speaker at 5–15.</summary>
    public static QuoteOut Quote(DbDataReader r) => new()
    {
        Text = r.GetString(5),
        Start = Int(r, 6),
        End = Int(r, 7),
        Direct = Convert.ToInt64(r.GetValue(8), CultureInfo.InvariantCulture) != 0,
        Cue = Str(r, 9),
        Speaker = Str(r, 10) is null && Str(r, 11) is null && Str(r, 13) is null ? null : new ActorOut
        {
            Text = Str(r, 10), Id = Str(r, 11), Name = Str(r, 12), Code = Str(r, 13), Country = Str(r, 14), Sector = Str(r, 15),
        },
    };

    /// <summary>A count row: a label (or - when null) and a count.</summary>
    public static CountRow Count(DbDataReader r) => new(r.IsDBNull(0) ? "-" : r.GetString(0), r.GetInt64(1));
}
