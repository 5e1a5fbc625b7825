using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Hadath.Corpus.Store;
using Parquet.Serialization;

namespace Hadath.Corpus.Export;

/// <summary>One event (cluster) as a flat row, for CSV and Parquet.</summary>
public sealed class EventRow
{
    [JsonPropertyName("global_event_id")] public long GlobalEventId { get; set; }
    [JsonPropertyName("cluster")] public string Cluster { get; set; } = "";
    [JsonPropertyName("sql_date")] public int? SqlDate { get; set; }
    [JsonPropertyName("first_date")] public string? FirstDate { get; set; }
    [JsonPropertyName("last_date")] public string? LastDate { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("mode")] public string? Mode { get; set; }
    [JsonPropertyName("context")] public string? Context { get; set; }
    [JsonPropertyName("cameo")] public string? Cameo { get; set; }
    [JsonPropertyName("cameo_root")] public string? CameoRoot { get; set; }
    [JsonPropertyName("quad_class")] public int? QuadClass { get; set; }
    [JsonPropertyName("goldstein")] public double? Goldstein { get; set; }
    [JsonPropertyName("modality")] public string Modality { get; set; } = "";
    [JsonPropertyName("source_text")] public string? SourceText { get; set; }
    [JsonPropertyName("source_name")] public string? SourceName { get; set; }
    [JsonPropertyName("source_code")] public string? SourceCode { get; set; }
    [JsonPropertyName("source_country")] public string? SourceCountry { get; set; }
    [JsonPropertyName("source_sector")] public string? SourceSector { get; set; }
    [JsonPropertyName("target_text")] public string? TargetText { get; set; }
    [JsonPropertyName("target_name")] public string? TargetName { get; set; }
    [JsonPropertyName("target_code")] public string? TargetCode { get; set; }
    [JsonPropertyName("target_country")] public string? TargetCountry { get; set; }
    [JsonPropertyName("target_sector")] public string? TargetSector { get; set; }
    [JsonPropertyName("reporter_text")] public string? ReporterText { get; set; }
    [JsonPropertyName("location_name")] public string? LocationName { get; set; }
    [JsonPropertyName("location_country")] public string? LocationCountry { get; set; }
    [JsonPropertyName("lat")] public double? Lat { get; set; }
    [JsonPropertyName("lon")] public double? Lon { get; set; }
    [JsonPropertyName("mentions")] public int Mentions { get; set; }
    [JsonPropertyName("documents")] public int Documents { get; set; }
    [JsonPropertyName("sources")] public int Sources { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("event_text")] public string? EventText { get; set; }

