using System.Globalization;
using Hadath.Core.Diagnostics;

namespace Hadath.Knowledge.Triggers;

/// <summary>One alternative of a pattern part after parsing: its written words and how they inflect.</summary>
internal readonly record struct PatternAlternative(string Word, string? Imperfect, char Class);

/// <summary>A look-alike of the lookalikes column: a form that is also another word. Excluded ones (written with !) never
/// match, unless the look-alike is spelled without hamza and the token is written with one (هنأ is not هنا).</summary>
internal readonly record struct Lookalike(string Form, bool Excluded, bool WrittenWithHamza);

/// <summary>A parsed pattern part.</summary>
internal sealed record PatternPart(PatternAlternative[] Alternatives, int MaxGapBefore, bool Shared, bool Head, string[] Written);

/// <summary>Parses lines of triggers.tsv into entries (see data/lexicons/README.md for the format).</summary>
internal static class TriggerLexiconParser
{
    /// <summary>Gap allowed by a bare "…" between two parts.</summary>
    public const int DefaultGap = 4;

    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns =
        ["id", "pos", "forms", "type", "mode", "cameo", "contexts", "target", "voice", "strength", "lookalikes", "note"];

    /// <summary>Prepositions that may introduce a target, in normalised spelling (إلى → الي, على → علي).</summary>
    private static readonly HashSet<string> Prepositions =
        new[] { "على", "مع", "إلى", "ضد", "ل", "من", "ب", "في", "عن", "بين", "لدى", "حول", "تجاه", "إزاء", "نحو", "أمام", "باتجاه", "بحق" }
            .Select(p => p.Length == 1 ? p : Inflection.Normalize(p)!).ToHashSet(StringComparer.Ordinal);

