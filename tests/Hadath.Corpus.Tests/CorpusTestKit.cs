using System.Diagnostics;
using System.Text;
using Hadath.Core.Model;
using Hadath.Corpus.Store;
using Microsoft.Data.Sqlite;

namespace Hadath.Corpus.Tests;

/// <summary>A temporary folder, deleted when disposed.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hadath-corpus-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Hand-built documents and events, so clustering and queries are tested without the event coder.</summary>
internal static class Docs
{
    public static ActorOut Actor(string country, string? sector = "GOV", string? text = null, string? code = null, string? name = null) =>
        new() { Text = text ?? country, Country = country, Sector = sector, Code = code ?? country + (sector ?? ""), Name = name };

    public static EventOut Event(string type, ActorOut? source, ActorOut? target, string? date = null, string modality = "asserted",
        string? evidence = null, double confidence = 0.8, LocationOut? location = null, string? cameo = null, double? goldstein = null) => new()
    {
        Id = Guid.NewGuid().ToString("N")[..8],
        Type = type,
        Source = source,
        Target = target,
        Date = date,
        DateType = date is null ? "unknown" : "explicit",
        Modality = modality,
        Evidence = evidence is null ? null : new SpanOut(evidence, 0, evidence.Length),
        Anchor = evidence is null ? null : new SpanOut(evidence.Split(' ')[0], 0, evidence.Split(' ')[0].Length),
        Confidence = confidence,
        Location = location,
        Cameo = cameo,
        CameoRoot = cameo is { Length: >= 2 } ? cameo[..2] : null,
        QuadClass = cameo is null ? null : 1,
        Goldstein = goldstein,
    };

    public static DocumentToStore Doc(string id, string text, string? published, params EventOut[] events)
    {
        var input = new InputDocument
        {
            Id = id,
            Text = text,
            Published = published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        };
        var analysis = new AnalyzedDocument { Id = id, Published = published, Sentences = [new SentenceOut(0, text.Length)], Events = [.. events] };
        var hash = DocumentKey.TextHash(text);
        return new DocumentToStore(input, analysis, DocumentKey.OfHash(hash, null), hash, "test", "test");
    }

    /// <summary>Runs one SQL scalar on a corpus database (for checks the store's interface does not expose).</summary>
    public static long Sql(string db, string sql) => Convert.ToInt64(SqlValue(db, sql), System.Globalization.CultureInfo.InvariantCulture);

    public static string? SqlText(string db, string sql) => SqlValue(db, sql)?.ToString();

    private static object? SqlValue(string db, string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = System.IO.Path.Combine(db, SqliteCorpusStore.FileName), Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}

/// <summary>Runs the built hadath binary (dotnet hadath.dll) as a user would.</summary>
internal static class HadathProcess
{
    public static ProcessStartInfo Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "hadath.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("HADATH_DB");
        return psi;
    }

    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var p = Process.Start(Start(args))!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) { p.Kill(true); throw new TimeoutException("hadath did not finish"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
