using System.CommandLine;
using System.Text;
using Hadath.Corpus.Export;

namespace Hadath.Cli.Commands;

/// <summary><c>hadath export</c>: events and mentions as PLOVER JSONL, GDELT 2.0 TSV, CSV or date-partitioned Parquet.</summary>
internal static class CorpusExportCommand
{
    public static Command Create()
    {
        var db = CorpusCli.DbOption();
        var format = new Option<string>("--format", "-f") { Description = "plover (JSON Lines), gdelt (Events + Mentions TSV), csv (events + mentions), parquet (Hive-partitioned by date).", Required = true };
        format.AcceptOnlyFromAmong("plover", "gdelt", "csv", "parquet");
        var output = new Option<string>("--out", "-o")
        {
            Description = "plover: the JSONL file. gdelt/csv: the events file; mentions go beside it as NAME.mentions.EXT. parquet: a folder that gets events/date=YYYY-MM-DD/part-0.parquet and mentions/….",
            Required = true,
        };
        var header = new Option<bool>("--header") { Description = "gdelt: write a header row (GDELT's own files have none)." };
        var filters = new CorpusCli.FilterOptions();
        var cmd = new Command("export", "Export the corpus's events (clustered) and mentions.") { db, format, output, header };
        filters.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            var (filter, error) = filters.Read(parse);
            if (filter is null) { Console.Error.WriteLine(error); return 2; }
            using var store = CorpusCli.OpenExisting(parse.GetValue(db)!);
            if (store is null) return 2;
            var path = parse.GetValue(output)!;
            var fmt = parse.GetValue(format)!;
            var utf8 = new UTF8Encoding(false);
            switch (fmt)
            {
                case "plover":
                {
                    using var fs = File.Create(path);
                    var n = PloverExporter.Write(store.ExportEvents(filter), fs);
                    Console.Error.WriteLine($"{n:N0} events → {path}");
                    break;
                }
                case "gdelt":
                case "csv":
                {
                    var mentionsPath = Sibling(path, "mentions");
                    long events, mentions;
                    using (var w = new StreamWriter(path, false, utf8, 1 << 16) { NewLine = "\n" })
                        events = fmt == "gdelt" ? GdeltExporter.WriteEvents(store.ExportEvents(filter), w, header: parse.GetValue(header)) : TabularExporter.WriteEventsCsv(store.ExportEvents(filter), w);
                    using (var w = new StreamWriter(mentionsPath, false, utf8, 1 << 16) { NewLine = "\n" })
                        mentions = fmt == "gdelt" ? GdeltExporter.WriteMentions(store.ExportMentions(filter), w, parse.GetValue(header)) : TabularExporter.WriteMentionsCsv(store.ExportMentions(filter), w);
                    Console.Error.WriteLine($"{events:N0} events → {path}; {mentions:N0} mentions → {mentionsPath}");
                    break;
                }
                case "parquet":
                {
                    foreach (var table in (string[])["events", "mentions"])
                    {
                        var dir = Path.Combine(path, table);
                        if (Directory.Exists(dir))
                            foreach (var old in Directory.GetDirectories(dir, "date=*")) Directory.Delete(old, recursive: true);
                    }
                    var (events, ef) = TabularExporter.WriteEventsParquet(store.ExportEvents(filter), Path.Combine(path, "events"));
                    var (mentions, mf) = TabularExporter.WriteMentionsParquet(store.ExportMentions(filter), Path.Combine(path, "mentions"));
                    Console.Error.WriteLine($"{events:N0} events in {ef} files → {Path.Combine(path, "events")}; {mentions:N0} mentions in {mf} files → {Path.Combine(path, "mentions")}");
                    break;
                }
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>events.tsv → events.mentions.tsv; events → events.mentions.</summary>
    internal static string Sibling(string path, string name)
    {
        var ext = Path.GetExtension(path);
        var stem = ext.Length > 0 ? path[..^ext.Length] : path;
        return $"{stem}.{name}{ext}";
    }
}
