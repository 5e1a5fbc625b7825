using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Hadath.Corpus;
using Hadath.Corpus.Store;

namespace Hadath.Cli.Commands;

/// <summary><c>hadath search</c>: ranked documents (or quotes) for an Arabic query, with highlighted snippets.</summary>
internal static class CorpusSearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string[]>("query") { Description = "Words to find (all of them; write OR between words for either). Clitics and plural/feminine forms match: موسكو finds وموسكو and بموسكو.", Arity = ArgumentArity.OneOrMore };
        var db = CorpusCli.DbOption();
        var limit = new Option<int>("--limit", "-n") { Description = "Hits to show.", DefaultValueFactory = _ => 10 };
        var offset = new Option<int>("--offset") { Description = "Hits to skip (paging).", DefaultValueFactory = _ => 0 };
        var quotes = new Option<bool>("--quotes") { Description = "Search quotes (with their speakers) instead of whole documents." };
        var from = new Option<string?>("--from") { Description = "Documents published on or after this date." };
        var to = new Option<string?>("--to") { Description = "Documents published on or before this date." };
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON object per hit: id, doc, score, title, url, published, snippet, highlights (offsets into the text)." };
        var cmd = new Command("search", "Full-text search of the corpus in Arabic.") { query, db, limit, offset, quotes, from, to, jsonl };
        cmd.SetAction(parse =>
        {
            var (f, e1) = CorpusCli.Date(parse.GetValue(from), "--from");
            var (t, e2) = CorpusCli.Date(parse.GetValue(to), "--to");
            if (e1 is not null || e2 is not null) { Console.Error.WriteLine(e1 ?? e2); return 2; }
            using var store = CorpusCli.OpenExisting(parse.GetValue(db)!);
            if (store is null) return 2;
            var asJson = parse.GetValue(jsonl);
            var color = !asJson && CorpusCli.StdoutIsTerminal;
            var q = new SearchQuery(string.Join(' ', parse.GetValue(query) ?? []))
            {
                Quotes = parse.GetValue(quotes), From = f, To = t,
                MarkOpen = asJson ? "<mark>" : color ? "\u001b[1;33m" : "[",
                MarkClose = asJson ? "</mark>" : color ? "\u001b[0m" : "]",
            };
            var hits = store.Search(q, new Paging(Math.Max(1, parse.GetValue(limit)), Math.Max(0, parse.GetValue(offset))));
            var rank = parse.GetValue(offset);
            foreach (var h in hits)
            {
                rank++;
                if (asJson)
                {
                    var o = new JsonObject
                    {
                        ["id"] = h.Document.ExternalId ?? h.Document.Id.ToString(CultureInfo.InvariantCulture),
                        ["doc"] = h.Document.Id,
                        ["rank"] = rank,
                        ["score"] = Math.Round(h.Score, 4),
                        ["title"] = h.Document.Title,
                        ["url"] = h.Document.Url,
                        ["published"] = h.Document.Published,
                        ["snippet"] = h.Snippet,
                        ["highlights"] = new JsonArray([.. h.Highlights.Select(x => (JsonNode)new JsonObject { ["text"] = x.Text, ["start"] = x.Start, ["end"] = x.End })]),
                    };
                    if (h.Quote is { } quote)
                        o["quote"] = new JsonObject
                        {
                            ["text"] = quote.Text, ["start"] = quote.Start, ["end"] = quote.End, ["direct"] = quote.Direct, ["cue"] = quote.Cue,
                            ["speaker"] = quote.Speaker is null ? null : new JsonObject { ["text"] = quote.Speaker.Text, ["name"] = quote.Speaker.Name, ["code"] = quote.Speaker.Code },
                        };
                    Console.Out.WriteLine(CorpusJson.Line(o));
                    continue;
                }
                var head = $"{rank,3}. {h.Document.ExternalId ?? h.Document.Id.ToString(CultureInfo.InvariantCulture)}  {h.Document.Published ?? "----------"}  {CorpusCli.Trim(h.Document.Title ?? h.Document.Url, 80)}";
                Console.Out.WriteLine(head);
                if (h.Quote?.Speaker is { } sp) Console.Out.WriteLine($"     — {sp.Text ?? sp.Name}:");
                Console.Out.WriteLine("     " + h.Snippet);
            }
            if (hits.Count == 0 && !asJson) Console.Error.WriteLine("no match");
            return 0;
        });
        return cmd;
    }
}