    public static EventRow From(EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var first = e.FirstDate ?? e.Date;
        return new EventRow
        {
            GlobalEventId = e.ExportId,
            Cluster = e.Cluster,
            SqlDate = first is { Length: 10 } ? int.Parse(first.Replace("-", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : null,
            FirstDate = first,
            LastDate = e.LastDate,
            Type = e.Type,
            Mode = e.Mode,
            Context = e.Context.Count == 0 ? null : string.Join('|', e.Context),
            Cameo = e.Cameo,
            CameoRoot = e.CameoRoot,
            QuadClass = e.QuadClass,
            Goldstein = e.Goldstein,
            Modality = e.Modality,
            SourceText = e.Source?.Text, SourceName = e.Source?.Name, SourceCode = e.Source?.Code, SourceCountry = e.Source?.Country, SourceSector = e.Source?.Sector,
            TargetText = e.Target?.Text, TargetName = e.Target?.Name, TargetCode = e.Target?.Code, TargetCountry = e.Target?.Country, TargetSector = e.Target?.Sector,
            ReporterText = e.Reporter?.Text ?? e.Reporter?.Name,
            LocationName = e.Location?.Name ?? e.Location?.Text, LocationCountry = e.Location?.Country, Lat = e.Location?.Lat, Lon = e.Location?.Lon,
            Mentions = e.Mentions,
            Documents = e.DocumentCount,
            Sources = e.SourceCount,
            Url = e.Url,
            Title = e.Title,
            EventText = e.EventText,
        };
    }
}

/// <summary>One event mention as a flat row, for CSV and Parquet.</summary>
public sealed class MentionRow
{
    [JsonPropertyName("mention_id")] public long MentionId { get; set; }
    [JsonPropertyName("global_event_id")] public long GlobalEventId { get; set; }
    [JsonPropertyName("cluster")] public string Cluster { get; set; } = "";
    [JsonPropertyName("event_id")] public string EventId { get; set; } = "";
    [JsonPropertyName("effective_date")] public string? EffectiveDate { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("cameo")] public string? Cameo { get; set; }
    [JsonPropertyName("modality")] public string Modality { get; set; } = "";
    [JsonPropertyName("source_text")] public string? SourceText { get; set; }
    [JsonPropertyName("source_code")] public string? SourceCode { get; set; }
    [JsonPropertyName("source_country")] public string? SourceCountry { get; set; }
    [JsonPropertyName("target_text")] public string? TargetText { get; set; }
    [JsonPropertyName("target_code")] public string? TargetCode { get; set; }
    [JsonPropertyName("target_country")] public string? TargetCountry { get; set; }
    [JsonPropertyName("reporter_text")] public string? ReporterText { get; set; }
    [JsonPropertyName("anchor")] public string? Anchor { get; set; }
    [JsonPropertyName("evidence")] public string? Evidence { get; set; }
    [JsonPropertyName("sentence")] public int Sentence { get; set; }
    [JsonPropertyName("confidence")] public double Confidence { get; set; }
    [JsonPropertyName("document_id")] public long DocumentId { get; set; }
    [JsonPropertyName("document_external_id")] public string? DocumentExternalId { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("published")] public string? Published { get; set; }

    public static MentionRow From(MentionRecord m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var e = m.Event;
        return new MentionRow
        {
            MentionId = m.MentionId,
            GlobalEventId = m.ClusterExportId,
            Cluster = m.Cluster,
            EventId = m.MentionKey,
            EffectiveDate = m.EffectiveDate,
            Type = e.Type,
            Cameo = e.Cameo,
            Modality = e.Modality,
            SourceText = e.Source?.Text, SourceCode = e.Source?.Code, SourceCountry = e.Source?.Country,
            TargetText = e.Target?.Text, TargetCode = e.Target?.Code, TargetCountry = e.Target?.Country,
            ReporterText = e.Reporter?.Text ?? e.Reporter?.Name,
            Anchor = e.Anchor?.Text,
            Evidence = e.Evidence?.Text,
            Sentence = e.Sentence,
            Confidence = e.Confidence,
            DocumentId = m.Document.Id,
            DocumentExternalId = m.Document.ExternalId,
            Url = m.Document.Url,
            Published = m.Document.Published,
        };
    }
}

/// <summary>CSV (RFC 4180, header row, UTF-8) and Parquet (Hive-partitioned by date) exports of events and mentions.</summary>
public static class TabularExporter
{
    /// <summary>The Hive partition name for rows without a date.</summary>
    public const string NoDatePartition = "__HIVE_DEFAULT_PARTITION__";

    private static readonly string[] EventHeader = Header(typeof(EventRow));
    private static readonly string[] MentionHeader = Header(typeof(MentionRow));

    /// <summary>Column names: the properties' JSON names (snake_case), shared by CSV and Parquet.</summary>
    private static string[] Header(Type t) =>
        [.. t.GetProperties().Select(p => p.GetCustomAttributes(typeof(JsonPropertyNameAttribute), false).OfType<JsonPropertyNameAttribute>().FirstOrDefault()?.Name ?? p.Name)];

    /// <summary>Writes events as CSV with a header; returns the number of rows.</summary>
    public static long WriteEventsCsv(IEnumerable<EventRecord> events, TextWriter w) =>
        WriteCsv(events.Select(EventRow.From), EventHeader, w);

    /// <summary>Writes mentions as CSV with a header; returns the number of rows.</summary>
    public static long WriteMentionsCsv(IEnumerable<MentionRecord> mentions, TextWriter w) =>
        WriteCsv(mentions.Select(MentionRow.From), MentionHeader, w);

    private static long WriteCsv<T>(IEnumerable<T> rows, string[] header, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var props = typeof(T).GetProperties();
        w.Write(string.Join(',', header));
        w.Write("\r\n");
        long n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < props.Length; i++)
            {
                if (i > 0) w.Write(',');
                w.Write(CsvCell(props[i].GetValue(row)));
            }
            w.Write("\r\n");
            n++;
        }
        return n;
    }

    /// <summary>One CSV cell: quoted when it holds a comma, quote or line break.</summary>
    public static string CsvCell(object? value)
    {
        var s = value switch
        {
            null => "",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (s.AsSpan().IndexOfAny(",\"\r\n") < 0) return s;
        return "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// Writes events to <c>{dir}/date=YYYY-MM-DD/part-0.parquet</c> (Hive-style, readable by DuckDB and Spark as is).
    /// The export must come sorted by date (as the store streams it). Returns (rows, files).
    /// </summary>
    public static (long Rows, int Files) WriteEventsParquet(IEnumerable<EventRecord> events, string dir) =>
        WritePartitioned(events.Select(EventRow.From), r => r.FirstDate, dir);

    /// <summary>Writes mentions to <c>{dir}/date=YYYY-MM-DD/part-0.parquet</c>, partitioned by effective date.</summary>
    public static (long Rows, int Files) WriteMentionsParquet(IEnumerable<MentionRecord> mentions, string dir) =>
        WritePartitioned(mentions.Select(MentionRow.From), r => r.EffectiveDate, dir);

    private static (long Rows, int Files) WritePartitioned<T>(IEnumerable<T> rows, Func<T, string?> dateOf, string dir)
    {
        Directory.CreateDirectory(dir);
        var partition = new List<T>();
        string? current = null;
        var started = false;
        long n = 0;
        var files = 0;
        var written = new HashSet<string>(StringComparer.Ordinal);
        void Flush()
        {
            if (partition.Count == 0) return;
            var name = "date=" + (current ?? NoDatePartition);
            var folder = Path.Combine(dir, name);
            Directory.CreateDirectory(folder);
            var part = 0;
            while (File.Exists(Path.Combine(folder, $"part-{part}.parquet")) && written.Contains(Path.Combine(folder, $"part-{part}.parquet"))) part++;
            var file = Path.Combine(folder, $"part-{part}.parquet");
            using (var fs = File.Create(file))
                ParquetSerializer.SerializeAsync(partition, fs).GetAwaiter().GetResult();
            written.Add(file);
            files++;
            partition.Clear();
        }
        foreach (var r in rows)
        {
            var d = dateOf(r);
            if (!started || !string.Equals(d, current, StringComparison.Ordinal))
            {
                Flush();
                current = d;
                started = true;
            }
            partition.Add(r);
            n++;
        }
        Flush();
        return (n, files);
    }
}
