using System.Globalization;

namespace Hadath.Corpus.Store;

/// <summary>
/// The WHERE clause over <c>event_mentions m</c> for an <see cref="EventFilter"/>, in SQL that SQLite and PostgreSQL both
/// read, with its parameters. Both stores build their event queries on it, so a filter means the same on either.
/// </summary>
public static class EventFilterSql
{
    /// <summary>The clause (empty when nothing is filtered) and its parameters, named with <paramref name="parameterPrefix"/>
    /// ("@" for Microsoft.Data.Sqlite, "" for Npgsql); the SQL always writes them as @name.</summary>
    public static (string Where, List<(string Name, object? Value)> Parameters) Build(EventFilter f, string parameterPrefix = "@")
    {
        var clauses = new List<string>();
        var ps = new List<(string Name, object? Value)>();
        var p = parameterPrefix;
        void ActorClause(string name, string? value, params string[] prefixes)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            var v = value.Trim();
            ps.Add(($"{p}{name}_u", v.ToUpperInvariant()));
            ps.Add(($"{p}{name}_l", v.ToLowerInvariant()));
            ps.Add(($"{p}{name}_like", "%" + EscapeLike(v) + "%"));
            ps.Add(($"{p}{name}_raw", v));
            // A code (RUS, RUSGOV, an id) is compared with the code columns, which indexes serve; other text (بوتين,
            // "vladimir putin") with names and the words of the mention.
            var isCode = v.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':');
            var parts = prefixes.Select(c => isCode
                ? $"m.{c}_country = @{name}_u OR m.{c}_actor_id IN (SELECT a.id FROM actors a WHERE a.code = @{name}_u OR a.kb_id = @{name}_raw)"
                : $"LOWER(m.{c}_name) = @{name}_l OR LOWER(m.{c}_kb_id) = @{name}_l OR m.{c}_text LIKE @{name}_like ESCAPE '\\'");
            clauses.Add("(" + string.Join(" OR ", parts) + ")");
        }
        ActorClause("actor", f.Actor, "source", "target");
        ActorClause("source", f.Source, "source");
        ActorClause("target", f.Target, "target");
        if (!string.IsNullOrWhiteSpace(f.Country))
        {
            ps.Add((p + "country", f.Country.Trim().ToUpperInvariant()));
            clauses.Add("(m.source_country = @country OR m.target_country = @country OR m.location_country = @country)");
        }
        if (!string.IsNullOrWhiteSpace(f.Type))
        {
            var t = f.Type.Trim();
            if (t.All(char.IsAsciiDigit))
            {
                ps.Add((p + "cameo", t + "%"));
                clauses.Add("m.cameo LIKE @cameo");
            }
            else
            {
                ps.Add((p + "type", t.ToUpperInvariant()));
                clauses.Add("m.type = @type");
            }
        }
        if (!string.IsNullOrWhiteSpace(f.Modality))
        {
            ps.Add((p + "modality", f.Modality.Trim().ToLowerInvariant()));
            clauses.Add("m.modality = @modality");
        }
        if (!string.IsNullOrWhiteSpace(f.Reporter))
        {
            var v = f.Reporter.Trim();
            ps.Add((p + "rep_u", v.ToUpperInvariant()));
            ps.Add((p + "rep_l", v.ToLowerInvariant()));
            ps.Add((p + "rep_like", "%" + EscapeLike(v) + "%"));
            clauses.Add("(m.reporter_code = @rep_u OR LOWER(m.reporter_name) = @rep_l OR m.reporter_text LIKE @rep_like ESCAPE '\\')");
        }
        if (f.From is { } from)
        {
            ps.Add((p + "from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            clauses.Add("m.effective_date >= @from");
        }
        if (f.To is { } to)
        {
            ps.Add((p + "to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            clauses.Add("m.effective_date <= @to");
        }
        if (f.DocumentId is { } doc)
        {
            ps.Add((p + "docid", doc));
            clauses.Add("m.document_id = @docid");
        }
        return (string.Join(" AND ", clauses), ps);
    }

    /// <summary>A LIKE pattern piece with \, % and _ escaped (for <c>ESCAPE '\\'</c>).</summary>
    public static string EscapeLike(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
