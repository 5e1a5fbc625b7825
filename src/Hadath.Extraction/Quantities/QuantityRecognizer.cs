using Hadath.Arabic;
using Hadath.Core.Model;
using Hadath.Extraction.Times;

namespace Hadath.Extraction.Quantities;

/// <summary>
/// Finds quantities: numbers with what they count (3 ساعات → 3 hour, 500 متظاهر, مقتل 12 شخصا, ثلاثة آلاف جندي),
/// dual nouns (غواصتين → 2 غواصة), ordinals (الخامسة → 5 ordinal), percentages (%, بالمئة, في المئة) and money
/// (مليار دولار → 1e9 USD). Years, day numbers inside dates and clock times are not quantities: numbers inside a time
/// mention other than a duration are skipped. Also writes the <see cref="CasualtyLayer"/> (killed and injured counts).
/// </summary>
public sealed class QuantityRecognizer : IPipelineComponent
{
    public string Name => "quantities";
    public IReadOnlyCollection<string> Requires { get; } = ["tokens"];
    public IReadOnlyCollection<string> Provides { get; } = ["quantities", "casualties"];

    public void Process(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var forms = context.Find<TokenForms>() ?? new TokenForms(context.Text);
        context.Set(forms);
        var times = context.Find<TimeLayer>()?.Mentions ?? TimeRecognizer.Recognize(forms, context.Published, TimeLexicon.Default);
        var numbers = ArabicNumbers.Find(forms);
        var quantities = Recognize(forms, numbers, times);
        context.Set(new QuantityLayer(quantities));
        var text = context.Text.Text;
        foreach (var q in quantities)
            context.Output.Quantities.Add(new QuantityOut
            {
                Text = text[q.Span.Start..q.Span.End],
                Start = q.Span.Start,
                End = q.Span.End,
                Value = q.Value,
                Unit = q.Unit,
            });
        context.Set(new CasualtyLayer(CasualtyFinder.Find(forms, numbers, times)));
    }

    /// <summary>The quantities of a text (times are recognised first so that dates and years are left out).</summary>
    public static IReadOnlyList<QuantityMention> Recognize(ArabicText text, DateOnly? published = null)
    {
        var forms = new TokenForms(text);
        return Recognize(forms, ArabicNumbers.Find(forms), TimeRecognizer.Recognize(forms, published, TimeLexicon.Default));
    }