/// <summary><c>hadath events</c>: clustered events (or their mentions) matching filters.</summary>
internal static class CorpusEventsCommand
{
    public static Command Create()
    {
        var db = CorpusCli.DbOption();
        var filters = new CorpusCli.FilterOptions();
        var limit = new Option<int>("--limit", "-n") { Description = "Events to show.", DefaultValueFactory = _ => 50 };
        var offset = new Option<int>("--offset") { Description = "Events to skip (paging).", DefaultValueFactory = _ => 0 };
        var mentions = new Option<bool>("--mentions") { Description = "List every mention instead of clustered events." };
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON object per event: the contract's event object plus cluster, mentions, documents, first_date, last_date." };
        var cmd = new Command("events", "Events in the corpus: one line per real-world event (mentions across documents clustered), newest first.") { db, limit, offset, mentions, jsonl };
        filters.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            var (filter, error) = filters.Read(parse);
            if (filter is null) { Console.Error.WriteLine(error); return 2; }
            using var store = CorpusCli.OpenExisting(parse.GetValue(db)!);
            if (store is null) return 2;
            var paging = new Paging(Math.Max(1, parse.GetValue(limit)), Math.Max(0, parse.GetValue(offset)));
            var asJson = parse.GetValue(jsonl);
            if (parse.GetValue(mentions))
            {
                var list = store.QueryMentions(filter, paging);
                if (!asJson) Console.Out.WriteLine($"{"date",-10}  {"type",-10}  {"source → target",-28}  {"modality",-12}  {"document",-24}  evidence");
                foreach (var m in list)
                {
                    if (asJson)
                    {
                        var o = CorpusJson.ToNode(m.Event);
                        o["effective_date"] = m.EffectiveDate;
                        o["document"] = DocNode(m.Document);
                        Console.Out.WriteLine(CorpusJson.Line(o));
                    }
                    else
                    {
                        Console.Out.WriteLine($"{m.EffectiveDate ?? "-",-10}  {m.Event.Type,-10}  {CorpusCli.Trim(Dyad(m.Event), 28),-28}  {m.Event.Modality,-12}  {CorpusCli.Trim(m.Document.ExternalId ?? m.Document.Id.ToString(CultureInfo.InvariantCulture), 24),-24}  {CorpusCli.Trim(m.Event.Evidence?.Text ?? m.Event.Anchor?.Text, 70)}");
                    }
                }
                return 0;
            }
            var hits = store.QueryEvents(filter, paging);
            if (!asJson) Console.Out.WriteLine($"{"date",-10}  {"type",-10}  {"source → target",-28}  {"modality",-12}  {"ment.",5}  {"docs",4}  evidence");
            foreach (var h in hits)
            {
                if (asJson)
                {
                    var o = CorpusJson.ToNode(h.Event);
                    o["cluster"] = h.Cluster;
                    o["first_date"] = h.FirstDate;
                    o["last_date"] = h.LastDate;
                    o["mentions"] = h.Mentions;
                    o["document_count"] = h.DocumentCount;
                    o["documents"] = new JsonArray([.. h.Documents.Select(d => (JsonNode)DocNode(d))]);
                    Console.Out.WriteLine(CorpusJson.Line(o));
                }
                else
                {
                    Console.Out.WriteLine($"{h.FirstDate ?? "-",-10}  {h.Event.Type,-10}  {CorpusCli.Trim(Dyad(h.Event), 28),-28}  {h.Event.Modality,-12}  {h.Mentions,5}  {h.DocumentCount,4}  {CorpusCli.Trim(h.Event.Evidence?.Text ?? h.Event.Anchor?.Text, 70)}");
                }
            }
            if (hits.Count == 0 && !asJson) Console.Error.WriteLine("no event matches");
            return 0;
        });
        return cmd;
    }

    private static JsonObject DocNode(DocumentRef d) => new()
    {
        ["id"] = d.ExternalId ?? d.Id.ToString(CultureInfo.InvariantCulture), ["doc"] = d.Id, ["url"] = d.Url, ["title"] = d.Title, ["published"] = d.Published,
    };

    private static string Dyad(Hadath.Core.Model.EventOut e)
    {
        static string A(Hadath.Core.Model.ActorOut? a) => a is null ? "-" : a.Code ?? (a.Country is null ? a.Name ?? a.Text ?? "?" : a.Country + (a.Sector ?? ""));
        return $"{A(e.Source)} → {A(e.Target)}";
    }
}

