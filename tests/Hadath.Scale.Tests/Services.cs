using System.Text.Json;
using Hadath.Corpus.Postgres;
using Npgsql;

namespace Hadath.Scale.Tests;

/// <summary>
/// A test that needs the PostgreSQL and NATS servers that .ci/services/start.sh starts (HADATH_TEST_PG, HADATH_TEST_NATS).
/// Skipped on a developer machine without them; in CI (CI=true) it always runs, so missing services fail there.
/// </summary>
public sealed class ServicesFactAttribute : FactAttribute
{
    public ServicesFactAttribute()
    {
        if (!Services.Available && !Services.InCi)
            Skip = "HADATH_TEST_PG and HADATH_TEST_NATS are not set (eval \"$(bash .ci/services/start.sh)\" starts both); these tests run in CI";
    }
}

/// <summary>The test services and throw-away databases on them.</summary>
internal static class Services
{
    public static string? Pg => Environment.GetEnvironmentVariable("HADATH_TEST_PG") is { Length: > 0 } v ? v : null;
    public static string? Nats => Environment.GetEnvironmentVariable("HADATH_TEST_NATS") is { Length: > 0 } v ? v : null;
    public static bool Available => Pg is not null && Nats is not null;
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates an empty database and returns its postgres:// URL.</summary>
    public static string NewDatabase()
    {
        var admin = Pg ?? throw new InvalidOperationException("HADATH_TEST_PG is not set");
        var name = "hadath_t_" + Guid.NewGuid().ToString("N")[..12];
        using (var c = new NpgsqlConnection(PostgresUrl.ToConnectionString(admin)))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            cmd.ExecuteNonQuery();
        }
        var slash = admin.LastIndexOf('/');
        var q = admin.IndexOf('?', StringComparison.Ordinal);
        return admin[..(slash + 1)] + name + (q > slash ? admin[q..] : "");
    }

    /// <summary>A fresh stream name per test, so tests never share queued messages.</summary>
    public static string NewStream() => "HADATH_T_" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>Generated documents: the repository's sample and seed texts, each made distinct, over a month of dates.</summary>
    public static List<Hadath.Core.Model.InputDocument> Documents(int n)
    {
        var texts = Directory.GetFiles(Repo.Path("samples"), "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Concat(File.Exists(Repo.Shared("fixtures", "seed", "putin-witkoff.ar.txt")) ? [Repo.Shared("fixtures", "seed", "putin-witkoff.ar.txt")] : [])
            .Select(File.ReadAllText).ToList();
        // Sentences of the texts, recombined: documents differ in which events they hold, not only in a suffix.
        var sentences = texts.SelectMany(t => t.Split(['.', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length > 20).ToList();
        var docs = new List<Hadath.Core.Model.InputDocument>(n);
        for (var i = 0; i < n; i++)
        {
            var k = 2 + i % 4;
            var parts = Enumerable.Range(0, k).Select(j => sentences[(i * 7 + j * 13) % sentences.Count]);
            docs.Add(new Hadath.Core.Model.InputDocument
            {
                Id = $"gen-{i}",
                Text = string.Join(". ", parts) + $". (وثيقة {i})",
                Published = new DateOnly(2025, 3, 1).AddDays(i % 30),
            });
        }
        return docs;
    }

    /// <summary>JSON Lines of the documents, for `hadath enqueue`.</summary>
    public static string WriteJsonLines(IEnumerable<Hadath.Core.Model.InputDocument> docs, string path)
    {
        using var w = new StreamWriter(path);
        foreach (var d in docs)
            w.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?> { ["id"] = d.Id, ["text"] = d.Text, ["published"] = d.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));
        return path;
    }

    /// <summary>Stats as comparable JSON.</summary>
    public static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
