using System.CommandLine;
using Hadath.Core.Diagnostics;
using Hadath.Core.Input;
using Hadath.Corpus.Postgres;
using Hadath.Corpus.Store;

namespace Hadath.Cli.Commands;

/// <summary>Options and helpers shared by the corpus commands (ingest, search, events, stats, export).</summary>
internal static class CorpusCli
{
    /// <summary>The corpus: a folder (the embedded store) or a postgres:// URL (the shared store); --db or --store, else
    /// $HADATH_DB, else ./hadath-corpus.</summary>
    public static Option<string> DbOption() => new("--db", "--store")
    {
        Description = "Corpus folder (embedded store, created by ingest) or postgres://user:password@host:port/db (shared store). Default: $HADATH_DB, else ./hadath-corpus.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HADATH_DB") is { Length: > 0 } env ? env : "hadath-corpus",
    };

    /// <summary>The event filter options, added to a command.</summary>
    internal sealed class FilterOptions
    {
        public Option<string?> Actor { get; } = new("--actor") { Description = "Source or target: country (RUS), CAMEO code (RUSGOV), actor id or name." };
        public Option<string?> Source { get; } = new("--source") { Description = "Source actor: country (RUS), CAMEO code, actor id or name." };
        public Option<string?> Target { get; } = new("--target") { Description = "Target actor: country (USA), CAMEO code, actor id or name." };
        public Option<string?> Country { get; } = new("--country") { Description = "Source, target or location country (ISO alpha-3)." };
        public Option<string?> Type { get; } = new("--type") { Description = "PLOVER event type (CONSULT, PROTEST…) or CAMEO code prefix (04, 043)." };
        public Option<string?> Modality { get; } = new("--modality") { Description = "asserted, negated, hypothetical, future or question." };
        public Option<string?> From { get; } = new("--from") { Description = "Events on or after this date (YYYY-MM-DD)." };
        public Option<string?> To { get; } = new("--to") { Description = "Events on or before this date (YYYY-MM-DD)." };
        public Option<string?> Reporter { get; } = new("--reporter") { Description = "Reporter (who says so): name, code or words of the mention." };

        public void AddTo(Command c)
        {
            c.Add(Actor); c.Add(Source); c.Add(Target); c.Add(Country); c.Add(Type); c.Add(Modality); c.Add(From); c.Add(To); c.Add(Reporter);
        }

        /// <summary>The filter, or an error message for a bad date.</summary>
        public (EventFilter? Filter, string? Error) Read(ParseResult p)
        {
            var (from, e1) = Date(p.GetValue(From), "--from");
            var (to, e2) = Date(p.GetValue(To), "--to");
            if (e1 is not null || e2 is not null) return (null, e1 ?? e2);
            return (new EventFilter
            {
                Actor = p.GetValue(Actor), Source = p.GetValue(Source), Target = p.GetValue(Target), Country = p.GetValue(Country),
                Type = p.GetValue(Type), Modality = p.GetValue(Modality), Reporter = p.GetValue(Reporter), From = from, To = to,
            }, null);
        }
    }

    public static (DateOnly? Date, string? Error) Date(string? value, string option)
    {
        if (value is null) return (null, null);
        return InputReader.TryParseDate(value, out var d) ? (d, null) : (null, $"{ErrorCode.InvalidPublished}: {option} \"{value}\" is not a date (YYYY-MM-DD)");
    }

    /// <summary>Opens an existing corpus for reading, or explains why not (exit code 2).</summary>
    public static ICorpusStore? OpenExisting(string db)
    {
        try
        {
            return PostgresUrl.IsPostgres(db) ? PostgresCorpusStore.Open(db) : SqliteCorpusStore.Open(db, readOnly: true);
        }
        catch (HadathException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or ArgumentException)
        {
            Console.Error.WriteLine($"cannot open the store {Redact(db)}: {e.Message}");
            return null;
        }
    }

    /// <summary>Opens (creating if needed) a corpus for writing: the embedded store in a folder, or PostgreSQL.</summary>
    public static ICorpusStore OpenForWriting(string db) => PostgresUrl.IsPostgres(db) ? PostgresCorpusStore.Open(db) : SqliteCorpusStore.Open(db);

    /// <summary>A store address without its password, for messages.</summary>
    public static string Redact(string db) =>
        PostgresUrl.IsPostgres(db) && Uri.TryCreate(db, UriKind.Absolute, out var u) && u.UserInfo.Contains(':', StringComparison.Ordinal)
            ? db.Replace(u.UserInfo, u.UserInfo[..u.UserInfo.IndexOf(':', StringComparison.Ordinal)] + ":***", StringComparison.Ordinal)
            : db;

    /// <summary>Writing to a terminal (colours, progress) rather than a pipe or file.</summary>
    public static bool StdoutIsTerminal => !Console.IsOutputRedirected;

    public static string Trim(string? s, int max)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var one = s.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        return one.Length <= max ? one : one[..(max - 1)] + "…";
    }
}
