using System.Collections.Frozen;
using Hadath.Arabic;

namespace Hadath.Extraction.Quantities;

/// <summary>Whether a casualty count counts the dead or the wounded.</summary>
public enum CasualtyKind : byte { Killed, Injured }

/// <summary>
/// A killed or injured count: its value, the number (with its noun) in the text, the token range, and the cue that
/// says what is counted (مقتل, إصابة, قتلى, حتفهم, حصيلة القتلى).
/// </summary>
public sealed record CasualtyCount(CasualtyKind Kind, double Value, TextSpan Span, int FirstToken, int EndToken, TextSpan Cue);

/// <summary>The casualty counts of a document, for the event coder to attach to ASSAULT events.</summary>
public sealed class CasualtyLayer(IReadOnlyList<CasualtyCount> counts)
{
    public IReadOnlyList<CasualtyCount> Counts { get; } = counts;

    /// <summary>The counts inside [start, end) (a sentence or a clause).</summary>
    public IEnumerable<CasualtyCount> Within(TextSpan span) => Counts.Where(c => span.Start <= c.Span.Start && c.Span.End <= span.End);
}

/// <summary>
/// Finds killed and injured counts: a number after a cue (مقتل 12 شخصا, قتل 12, استشهاد ثلاثة فلسطينيين, إصابة 7,
/// أودى بحياة 5, مصرع 4, جرح 20, مقتل أكثر من 20), a number before a casualty noun (سقوط 5 قتلى و10 جرحى, 61 شهيدا),
/// لقي 4 أشخاص حتفهم, and tolls (ارتفعت حصيلة القتلى إلى 30, بلغ عدد الجرحى 15). Pure functions.
/// </summary>
public static class CasualtyFinder
{
    private static readonly FrozenDictionary<string, CasualtyKind> Cues = Build(new()
    {
        ["قتل"] = CasualtyKind.Killed, ["مقتل"] = CasualtyKind.Killed, ["استشهاد"] = CasualtyKind.Killed, ["استشهد"] = CasualtyKind.Killed,
        ["مصرع"] = CasualtyKind.Killed, ["وفاة"] = CasualtyKind.Killed, ["بحياة"] = CasualtyKind.Killed, ["قضى"] = CasualtyKind.Killed,
        ["توفي"] = CasualtyKind.Killed, ["قتلت"] = CasualtyKind.Killed, ["وقتل"] = CasualtyKind.Killed, ["إعدام"] = CasualtyKind.Killed,
        ["إصابة"] = CasualtyKind.Injured, ["أصيب"] = CasualtyKind.Injured, ["جرح"] = CasualtyKind.Injured, ["إصابات"] = CasualtyKind.Injured,
        ["أصابت"] = CasualtyKind.Injured, ["أصاب"] = CasualtyKind.Injured,
    });

    private static readonly FrozenDictionary<string, CasualtyKind> Nouns = Build(new()
    {
        ["قتيل"] = CasualtyKind.Killed, ["قتيلا"] = CasualtyKind.Killed, ["قتلى"] = CasualtyKind.Killed, ["شهيد"] = CasualtyKind.Killed,
        ["شهيدا"] = CasualtyKind.Killed, ["شهداء"] = CasualtyKind.Killed, ["ضحية"] = CasualtyKind.Killed, ["ضحايا"] = CasualtyKind.Killed,
        ["وفيات"] = CasualtyKind.Killed, ["حالة وفاة"] = CasualtyKind.Killed, ["القتلى"] = CasualtyKind.Killed, ["الشهداء"] = CasualtyKind.Killed,
        ["الضحايا"] = CasualtyKind.Killed, ["الوفيات"] = CasualtyKind.Killed,
        ["جريح"] = CasualtyKind.Injured, ["جريحا"] = CasualtyKind.Injured, ["جرحى"] = CasualtyKind.Injured, ["مصاب"] = CasualtyKind.Injured,
        ["مصابا"] = CasualtyKind.Injured, ["مصابين"] = CasualtyKind.Injured, ["إصابات"] = CasualtyKind.Injured, ["الجرحى"] = CasualtyKind.Injured,
        ["المصابين"] = CasualtyKind.Injured, ["الإصابات"] = CasualtyKind.Injured,
    });

    /// <summary>Words allowed between a cue and its number: مقتل أكثر من 20, إصابة ما لا يقل عن 30, مقتل نحو 12.</summary>
    private static readonly FrozenSet<string> Hedges = FrozenSet.ToFrozenSet(
        ["اكثر", "من", "ما", "لا", "يقل", "عن", "نحو", "حوالي", "قرابة", "زهاء", "الي", "يزيد", "اقل", "بنحو"], StringComparer.Ordinal);

