using System.Text;
using System.Text.Json;
using Hadath.Core.Model;
using Hadath.Corpus.Export;
using Hadath.Corpus.Store;
using Parquet.Serialization;

namespace Hadath.Corpus.Tests;

public class ExportTests
{
    private static SqliteCorpusStore Filled(TempDir dir)
    {
        var store = SqliteCorpusStore.Open(dir.File("db"));
        var moscow = new LocationOut { Text = "موسكو", Name = "Moscow", Country = "RUS", Lat = 55.75, Lon = 37.62 };
        var rus = Docs.Actor("RUS", "GOV", "بوتين\tالرئيس", "RUSGOV", "Vladimir Putin");
        var usa = Docs.Actor("USA", "GOV", "ويتكوف", "USAGOV", "Steve Witkoff");
        var nato = Docs.Actor("NATO", null, "الناتو", "NATO");
        store.AddDocuments(
        [
            Docs.Doc("a", "استقبل بوتين ويتكوف في موسكو.", "2025-08-06", Docs.Event("CONSULT", rus, usa, "2025-08-06", evidence: "استقبل بوتين ويتكوف", location: moscow, cameo: "043", goldstein: 2.8, confidence: 0.9)),
            Docs.Doc("b", "وصل ويتكوف إلى موسكو.", "2025-08-06", Docs.Event("CONSULT", usa, rus, "2025-08-06", evidence: "وصل ويتكوف", location: moscow, cameo: "042", goldstein: 1.9)),
            Docs.Doc("c", "حذر الناتو روسيا.", "2025-08-09", Docs.Event("THREATEN", nato, Docs.Actor("RUS"), "2025-08-09", evidence: "حذر الناتو", cameo: "130", goldstein: -4.4)),
            Docs.Doc("d", "خبر بلا تاريخ عن لقاء.", null, Docs.Event("CONSULT", Docs.Actor("EGY"), Docs.Actor("JOR"))),
        ]);
        return store;
    }

