using Hadath.Arabic;
using Hadath.Core.Model;

namespace Hadath.Extraction.Times;

/// <summary>
/// Finds time expressions (اليوم الأربعاء, يوم الثلاثاء, أمس, هذا الأسبوع, الشهر الماضي, في الربيع, 6 آب/أغسطس 2025,
/// 29-11-2020, خلال عام 2025, 15 رمضان 1446 هـ, 3 ساعات …) and resolves them against the publication date:
/// writes the <see cref="TimeLayer"/> and the contract's <c>times</c>. Two document-level steps follow the parse:
/// a bare weekday repeats the date of an earlier modified mention of the same weekday (الجمعة المقبل … يوم الجمعة),
/// and a relative day inside a direct quote (غدا, اليوم, أمس) is anchored on the day the words were said when the
/// quote's frame names it (وقال ترامب يوم الثلاثاء: "… غدا").
/// </summary>
public sealed class TimeRecognizer : IPipelineComponent
{
    private readonly TimeLexicon _lexicon;

    public TimeRecognizer(TimeLexicon? lexicon = null) => _lexicon = lexicon ?? TimeLexicon.Default;

    public string Name => "times";
    public IReadOnlyCollection<string> Requires { get; } = ["tokens"];
    public IReadOnlyCollection<string> Provides { get; } = ["times"];

    public void Process(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var forms = context.Find<TokenForms>() ?? new TokenForms(context.Text);
        context.Set(forms);
        var mentions = Recognize(forms, context.Published, _lexicon);
        context.Set(new TimeLayer(mentions));
        var text = context.Text.Text;
        foreach (var m in mentions)
            context.Output.Times.Add(new TimeOut
            {
                Text = text[m.Span.Start..m.Span.End],
                Start = m.Span.Start,
                End = m.Span.End,
                Value = m.Value,
                Kind = m.Kind,
            });
    }

    /// <summary>The time mentions of a text, resolved against <paramref name="published"/> (may be null).</summary>
    public static IReadOnlyList<TimeMention> Recognize(ArabicText text, DateOnly? published, TimeLexicon? lexicon = null) =>
        Recognize(new TokenForms(text), published, lexicon ?? TimeLexicon.Default);

    /// <summary>The time mentions of a text, resolved against <paramref name="published"/> (may be null).</summary>
    public static IReadOnlyList<TimeMention> Recognize(TokenForms forms, DateOnly? published, TimeLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(lexicon);
        var parses = Parse(forms, lexicon);
        var found = new List<(TimeMention Mention, TimeParse Parse)>(parses.Count + 4);
        foreach (var p in parses)
        {
            found.Add((ToMention(forms, p, published), p));
            if (p.Inner is { } inner) found.Add((ToMention(forms, inner, published), inner));
        }
        found.Sort((a, b) => a.Mention.Span.Start != b.Mention.Span.Start
            ? a.Mention.Span.Start.CompareTo(b.Mention.Span.Start)
            : b.Mention.Span.End.CompareTo(a.Mention.Span.End));
        RepeatWeekdays(found);
        if (published is not null) AnchorQuotedDays(forms.Text, found);
        return [.. found.Select(f => f.Mention)];
    }

