using System.Collections.Frozen;
using Hadath.Arabic;
using Hadath.Core.Data;
using Hadath.Core.Diagnostics;

namespace Hadath.Knowledge.Triggers;

/// <summary>
/// The compiled Arabic event-trigger lexicon (data/lexicons/triggers.tsv): every inflected form of every entry is
/// generated at load into one hash table (normalised form → entries), so matching a token is a few span lookups after
/// stripping the clitics the segmenter left on it. Immutable and thread-safe; load once (<see cref="Default"/>).
/// </summary>
public sealed class TriggerLexicon
{
    /// <summary>The lexicon file, relative to data/.</summary>
    public const string DefaultFile = "lexicons/triggers.tsv";

    private static readonly Lazy<TriggerLexicon> LazyDefault = new(() => Load());

    private readonly TriggerEntry[] _entries;
    private readonly FrozenDictionary<string, FormHit[]> _forms;
    private readonly FrozenDictionary<string, FormHit[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private TriggerLexicon(TriggerEntry[] entries, FrozenDictionary<string, FormHit[]> forms, Ontology ontology)
    {
        _entries = entries;
        _forms = forms;
        _lookup = forms.GetAlternateLookup<ReadOnlySpan<char>>();
        Ontology = ontology;
    }

    /// <summary>The lexicon shipped with the product (embedded data, or a HADATH_DATA override), loaded on first use.</summary>
    public static TriggerLexicon Default => LazyDefault.Value;

    public IReadOnlyList<TriggerEntry> Entries => _entries;

    /// <summary>The ontology the entries were validated against.</summary>
    public Ontology Ontology { get; }

    /// <summary>Number of distinct normalised forms in the compiled table.</summary>
    public int FormCount => _forms.Count;

    /// <summary>The entry with this id, or null.</summary>
    public TriggerEntry? Find(string id) => Array.Find(_entries, e => e.Id == id);

    /// <summary>Loads and compiles the lexicon.</summary>
    /// <param name="lines">Numbered lines of the file; by default the embedded data/lexicons/triggers.tsv.</param>
    /// <param name="file">The file name used in messages.</param>
    /// <param name="ontology">Defaults to <see cref="Knowledge.Ontology.Default"/>.</param>
    /// <exception cref="HadathException">E101 "file:line: …" for a malformed line (bad column count, pos, voice, strength,
    /// target, form syntax, duplicate id, a CAMEO code that does not fit the type), E103 for an unknown PLOVER type,
    /// mode, context or CAMEO code.</exception>
    public static TriggerLexicon Load(IEnumerable<(int Line, string Text)>? lines = null, string file = "triggers.tsv", Ontology? ontology = null)
    {
        ontology ??= Ontology.Default;
        lines ??= DataFiles.ReadLines(typeof(TriggerLexicon).Assembly, DefaultFile);
        var entries = new List<TriggerEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var table = new Dictionary<string, List<FormHit>>(StringComparer.Ordinal);
        foreach (var row in LexiconTsv.Rows(file, lines, 10, TriggerLexiconParser.Columns.Length))
        {
            var entry = TriggerLexiconParser.ParseEntry(row, ontology, out var parts, out var lookalikes);
            if (!ids.Add(entry.Id)) throw row.Error(ErrorCode.LexiconLine, $"duplicate id '{entry.Id}'");
            var index = entries.Count;
            entries.Add(entry);
            Compile(index, entry, parts, lookalikes, table);
        }
        var frozen = table.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        return new TriggerLexicon([.. entries], frozen, ontology);
    }

    private static void Compile(int index, TriggerEntry entry, PatternPart[] parts, Lookalike[] lookalikes, Dictionary<string, List<FormHit>> table)
    {
        var excluded = lookalikes.Where(l => l.Excluded && l.WrittenWithHamza).Select(l => l.Form).ToHashSet(StringComparer.Ordinal);
        var hamzaOnly = lookalikes.Where(l => l.Excluded && !l.WrittenWithHamza).Select(l => l.Form).ToHashSet(StringComparer.Ordinal);
        var weak = lookalikes.Where(l => !l.Excluded).Select(l => l.Form).ToHashSet(StringComparer.Ordinal);
        for (var p = 0; p < parts.Length; p++)
        {
            foreach (var alt in parts[p].Alternatives)
            {
                foreach (var (raw, form, beforeEnclitic) in Generate(alt, entry.Pos))
                {
                    if (Inflection.Normalize(raw) is not { } n || excluded.Contains(n)) continue;
                    if (!table.TryGetValue(n, out var hits)) table[n] = hits = [];
                    var flags = (weak.Contains(n) ? FormFlags.Lookalike : 0) | (beforeEnclitic ? FormFlags.BeforeEnclitic : 0)
                                | (hamzaOnly.Contains(n) && Inflection.HasHamza(raw) ? FormFlags.NeedsHamza : 0);
                    if (hamzaOnly.Contains(n) && !Inflection.HasHamza(raw)) continue;
                    var existing = hits.FindIndex(h => h.Entry == index && h.Part == p);
                    if (existing >= 0)
                    {
                        // the same spelling as a free form wins over a form that needs an enclitic
                        if (hits[existing].Has(FormFlags.BeforeEnclitic) && !beforeEnclitic)
                            hits[existing] = hits[existing] with { Flags = hits[existing].Flags & ~FormFlags.BeforeEnclitic };
                        continue;
                    }
                    hits.Add(new FormHit(index, (byte)p, form, flags));
                }
            }
        }
    }

    private static IEnumerable<(string Form, TriggerForm Kind, bool BeforeEnclitic)> Generate(PatternAlternative alt, TriggerPos pos)
    {
        var nominal = pos switch
        {
            TriggerPos.Masdar => TriggerForm.Masdar,
            TriggerPos.Participle => TriggerForm.Participle,
            _ => TriggerForm.Noun,
        };
        switch (alt.Class)
        {
            case 'v':
                foreach (var (f, e) in Inflection.Perfect(alt.Word)) yield return (f, TriggerForm.Perfect, e);
                foreach (var (f, e) in Inflection.Imperfect(alt.Imperfect ?? Inflection.DefaultImperfect(alt.Word))) yield return (f, TriggerForm.Imperfect, e);
                break;
            case 'p':
                foreach (var (f, e) in Inflection.Participle(alt.Word)) yield return (f, TriggerForm.Participle, e);
                break;
            case '=':
                yield return (alt.Word, TriggerForm.Exact, false);
                break;
            default:
                foreach (var (f, e) in Inflection.Noun(alt.Word)) yield return (f, nominal, e);
                break;
        }
    }

    /// <summary>All triggers in every sentence of <paramref name="text"/>.</summary>
    public IReadOnlyList<TriggerMatch> Match(ArabicText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var all = new List<TriggerMatch>();
        for (var s = 0; s < text.Sentences.Count; s++) all.AddRange(Match(text, s));
        return all;
    }

    /// <summary>
    /// The triggers of sentence <paramref name="sentence"/>, in text order. Where readings compete for a token, the one
    /// matching more words wins (فرض … عقوبات over عقوبات; وقف إطلاق النار over إطلاق النار), then the wider span, then a
    /// strong reading over a weak one (هاجم: ASSAULT over the verbal attack), then the more specific CAMEO code, then the
    /// earlier lexicon line. Shared parts (@) do not compete. A later word of an expression is never a token that
    /// <paramref name="blocked"/> rejects (a word inside a name).
    /// </summary>
    public IReadOnlyList<TriggerMatch> Match(ArabicText text, int sentence, Func<int, bool>? blocked = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var range = text.TokensOf(sentence);
        var (first, end) = (range.Start.Value, range.End.Value);
        var readings = new List<Reading>();
        var starts = new int[end - first + 1];
        for (var t = first; t < end; t++)
        {
            starts[t - first] = readings.Count;
            Read(text, t, readings);
        }
        starts[end - first] = readings.Count;
        if (readings.Count == 0) return [];

        var candidates = new List<Candidate>();
        foreach (var r in readings)
        {
            if (r.Part != 0) continue;
            var entry = _entries[r.Entry];
            var tokens = new int[entry.Parts.Count];
            tokens[0] = r.Token;
            var ok = true;
            for (var k = 1; k < tokens.Length && ok; k++)
            {
                ok = false;
                var gap = entry.Parts[k].MaxGapBefore;
                for (var j = tokens[k - 1] + 1; j < end && j <= tokens[k - 1] + 1 + gap; j++)
                {
                    if (FindReading(readings, starts[j - first], starts[j - first + 1], r.Entry, k) && blocked?.Invoke(j) != true) { tokens[k] = j; ok = true; break; }
                    if (IsBarrier(text, j)) break;
                }
            }
            if (!ok) continue;
            var head = readings[FindReadingIndex(readings, starts[tokens[entry.HeadPart] - first], starts[tokens[entry.HeadPart] - first + 1], r.Entry, entry.HeadPart)];
            candidates.Add(new Candidate(entry, tokens, head));
        }
        if (candidates.Count == 0) return [];

        candidates.Sort(static (a, b) =>
        {
            var c = ClaimedCount(b).CompareTo(ClaimedCount(a));
            if (c != 0) return c;
            c = (b.Tokens[^1] - b.Tokens[0]).CompareTo(a.Tokens[^1] - a.Tokens[0]);
            if (c != 0) return c;
            c = Strength(b).CompareTo(Strength(a));
            if (c != 0) return c;
            c = b.Entry.Cameo.Length.CompareTo(a.Entry.Cameo.Length);
            if (c != 0) return c;
            c = a.Entry.Line.CompareTo(b.Entry.Line);
            return c != 0 ? c : a.Tokens[0].CompareTo(b.Tokens[0]);
        });
        var claimed = new bool[end - first];
        var result = new List<TriggerMatch>();
        foreach (var cand in candidates)
        {
            var free = true;
            for (var k = 0; k < cand.Tokens.Length && free; k++)
                if (!cand.Entry.Parts[k].IsShared && claimed[cand.Tokens[k] - first]) free = false;
            if (!free) continue;
            for (var k = 0; k < cand.Tokens.Length; k++)
                if (!cand.Entry.Parts[k].IsShared) claimed[cand.Tokens[k] - first] = true;
            result.Add(ToMatch(text, sentence, cand));
        }
        result.Sort(static (a, b) => a.HeadToken != b.HeadToken ? a.HeadToken.CompareTo(b.HeadToken) : a.FirstToken.CompareTo(b.FirstToken));
        return result;
    }

    private static TriggerStrength Strength(Candidate c) => c.Head.Lookalike ? TriggerStrength.Weak : c.Entry.Strength;

    private static int ClaimedCount(Candidate c)
    {
        var n = 0;
        for (var k = 0; k < c.Tokens.Length; k++)
            if (!c.Entry.Parts[k].IsShared) n++;
        return n;
    }

    private static TriggerMatch ToMatch(ArabicText text, int sentence, Candidate c)
    {
        var headToken = c.Tokens[c.Entry.HeadPart];
        var voice = c.Entry.Voice;
        if (c.Head.Form == TriggerForm.Perfect && voice == TriggerVoice.Active && HasPassiveVowels(text, headToken)) voice = TriggerVoice.Passive;
        var strength = c.Head.Lookalike ? TriggerStrength.Weak : c.Entry.Strength;
        var span = new TextSpan(text.Tokens[c.Tokens[0]].Start, text.Tokens[c.Tokens[^1]].End);
        return new TriggerMatch(c.Entry, sentence, c.Tokens, c.Head.Form, voice, strength, span, text.Tokens[headToken].Span);
    }

    private static bool FindReading(List<Reading> readings, int from, int to, int entry, int part) =>
        FindReadingIndex(readings, from, to, entry, part) >= 0;

    private static int FindReadingIndex(List<Reading> readings, int from, int to, int entry, int part)
    {
        for (var i = from; i < to; i++)
            if (readings[i].Entry == entry && readings[i].Part == part) return i;
        return -1;
    }

    /// <summary>Punctuation an expression does not reach across (a comma or quotation mark it may).</summary>
    private static bool IsBarrier(ArabicText text, int token)
    {
        var t = text.Tokens[token];
        if (t.Kind != TokenKind.Punctuation) return false;
        return text.Text[t.Start] is not (',' or '،' or '"' or '«' or '»' or '\'' or '“' or '”' or '-' or '–' or '(' or ')');
    }

    /// <summary>A perfect verb written with a damma on one of its first three letters (قُتل, أُطلق, اعتُقل) is passive.
    /// The damma of a plural ending (قتلُوا) does not count.</summary>
    private static bool HasPassiveVowels(ArabicText text, int token)
    {
        var tok = text.Tokens[token];
        var s = text.Text.AsSpan(tok.Start + tok.ProcliticLength, tok.Length - tok.ProcliticLength);
        var letters = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (Normalizer.IsArabicLetter(c)) { letters++; continue; }
            if (c != '\u064F' || letters is 0 or > 3) continue;
            // the next letter must not be the و of a plural ending
            var j = i + 1;
            while (j < s.Length && !Normalizer.IsArabicLetter(s[j])) j++;
            if (j < s.Length && s[j] != 'و') return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- reading a token

    /// <summary>Pronoun enclitics the matcher strips (longest first). ي/ني (1st singular) and ك (2nd singular) are left out:
    /// rare in news and the final letters of many words (ذلك, تمسك, مشترك).</summary>
    private static readonly string[] Enclitics = ["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه"];

    /// <summary>Adds the readings of token <paramref name="t"/>: lookups of its stem, then of the stem with clitics stripped
    /// (fewest proclitic letters first; the first level that yields anything wins). Where the segmenter split clitics off,
    /// a word that is itself a head form wins over the split (بحث is not ب+حث), and the whole word with our own stripping
    /// is the fallback when the stem yields nothing.</summary>
    private void Read(ArabicText text, int t, List<Reading> readings)
    {
        var tok = text.Tokens[t];
        if (tok.Kind != TokenKind.Word || tok.Length > 250) return;
        var original = text.Text.AsSpan(tok.Start, tok.Length);
        var ctx = new ReadContext(t, readings, readings.Count, Inflection.HasHamza(original));
        var split = tok.ProcliticLength > 0 || tok.EncliticLength > 0;
        Span<char> buffer = stackalloc char[split ? tok.Length * 2 : 1];
        ReadOnlySpan<char> surface = buffer[..0];
        if (split)
        {
            surface = buffer[..Normalizer.Normalize(original, buffer, NormalizationOptions.Lexical)];
            if (surface.Length >= 2 && Lookup(surface, Strip.None, ctx))
            {
                for (var i = ctx.From; i < readings.Count; i++)
                    if (readings[i].Part == 0) return;
            }
        }
        if (ReadBase(text.Stems[t], tok.EncliticLength > 0 ? Strip.Enclitic : Strip.None, ctx)) return;
        if (split) ReadBase(surface, Strip.None, ctx);
    }

    private bool ReadBase(ReadOnlySpan<char> s, Strip flags, in ReadContext ctx)
    {
        if (s.Length < 2) return false;
        // level 0: the stem itself, without the article, without an enclitic
        if (Variants(s, flags, ctx, includeSelf: true)) return true;
        // level 1: one proclitic letter; level 2: conjunction + preposition/future
        var any = false;
        var c0 = s[0];
        if (c0 is 'و' or 'ف') any |= Variants(s[1..], flags | Strip.Conj, ctx, true);
        any |= Proclitic(s, flags, ctx);
        if (any) return true;
        if (c0 is 'و' or 'ف' && s.Length > 3) any |= Proclitic(s[1..], flags | Strip.Conj, ctx);
        return any;
    }

    private bool Proclitic(ReadOnlySpan<char> s, Strip flags, in ReadContext ctx)
    {
        if (s.Length < 3) return false;
        var strip = s[0] switch
        {
            'ب' or 'ك' => Strip.PrepBK,
            'ل' => Strip.PrepL,
            'س' => Strip.Future,
            _ => Strip.None,
        };
        if (strip == Strip.None) return false;
        var rest = s[1..];
        var any = Variants(rest, flags | strip, ctx, true);
        // ل + elided article: للمتظاهرين, للقاء
        if (strip == Strip.PrepL && rest.Length >= 3 && rest[0] == 'ل')
            any |= Lookup(rest[1..], flags | strip | Strip.Article, ctx);
        return any;
    }

    /// <summary>Looks up s itself (when <paramref name="includeSelf"/>), s without the article, s without an enclitic.</summary>
    private bool Variants(ReadOnlySpan<char> s, Strip flags, in ReadContext ctx, bool includeSelf = false)
    {
        if (s.Length < 2) return false;
        var any = includeSelf && Lookup(s, flags, ctx);
        if (s.Length >= 4 && s[0] == 'ا' && s[1] == 'ل') any |= Lookup(s[2..], flags | Strip.Article, ctx);
        if ((flags & Strip.Enclitic) != 0) return any;
        foreach (var e in Enclitics)
            if (s.Length - e.Length >= 2 && s.EndsWith(e, StringComparison.Ordinal))
                any |= Lookup(s[..^e.Length], flags | Strip.Enclitic, ctx);
        return any;
    }

    private bool Lookup(ReadOnlySpan<char> form, Strip used, in ReadContext ctx)
    {
        if (!_lookup.TryGetValue(form, out var hits)) return false;
        var any = false;
        var readings = ctx.Readings;
        foreach (var h in hits)
        {
            if ((used & ~Allowed(h.Form)) != 0 || (h.Has(FormFlags.BeforeEnclitic) && (used & Strip.Enclitic) == 0)) continue;
            if (h.Has(FormFlags.NeedsHamza) && !ctx.Hamza) continue;
            var dup = false;
            for (var i = ctx.From; i < readings.Count && !dup; i++)
                dup = readings[i].Entry == h.Entry && readings[i].Part == h.Part;
            any = true;
            if (!dup) readings.Add(new Reading(ctx.Token, h.Entry, h.Part, h.Form, h.Has(FormFlags.Lookalike)));
        }
        return any;
    }

    private static Strip Allowed(TriggerForm form) => form switch
    {
        TriggerForm.Perfect => Strip.Conj | Strip.Enclitic,
        TriggerForm.Imperfect => Strip.Conj | Strip.PrepL | Strip.Future | Strip.Enclitic,
        TriggerForm.Exact => Strip.Conj | Strip.PrepBK | Strip.PrepL,
        _ => Strip.Conj | Strip.PrepBK | Strip.PrepL | Strip.Article | Strip.Enclitic,
    };

    [Flags]
    private enum Strip : byte
    {
        None = 0,
        Conj = 1,
        PrepBK = 2,
        PrepL = 4,
        Future = 8,
        Article = 16,
        Enclitic = 32,
    }

    private readonly record struct Reading(int Token, int Entry, int Part, TriggerForm Form, bool Lookalike);

    /// <summary>What the lookups of one token share: the token, the readings list and where its readings start, and
    /// whether the word is written with hamza.</summary>
    private readonly record struct ReadContext(int Token, List<Reading> Readings, int From, bool Hamza);

    private sealed record Candidate(TriggerEntry Entry, int[] Tokens, Reading Head);
}

/// <summary>A compiled form's entry: which entry and part it belongs to, which form it is, whether it is a look-alike.</summary>
internal readonly record struct FormHit(int Entry, byte Part, TriggerForm Form, FormFlags Flags)
{
    public bool Has(FormFlags f) => (Flags & f) != 0;
}

/// <summary>Conditions on a compiled form.</summary>
[Flags]
internal enum FormFlags : byte
{
    None = 0,
    /// <summary>A listed look-alike: the match is weak.</summary>
    Lookalike = 1,
    /// <summary>Only before a pronoun enclitic (استقبلو+ه, مظاهرت+هم).</summary>
    BeforeEnclitic = 2,
    /// <summary>The normalised spelling is an excluded look-alike; it matches only when the word is written with hamza (هنأ, not هنا).</summary>
    NeedsHamza = 4,
}