    /// <summary>Words that complete a toll: حصيلة/عدد + القتلى … إلى/بلغ N.</summary>
    private static readonly FrozenSet<string> TollWords = FrozenSet.ToFrozenSet(["حصيلة", "عدد"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> DeathObjects = FrozenSet.ToFrozenSet(["حتفهم", "حتفه", "حتفها", "حتفهما", "مصرعهم", "مصرعه", "مصرعها", "مصرعهما"], StringComparer.Ordinal);

    /// <summary>The casualty counts of sentence <paramref name="sentence"/>.</summary>
    public static IReadOnlyList<CasualtyCount> Find(ArabicText text, int sentence)
    {
        ArgumentNullException.ThrowIfNull(text);
        var forms = new TokenForms(text);
        var range = text.TokensOf(sentence);
        var numbers = new List<NumberMatch>();
        for (var i = range.Start.Value; i < range.End.Value;)
        {
            if (ArabicNumbers.TryRead(forms, i, range.End.Value, out var m)) { numbers.Add(m); i = m.EndToken; }
            else i++;
        }
        return Find(forms, numbers, []);
    }

    /// <summary>The casualty counts among <paramref name="numbers"/> (numbers inside non-duration times are ignored).</summary>
    public static IReadOnlyList<CasualtyCount> Find(TokenForms forms, IReadOnlyList<NumberMatch> numbers, IReadOnlyList<TimeMention> times)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(times);
        var cues = Cues.GetAlternateLookup<ReadOnlySpan<char>>();
        var nouns = Nouns.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = forms.Text;
        var list = new List<CasualtyCount>();
        var inTime = QuantityRecognizer.TimeTokens(text, times);
        foreach (var n in numbers)
        {
            if (n.Kind != NumberKind.Cardinal || n.Value < 1) continue;
            if (QuantityRecognizer.InTime(inTime, n)) continue;
            var sentence = text.SentenceAt(n.Span.Start);
            if (sentence < 0) continue;
            var range = text.TokensOf(sentence);
            int first = range.Start.Value, end = range.End.Value;
            var span = n.Span;
            var last = n.EndToken;
            CasualtyKind? kind = null;
            var cue = default(TextSpan);

            // a casualty noun right after the number (5 قتلى, 61 شهيدا) or after من (12 من الجرحى)
            var k = n.EndToken;
            if (k < end && forms[k] == "من") k++;
            if (k < end && forms.TryLookup(nouns, k, out var noun))
            {
                kind = noun.Value;
                cue = text.Tokens[k].Span;
                span = new TextSpan(n.Span.Start, text.Tokens[k].End);
                last = k + 1;
            }
            // لقي 4 أشخاص حتفهم
            if (kind is null)
                for (var j = n.EndToken; j < Math.Min(end, n.EndToken + 3); j++)
                    if (DeathObjects.Contains(forms[j]))
                    {
                        kind = CasualtyKind.Killed;
                        cue = text.Tokens[j].Span;
                        break;
                    }
            // a cue before the number, over hedges: مقتل أكثر من 20 شخصا
            if (kind is null)
            {
                var j = n.FirstToken - 1;
                while (j >= first && j >= n.FirstToken - 4 && Hedges.Contains(forms[j])) j--;
                if (j >= first && forms.TryLookup(cues, j, out var c))
                {
                    kind = c.Value;
                    cue = text.Tokens[j].Span;
                }
            }
            // a toll: ارتفعت حصيلة القتلى إلى 30, بلغ عدد الجرحى 15
            if (kind is null)
            {
                for (var j = n.FirstToken - 1; j >= first + 1 && j >= n.FirstToken - 5; j--)
                {
                    if (forms.Kind(j) == TokenKind.Number) break;
                    if (forms.TryLookup(nouns, j, out var tn) && TollWords.Contains(forms[j - 1]))
                    {
                        kind = tn.Value;
                        cue = new TextSpan(text.Tokens[j - 1].Start, text.Tokens[j].End);
                        break;
                    }
                }
            }
            if (kind is null) continue;
            // the counted noun after a cue: مقتل 12 شخصا
            if (last == n.EndToken && last < end && forms.Kind(last) == TokenKind.Word && CountedNoun.CanCount(forms[last]) && forms[last] is not ("و" or "في"))
            {
                span = new TextSpan(n.Span.Start, text.Tokens[last].End);
                last++;
            }
            list.Add(new CasualtyCount(kind.Value, n.Value, span, n.FirstToken, last, cue));
        }
        return list;
    }

    private static FrozenDictionary<string, CasualtyKind> Build(Dictionary<string, CasualtyKind> d)
    {
        var n = new Dictionary<string, CasualtyKind>(StringComparer.Ordinal);
        foreach (var (k, v) in d) n[Normalizer.Normalize(k)] = v;
        return n.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
