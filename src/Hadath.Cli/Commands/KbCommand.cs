using System.CommandLine;
using System.Diagnostics;
using Hadath.Arabic;
using Hadath.Core.Diagnostics;
using Hadath.Core.Input;
using Hadath.Extraction.Entities;
using Hadath.Knowledge.Kb;

namespace Hadath.Cli.Commands;

/// <summary><c>hadath kb check</c> and <c>hadath kb lookup</c>: validate the knowledge base, and show what a name resolves to.</summary>
internal static class KbCommand
{
    public static Command Create()
    {
        var cmd = new Command("kb", "The knowledge base of actors and places (data/kb; HADATH_DATA points at an edited copy of data/).");
        cmd.Subcommands.Add(Check());
        cmd.Subcommands.Add(Lookup());
        return cmd;
    }

    private static Command Check()
    {
        var cmd = new Command("check", "Validate every knowledge-base file; print each problem as CODE: file:line: message (exit 1 on errors).");
        cmd.SetAction(_ =>
        {
            var watch = Stopwatch.StartNew();
            var problems = KnowledgeBase.Check();
            foreach (var p in problems) Console.Error.WriteLine(p);
            if (problems.Count > 0)
            {
                Console.Error.WriteLine($"{problems.Count} problem(s) in the knowledge base");
                return 1;
            }
            var kb = KnowledgeBase.Default;
            Console.WriteLine($"ok: {kb.Entries.Count} entries ({Count(kb, KbKind.Country)} countries, {Count(kb, KbKind.Place)} places, {Count(kb, KbKind.Landmark)} landmarks, " +
                              $"{Count(kb, KbKind.Organisation)} organisations, {Count(kb, KbKind.Person)} people), {kb.Agents.Count} agent forms, {kb.Demonyms.Count} demonym forms, " +
                              $"{kb.GivenNames.Count} given names; trie {kb.Trie.NodeCount} nodes over {kb.Trie.VocabularySize} token keys; {watch.ElapsedMilliseconds} ms");
            return 0;
        });
        return cmd;
    }

    private static int Count(KnowledgeBase kb, KbKind kind) => kb.Entries.Count(e => e.Kind == kind);

    private static Command Lookup()
    {
        var text = new Argument<string>("text") { Description = "A name or a phrase (بوتين, الرئيس الروسي, وزير الخارجية الإيراني)." };
        var date = new Option<string?>("--date") { Description = "Resolve roles on this date (YYYY-MM-DD); default: the latest role." };
        var cmd = new Command("lookup", "Show what the entity recogniser makes of a text: mentions, knowledge-base entries and actors on a date.") { text, date };
        cmd.SetAction(parse =>
        {
            DateOnly? on = null;
            var d = parse.GetValue(date);
            if (d is not null)
            {
                if (!InputReader.TryParseDate(d, out var parsed))
                {
                    Console.Error.WriteLine($"{ErrorCode.InvalidPublished}: --date \"{d}\" is not a date (YYYY-MM-DD)");
                    return 2;
                }
                on = parsed;
            }
            KnowledgeBase kb;
            try
            {
                kb = KnowledgeBase.Default;
            }
            catch (HadathException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            var input = parse.GetValue(text) ?? "";
            var analysed = ArabicAnalyzer.Default.Analyze(input);
            var mentions = new EntityRecognizer(kb).Recognize(analysed, on);
            if (mentions.Count == 0)
            {
                Console.WriteLine("no entity found");
                return 0;
            }
            for (var i = 0; i < mentions.Count; i++)
            {
                var m = mentions[i];
                var entry = m.EntryId is null ? null : kb.Find(m.EntryId);
                var a = m.Actor;
                Console.WriteLine($"{m.Span.Of(analysed.Text)}\t{EntityRecognizer.TypeName(m.Kind)}{(m.IsNominal ? " (nominal)" : "")}\t" +
                                  $"entry={m.EntryId ?? "-"}\tcode={a?.Code ?? "-"}\tcountry={a?.Country ?? "-"}\tsector={a?.Sector ?? "-"}\tname={a?.Name ?? "-"}" +
                                  (m.Antecedent >= 0 ? $"\tantecedent={m.Antecedent}" : "") +
                                  (m.Place is { Lat: not null } p ? $"\tlat={p.Lat}\tlon={p.Lon}" : "") +
                                  (entry is not null ? $"\tsource={entry.Source}" : ""));
                if (entry?.Roles.Count > 0)
                    foreach (var r in entry.Roles)
                        Console.WriteLine($"    role {r.Code}{(r.Role is null ? "" : "/" + r.Role)} {r.From?.ToString("yyyy-MM-dd") ?? ""}..{r.To?.ToString("yyyy-MM-dd") ?? ""}{(on is { } day && r.Holds(day) ? "  ← on " + day.ToString("yyyy-MM-dd") : "")}");
            }
            Console.Error.WriteLine($"knowledge base loaded in {kb.LoadTime.TotalMilliseconds:F0} ms");
            return 0;
        });
        return cmd;
    }
}