    /// <summary>The longest expression at each position, left to right, within sentences.</summary>
    internal static List<TimeParse> Parse(TokenForms forms, TimeLexicon lexicon)
    {
        var parser = new TimeParser(forms, lexicon);
        var list = new List<TimeParse>();
        var text = forms.Text;
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            var range = text.TokensOf(s);
            var end = range.End.Value;
            TimeParse? last = null;
            for (var i = range.Start.Value; i < end;)
            {
                // عامي 2014 و2015, بين 2014 و2016: a year right after a year mention and و / - / إلى / حتى
                var licensed = last is { Spec: YearSpec } && last.End == i - 1 && forms[i - 1] is "و" or "-" or "الي" or "حتي";
                var p = parser.ParseAt(i, end, licensed);
                if (p is null) { i++; continue; }
                list.Add(p);
                last = p;
                i = p.End;
            }
        }
        return list;
    }

    private static TimeMention ToMention(TokenForms forms, TimeParse p, DateOnly? anchor) => new()
    {
        Span = new TextSpan(WordStart(forms, p.First), forms.Text.Tokens[p.End - 1].End),
        FirstToken = p.First,
        EndToken = p.End,
        Kind = p.Spec.Kind,
        Value = p.Spec.Resolve(anchor),
        IsRelative = p.Spec.IsRelative,
        Anchor = anchor,
    };

    /// <summary>Where the first word starts, after a conjunction (وأمس → أمس).</summary>
    private static int WordStart(TokenForms forms, int token)
    {
        var start = forms.Text.Tokens[token].Start;
        var s = forms[token];
        if (forms.Kind(token) != TokenKind.Word || s.Length < 3 || s[0] is not ('و' or 'ف')) return start;
        var known = forms.TryLookup(TimeWords.Lookup, token, out var hit) ? hit.Proclitics : Proclitics.None;
        return known.HasFlag(Proclitics.Conjunction) ? forms.OriginalOffset(token, 1) : start;
    }

    /// <summary>A bare weekday (يوم الجمعة) after a modified one of the same weekday (الجمعة المقبل) names the same day.</summary>
    private static void RepeatWeekdays(List<(TimeMention Mention, TimeParse Parse)> found)
    {
        var known = new Dictionary<int, string>();
        foreach (var (m, p) in found)
        {
            if (p.Spec is WeekdaySpec { Direction: TimeDirection.Default } w)
            {
                if (known.TryGetValue(w.Weekday, out var v)) m.Value = v;
            }
            else if (p.Weekday is { } wd && m.Value is { Length: 10 } day && p.Spec is WeekdaySpec or CalendarDateSpec)
            {
                known[wd] = day;
            }
        }
    }

    /// <summary>
    /// A relative day inside a direct quote is counted from the day the words were said: the nearest day mention before
    /// the quote and outside quotes in the same sentence, or — for a quote that continues the previous one (وأضاف: "…")
    /// — in the sentence of that previous quote.
    /// </summary>
    private static void AnchorQuotedDays(ArabicText text, List<(TimeMention Mention, TimeParse Parse)> found)
    {
        var quotes = QuoteRegions(text.Text);
        if (quotes.Count == 0) return;
        // quotes are disjoint and in text order: binary search
        int QuoteOf(int offset)
        {
            int lo = 0, hi = quotes.Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (offset <= quotes[mid].Open) hi = mid - 1;
                else if (offset >= quotes[mid].Close) lo = mid + 1;
                else return mid;
            }
            return -1;
        }
        // found is in text order: the nearest day mention of the sentence before an offset, scanning back from it
        TimeMention? FrameDay(int sentence, int before)
        {
            int lo = 0, hi = found.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (found[mid].Mention.Span.Start < before) lo = mid + 1; else hi = mid;
            }
            for (var i = lo - 1; i >= 0; i--)
            {
                var m = found[i].Mention;
                var s = text.SentenceAt(m.Span.Start);
                if (s < sentence) break;
                if (m.Value is { Length: 10 } && s == sentence && QuoteOf(m.Span.Start) < 0) return m;
            }
            return null;
        }
        foreach (var (m, p) in found)
        {
            if (p.Spec is not DayOffsetSpec) continue;
            var q = QuoteOf(m.Span.Start);
            if (q < 0) continue;
            var open = quotes[q].Open;
            var sentence = text.SentenceAt(open);
            var frame = FrameDay(sentence, open);
            if (frame is null && q > 0)
            {
                var prev = quotes[q - 1];
                var prevSentence = text.SentenceAt(prev.Open);
                if (prevSentence >= sentence - 1 && prevSentence >= 0) frame = FrameDay(prevSentence, prev.Open);
            }
            if (frame?.Value is not { } v || !DateOnly.TryParseExact(v, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var said)) continue;
            m.Anchor = said;
            m.Value = p.Spec.Resolve(said);
        }
    }

    /// <summary>Pairs of quotation marks (« », “ ”, " ") within a line: (opening offset, closing offset).</summary>
    internal static List<(int Open, int Close)> QuoteRegions(string text)
    {
        var list = new List<(int, int)>();
        var open = -1;
        var closer = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') { open = -1; continue; }
            if (open >= 0)
            {
                if (c == closer) { list.Add((open, i)); open = -1; }
                continue;
            }
            switch (c)
            {
                case '«': open = i; closer = '»'; break;
                case '“': open = i; closer = '”'; break;
                case '"': open = i; closer = '"'; break;
            }
        }
        return list;
    }
}