    public static TriggerEntry ParseEntry(LexiconRow row, Ontology ontology, out PatternPart[] parts, out Lookalike[] lookalikes)
    {
        var id = row[0];
        if (id.Length == 0 || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'))
            throw row.Error(ErrorCode.LexiconLine, $"id '{id}' must be non-empty lower-case ASCII letters, digits, '.', '-' or '_'");
        var pos = row[1] switch
        {
            "verb" => TriggerPos.Verb,
            "masdar" => TriggerPos.Masdar,
            "noun" => TriggerPos.Noun,
            "participle" => TriggerPos.Participle,
            "expr" => TriggerPos.Expression,
            _ => throw row.Error(ErrorCode.LexiconLine, $"pos must be verb, masdar, noun, participle or expr, found '{row[1]}'"),
        };
        parts = ParseForms(row, row[2], pos);

        var type = ontology.Type(row[3]) ?? throw row.Error(ErrorCode.LexiconUnknownCode, $"unknown PLOVER type '{row[3]}'");
        var cameo = ontology.Cameo(row[5]) ?? throw row.Error(ErrorCode.LexiconUnknownCode, $"unknown CAMEO code '{row[5]}'");
        if (cameo.Plover is null || !ReferenceEquals(cameo.Plover.Type, type))
            throw row.Error(ErrorCode.LexiconLine,
                $"CAMEO code {cameo.Code} is coded {cameo.Plover?.Type.Name ?? "as no PLOVER type"} in data/ontology/cameo_plover.tsv, not {type.Name}");
        PloverMode? mode = null;
        var explicitNoMode = row[4] == "-";
        if (row[4].Length > 0 && !explicitNoMode)
            mode = type.Mode(row[4]) ?? throw row.Error(ErrorCode.LexiconUnknownCode, $"'{row[4]}' is not a PLOVER mode of {type.Name}");
        IReadOnlyList<string>? contexts = null;
        if (row[6].Length > 0)
        {
            var list = Ontology.SplitList(row[6]);
            foreach (var c in list)
                if (!ontology.IsContext(c)) throw row.Error(ErrorCode.LexiconUnknownCode, $"unknown PLOVER context '{c}'");
            contexts = list;
        }
        var coding = ontology.Coding(type, cameo, mode, contexts);
        if (explicitNoMode && coding.Mode is not null) coding = coding with { Mode = null };

        var targets = new List<string>();
        if (row[7].Length > 0 && row[7] != "-")
        {
            foreach (var t in Ontology.SplitList(row[7]))
            {
                if (t is "obj" or "gen" or "subj") { targets.Add(t); continue; }
                var n = t.Length == 1 ? t : Inflection.Normalize(t);
                if (n is null || !Prepositions.Contains(n))
                    throw row.Error(ErrorCode.LexiconLine, $"target '{t}' must be obj, gen, subj or one of the prepositions {string.Join(" ", Prepositions)}");
                targets.Add(n);
            }
        }
        var voice = row[8] switch
        {
            "" or "active" => TriggerVoice.Active,
            "passive" => TriggerVoice.Passive,
            _ => throw row.Error(ErrorCode.LexiconLine, $"voice must be active or passive, found '{row[8]}'"),
        };
        var strength = row[9] switch
        {
            "" or "strong" => TriggerStrength.Strong,
            "weak" => TriggerStrength.Weak,
            _ => throw row.Error(ErrorCode.LexiconLine, $"strength must be strong or weak, found '{row[9]}'"),
        };
        var looks = new List<Lookalike>();
        foreach (var l in Ontology.SplitList(row[10]))
        {
            var word = l.StartsWith('!') ? l[1..] : l;
            var n = Inflection.Normalize(word) ?? throw row.Error(ErrorCode.LexiconLine, $"look-alike '{l}' is not an Arabic word");
            looks.Add(new Lookalike(n, l.StartsWith('!'), Inflection.HasHamza(word)));
        }
        lookalikes = [.. looks];
        var head = Array.FindIndex(parts, p => p.Head);
        var publicParts = parts.Select(p => new TriggerPart(p.Written, p.MaxGapBefore, p.Shared)).ToArray();
        return new TriggerEntry(id, pos, row[2], publicParts, head < 0 ? 0 : head, coding, targets, voice, strength, row[11],
            row.File, row.Line);
    }

    /// <summary>
    /// forms := part (sep part)*; sep := space (adjacent) | " … " / " ... " (up to 4 tokens between) | " …N " (up to N);
    /// part := [@^] alt ("|" alt)*; alt := word ["/" imperfect] [":" class]; class := v | n | p | = .
    /// </summary>
    internal static PatternPart[] ParseForms(LexiconRow row, string forms, TriggerPos pos)
    {
        var tokens = forms.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) throw row.Error(ErrorCode.LexiconLine, "forms is empty");
        var parts = new List<PatternPart>();
        var gap = 0;
        var pendingGap = false;
        foreach (var tok in tokens)
        {
            if (tok.StartsWith('…') || tok.StartsWith("...", StringComparison.Ordinal))
            {
                if (parts.Count == 0 || pendingGap) throw row.Error(ErrorCode.LexiconLine, $"misplaced gap '{tok}' in forms '{forms}'");
                var digits = tok.TrimStart('…', '.');
                if (digits.Length == 0) gap = DefaultGap;
                else if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out gap) || gap is < 1 or > 8)
                    throw row.Error(ErrorCode.LexiconLine, $"gap '{tok}' must be … or …N with N from 1 to 8");
                pendingGap = true;
                continue;
            }
            var head = false;
            var shared = false;
            var body = tok;
            while (body.Length > 0 && body[0] is '^' or '@')
            {
                if (body[0] == '^') head = true; else shared = true;
                body = body[1..];
            }
            var isFirst = parts.Count == 0;
            var alts = new List<PatternAlternative>();
            var written = body.Split('|');
            foreach (var alt in written)
                alts.Add(ParseAlternative(row, alt, DefaultClass(pos, isFirst || head)));
            parts.Add(new PatternPart([.. alts], pendingGap ? gap : 0, shared, head, written));
            pendingGap = false;
            gap = 0;
        }
        if (pendingGap) throw row.Error(ErrorCode.LexiconLine, $"forms '{forms}' ends with a gap");
        if (pos == TriggerPos.Expression && parts.Count < 2)
            throw row.Error(ErrorCode.LexiconLine, $"an expr needs at least two words, found '{forms}'");
        if (pos != TriggerPos.Expression && parts.Count > 1)
            throw row.Error(ErrorCode.LexiconLine, $"forms '{forms}' has several words: use pos expr");
        if (parts.Count(p => p.Head) > 1) throw row.Error(ErrorCode.LexiconLine, "more than one head part (^)");
        var headIndex = Math.Max(0, parts.FindIndex(p => p.Head));
        if (parts[headIndex].Shared) throw row.Error(ErrorCode.LexiconLine, "the head part cannot be shared (@)");
        if (parts[0].Shared) throw row.Error(ErrorCode.LexiconLine, "the first part cannot be shared (@)");
        return [.. parts];
    }

    private static char DefaultClass(TriggerPos pos, bool head) => !head ? 'n' : pos switch
    {
        TriggerPos.Verb => 'v',
        TriggerPos.Participle => 'p',
        _ => 'n',
    };

    private static PatternAlternative ParseAlternative(LexiconRow row, string alt, char defaultClass)
    {
        var cls = defaultClass;
        var text = alt;
        var colon = alt.LastIndexOf(':');
        if (colon >= 0)
        {
            var c = alt[(colon + 1)..];
            if (c is not ("v" or "n" or "p" or "=")) throw row.Error(ErrorCode.LexiconLine, $"unknown class ':{c}' in '{alt}' (v, n, p or =)");
            cls = c[0];
            text = alt[..colon];
        }
        string? imperfect = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            imperfect = text[(slash + 1)..];
            text = text[..slash];
            if (colon < 0) cls = 'v';
            if (cls != 'v') throw row.Error(ErrorCode.LexiconLine, $"'{alt}': an imperfect (/) is only for verbs");
            if (Inflection.Normalize(imperfect) is not { } ni || ni[0] != 'ي')
                throw row.Error(ErrorCode.LexiconLine, $"'{alt}': the imperfect must be an Arabic word starting with ي");
        }
        if (Inflection.Normalize(text) is null) throw row.Error(ErrorCode.LexiconLine, $"'{alt}' is not an Arabic word");
        return new PatternAlternative(text, imperfect, cls);
    }
}