/// <summary><c>hadath stats</c>: counts per day, type and dyad, top actors, weekly Goldstein sums per dyad.</summary>
internal static class CorpusStatsCommand
{
    public static Command Create()
    {
        var db = CorpusCli.DbOption();
        var filters = new CorpusCli.FilterOptions();
        var json = new Option<bool>("--json") { Description = "Print the statistics as one JSON object ({\"documents\", \"events\", \"mentions\", …})." };
        var failures = new Option<bool>("--failures") { Description = "List the recorded per-document failures." };
        var cmd = new Command("stats", "Corpus statistics: documents, events (clusters) and mentions; events per day, type and dyad; top actors; Goldstein sums per dyad per week.") { db, json, failures };
        filters.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            var (filter, error) = filters.Read(parse);
            if (filter is null) { Console.Error.WriteLine(error); return 2; }
            using var store = CorpusCli.OpenExisting(parse.GetValue(db)!);
            if (store is null) return 2;
            var s = store.Stats(filter);
            if (parse.GetValue(json))
            {
                static JsonArray Rows(IReadOnlyList<CountRow> rows) => new([.. rows.Select(r => (JsonNode)new JsonObject { ["key"] = r.Key, ["count"] = r.Count })]);
                var o = new JsonObject
                {
                    ["documents"] = s.Documents,
                    ["events"] = s.Events,
                    ["mentions"] = s.Mentions,
                    ["failures"] = s.Failures,
                    ["events_per_day"] = Rows(s.EventsPerDay),
                    ["events_per_type"] = Rows(s.EventsPerType),
                    ["events_per_dyad"] = Rows(s.EventsPerDyad),
                    ["top_actors"] = Rows(s.TopActors),
                    ["goldstein_per_dyad_week"] = new JsonArray([.. s.GoldsteinPerDyadWeek.Select(g => (JsonNode)new JsonObject { ["week"] = g.Week, ["dyad"] = g.Dyad, ["goldstein"] = g.Sum, ["events"] = g.Events })]),
                };
                if (parse.GetValue(failures))
                    o["failure_list"] = new JsonArray([.. store.Failures(new Paging(1000)).Select(f => (JsonNode)new JsonObject { ["origin"] = f.Origin, ["id"] = f.ExternalId, ["code"] = f.Code, ["message"] = f.Message, ["occurrences"] = f.Occurrences })]);
                Console.Out.WriteLine(CorpusJson.Line(o));
                return 0;
            }
            var w = Console.Out;
            w.WriteLine($"documents {s.Documents:N0}   events {s.Events:N0}   mentions {s.Mentions:N0}   failures {s.Failures:N0}");
            Section(w, "events per type", s.EventsPerType);
            Section(w, "events per dyad (source>target)", s.EventsPerDyad.Take(15));
            Section(w, "top actors (events)", s.TopActors.Take(15));
            Section(w, "events per day (last 15)", s.EventsPerDay.TakeLast(15));
            if (s.GoldsteinPerDyadWeek.Count > 0)
            {
                w.WriteLine("Goldstein per dyad per week (last 15)");
                foreach (var g in s.GoldsteinPerDyadWeek.TakeLast(15)) w.WriteLine($"  {g.Week}  {g.Dyad,-12} {g.Sum,8:0.0}  ({g.Events} events)");
            }
            if (parse.GetValue(failures))
            {
                w.WriteLine("failures");
                foreach (var f in store.Failures(new Paging(200))) w.WriteLine($"  {f.Code}  {f.ExternalId} ({f.Origin}) ×{f.Occurrences}: {CorpusCli.Trim(f.Message, 120)}");
            }
            return 0;
        });
        return cmd;
    }

    private static void Section(TextWriter w, string title, IEnumerable<CountRow> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0) return;
        var sb = new StringBuilder();
        w.WriteLine(title);
        foreach (var r in list) w.WriteLine($"  {r.Key,-24} {r.Count,8:N0}");
    }
}