    /// <summary>The quantities among <paramref name="numbers"/>, leaving out those inside non-duration <paramref name="times"/>.</summary>
    public static IReadOnlyList<QuantityMention> Recognize(TokenForms forms, IReadOnlyList<NumberMatch> numbers, IReadOnlyList<TimeMention> times)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(times);
        var list = new List<QuantityMention>();
        var tokens = forms.Text.Tokens;
        var inTime = TimeTokens(forms.Text, times);
        foreach (var n in numbers)
        {
            if (InTime(inTime, n)) continue;
            var sentenceEnd = SentenceEnd(forms.Text, n.FirstToken);
            switch (n.Kind)
            {
                case NumberKind.Ordinal:
                    if (n.FirstToken > 0 && forms[n.FirstToken - 1] is "الساعة") continue; // الساعة الثانية: a clock time
                    list.Add(new QuantityMention { Span = n.Span, Value = n.Value, Unit = "ordinal" });
                    continue;
                case NumberKind.Dual:
                    list.Add(new QuantityMention { Span = n.Span, Value = 2, Unit = CountedNoun.TimeUnitName(n.Noun!) ?? n.Noun });
                    continue;
            }
            var k = n.EndToken;
            // percentages: 45%, ٤٥٪, 45 بالمئة, 45 في المئة
            if (k < sentenceEnd && (forms.Is(k, '%') || forms.Is(k, '٪')))
            {
                list.Add(new QuantityMention { Span = new TextSpan(n.Span.Start, tokens[k].End), Value = n.Value, Unit = "percent" });
                continue;
            }
            if (k < sentenceEnd && forms[k] is "بالمئة" or "بالمائة" or "بالمية" or "%")
            {
                list.Add(new QuantityMention { Span = new TextSpan(n.Span.Start, tokens[k].End), Value = n.Value, Unit = "percent" });
                continue;
            }
            if (k + 1 < sentenceEnd && forms[k] == "في" && forms[k + 1] is "المئة" or "المائة" or "المية")
            {
                list.Add(new QuantityMention { Span = new TextSpan(n.Span.Start, tokens[k + 1].End), Value = n.Value, Unit = "percent" });
                continue;
            }
            if (n.Kind == NumberKind.Cardinal && n.Digits && n.IsInteger && n.Value is >= 1900 and <= 2100 && n.EndToken == n.FirstToken + 1 &&
                !(k < sentenceEnd && forms.Kind(k) == TokenKind.Word && CountedNoun.CanCount(forms[k])))
                continue; // a year
            // يوم واحد, مرة واحدة: the noun comes first
            if (!n.Digits && n.Value == 1 && n.EndToken == n.FirstToken + 1 && n.FirstToken > 0 && forms.Kind(n.FirstToken - 1) == TokenKind.Word &&
                CountedNoun.CanCount(forms[n.FirstToken - 1]) && forms.Text.SentenceAt(tokens[n.FirstToken - 1].Start) == forms.Text.SentenceAt(n.Span.Start))
            {
                var prev = n.FirstToken - 1;
                list.Add(new QuantityMention { Span = new TextSpan(tokens[prev].Start, n.Span.End), Value = 1, Unit = CountedNoun.Unit(forms[prev], forms[n.FirstToken]) });
                continue;
            }
            if (k < sentenceEnd && forms.Kind(k) == TokenKind.Word && CountedNoun.CanCount(forms[k]))
            {
                var next = k + 1 < sentenceEnd ? forms[k + 1] : null;
                list.Add(new QuantityMention { Span = new TextSpan(n.Span.Start, tokens[k].End), Value = n.Value, Unit = CountedNoun.Unit(forms[k], next) });
                continue;
            }
            if (n.Kind == NumberKind.Fraction) continue; // نصف alone: "half of …" without a unit
            if (!n.Digits && n.Value == 1) continue; // واحد alone: "one (of)"
            // الساعات الأربع والعشرين الأخيرة: the duration it is part of names the unit
            list.Add(new QuantityMention { Span = n.Span, Value = n.Value, Unit = DurationUnit(n, times) });
        }
        return list;
    }

    /// <summary>For each token, whether it lies in a time mention that is not a duration (a date, a year, a clock time).</summary>
    internal static bool[] TimeTokens(ArabicText text, IReadOnlyList<TimeMention> times)
    {
        var marks = new bool[text.Tokens.Count];
        foreach (var t in times)
            if (t.Kind != "duration")
                for (var i = Math.Max(0, t.FirstToken); i < t.EndToken && i < marks.Length; i++) marks[i] = true;
        return marks;
    }

    internal static bool InTime(bool[] marks, NumberMatch n)
    {
        for (var i = n.FirstToken; i < n.EndToken && i < marks.Length; i++)
            if (marks[i]) return true;
        return false;
    }

    private static string? DurationUnit(NumberMatch n, IReadOnlyList<TimeMention> times)
    {
        foreach (var t in times)
        {
            if (t.Kind != "duration" || t.Value is not { Length: > 2 } v || n.FirstToken < t.FirstToken || n.EndToken > t.EndToken) continue;
            var timePart = v.Contains('T', StringComparison.Ordinal);
            return v[^1] switch
            {
                'H' => "hour",
                'S' => "second",
                'M' => timePart ? "minute" : "month",
                'D' => "day",
                'W' => "week",
                'Y' => "year",
                _ => null,
            };
        }
        return null;
    }

    private static int SentenceEnd(ArabicText text, int token)
    {
        var s = text.SentenceAt(text.Tokens[token].Start);
        return s < 0 ? text.Tokens.Count : text.TokensOf(s).End.Value;
    }
}