    [Fact]
    public void Gdelt_events_have_61_columns_and_mentions_16()
    {
        using var dir = new TempDir();
        using var store = Filled(dir);
        var events = new StringWriter();
        Assert.Equal(3, GdeltExporter.WriteEvents(store.ExportEvents(EventFilter.All), events));
        var rows = events.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, r => Assert.Equal(61, r.Length));
        Assert.Equal(61, File.ReadAllLines(Repo.Shared("data", "ontology", "schemas", "gdelt2_events_columns.txt")).Count(l => l.Trim().Length > 0));
        Assert.Equal(File.ReadAllLines(Repo.Shared("data", "ontology", "schemas", "gdelt2_events_columns.txt")).Where(l => l.Trim().Length > 0).Select(l => l.Trim()), GdeltExporter.EventColumns);
        Assert.Equal(File.ReadAllLines(Repo.Shared("data", "ontology", "schemas", "gdelt2_mentions_columns.txt")).Where(l => l.Trim().Length > 0).Select(l => l.Trim()), GdeltExporter.MentionColumns);
        var meeting = rows.Single(r => r[26] is "043" or "042");
        string Col(string name) => meeting[GdeltExporter.EventColumns.ToList().IndexOf(name)];
        Assert.Equal("20250806", Col("SQLDATE"));
        Assert.Equal("202508", Col("MonthYear"));
        Assert.Equal("2", Col("NumMentions"));
        Assert.Equal("2", Col("NumArticles"));
        Assert.Equal("RS", Col("ActionGeo_CountryCode"));              // FIPS for Russia, not ISO RU/RUS
        Assert.Equal("Moscow", Col("ActionGeo_FullName"));
        Assert.Equal("4", Col("ActionGeo_Type"));
        Assert.Equal("55.75", Col("ActionGeo_Lat"));
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Contains('\n') || c.Contains('\t'));
        var threat = rows.Single(r => r[26] == "130");
        Assert.Equal("NATO", threat[8]);                                  // Actor1KnownGroupCode
        Assert.Equal("", threat[7]);
        var mentions = new StringWriter();
        Assert.Equal(4, GdeltExporter.WriteMentions(store.ExportMentions(EventFilter.All), mentions));
        var mrows = mentions.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.All(mrows, r => Assert.Equal(16, r.Length));
        Assert.Equal(2, mrows.Count(r => r[0] == meeting[0]));           // both mentions point at the clustered event
    }

    [Fact]
    public void Iso3_to_fips_covers_the_countries_gdelt_codes_differently()
    {
        var c = CountryCodes.Default;
        Assert.True(c.Count > 240);
        Assert.Equal("RS", c.Fips("RUS"));
        Assert.Equal("UK", c.Fips("GBR"));
        Assert.Equal("GM", c.Fips("DEU"));
        Assert.Equal("IZ", c.Fips("IRQ"));
        Assert.Equal("US", c.Fips("usa"));
        Assert.Null(c.Fips("NATO"));
        var e = Assert.Throws<Hadath.Core.Diagnostics.HadathException>(() => CountryCodes.Parse([(1, "# header"), (2, "RUS\tRS"), (3, "rus\tx")], "t.tsv"));
        Assert.StartsWith("E101: t.tsv:3:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_export_is_partitioned_by_date_and_reads_back()
    {
        using var dir = new TempDir();
        using var store = Filled(dir);
        var outDir = dir.File("parquet");
        var (rows, files) = TabularExporter.WriteEventsParquet(store.ExportEvents(EventFilter.All), Path.Combine(outDir, "events"));
        Assert.Equal(3, rows);
        Assert.Equal(3, files);
        var partitions = Directory.GetDirectories(Path.Combine(outDir, "events")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["date=2025-08-06", "date=2025-08-09", "date=__HIVE_DEFAULT_PARTITION__"], partitions);
        using var fs = File.OpenRead(Path.Combine(outDir, "events", "date=2025-08-06", "part-0.parquet"));
        var back = (await ParquetSerializer.DeserializeAsync<EventRow>(fs)).Data;
        var e = Assert.Single(back);
        Assert.Equal("CONSULT", e.Type);
        Assert.Equal(2, e.Mentions);
        Assert.Equal(20250806, e.SqlDate);
        Assert.Equal("Moscow", e.LocationName);
        Assert.Equal(55.75, e.Lat);
        var (mrows, _) = TabularExporter.WriteMentionsParquet(store.ExportMentions(EventFilter.All), Path.Combine(outDir, "mentions"));
        Assert.Equal(4, mrows);
        using var ms = File.OpenRead(Path.Combine(outDir, "mentions", "date=2025-08-06", "part-0.parquet"));
        var mentions = (await ParquetSerializer.DeserializeAsync<MentionRow>(ms)).Data;
        Assert.Equal(2, mentions.Count);
        Assert.Single(mentions.Select(m => m.Cluster).Distinct());
    }

    [Fact]
    public void Plover_records_have_the_required_fields()
    {
        using var dir = new TempDir();
        using var store = Filled(dir);
        using var ms = new MemoryStream();
        Assert.Equal(3, PloverExporter.Write(store.ExportEvents(EventFilter.All), ms));
        var lines = Encoding.UTF8.GetString(ms.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var l in lines)
        {
            using var doc = JsonDocument.Parse(l);
            Assert.True(PloverExporter.HasRequiredFields(doc.RootElement), l);
        }
        using var meeting = JsonDocument.Parse(lines.Single(l => l.Contains("CONSULT", StringComparison.Ordinal) && l.Contains("2025-08-06", StringComparison.Ordinal)));
        var r = meeting.RootElement;
        Assert.Equal("2025-08-06", r.GetProperty("date").GetString());
        Assert.Equal("RUS", r.GetProperty("actor")[0].GetProperty("code").GetString());
        Assert.Equal("GOV", r.GetProperty("actor")[0].GetProperty("sector").GetString());
        Assert.Equal("USA", r.GetProperty("recipient")[0].GetProperty("code").GetString());
        Assert.Equal(1, r.GetProperty("quad_code").GetInt32());
        Assert.Equal("Moscow", r.GetProperty("event_loc").GetProperty("resolved_place").GetString());
        Assert.Equal(2, r.GetProperty("hadath").GetProperty("mentions").GetInt32());
        Assert.Equal("ar", r.GetProperty("cite_info").GetProperty("language").GetString());
    }

    [Fact]
    public void Csv_export_quotes_cells_and_has_a_header()
    {
        using var dir = new TempDir();
        using var store = Filled(dir);
        var w = new StringWriter();
        Assert.Equal(3, TabularExporter.WriteEventsCsv(store.ExportEvents(EventFilter.All), w));
        var text = w.ToString();
        Assert.StartsWith("global_event_id,cluster,sql_date,", text, StringComparison.Ordinal);
        Assert.Contains("بوتين\tالرئيس", text, StringComparison.Ordinal);
        Assert.Equal("\"a,b\"", TabularExporter.CsvCell("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", TabularExporter.CsvCell("say \"hi\""));
        Assert.Equal("2.5", TabularExporter.CsvCell(2.5));
    }
}
