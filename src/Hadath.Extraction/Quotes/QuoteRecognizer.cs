using Hadath.Arabic;
using Hadath.Core.Model;
using Hadath.Extraction.Common;

namespace Hadath.Extraction.Quotes;

/// <summary>
/// Finds direct quotes (words in quotation marks tied to a speech cue) and reported speech (قال إن, أعلن أن,
/// أفاد بـ, بحسب X, يقول محللون إن), and resolves each speaker: the subject after the cue verb (VSO), the nearest
/// actor before it (SVO, أما X فأعلن), or, for a cue without a subject (وأضاف, وتابع), the last speaker.
/// Quote spans exclude the quotation marks.
/// </summary>
public sealed class QuoteRecognizer : IPipelineComponent
{
    private readonly Func<TimeMention, ArabicText, DateOnly, string?>? _resolveRelative;

    /// <param name="resolveRelative">Re-resolves a relative time against another anchor (the time component's resolver);
    /// when given, relative times inside a quote are resolved against the quote's own time.</param>
    public QuoteRecognizer(Func<TimeMention, ArabicText, DateOnly, string?>? resolveRelative = null) => _resolveRelative = resolveRelative;

    public string Name => "quotes";
    public IReadOnlyCollection<string> Requires { get; } = ["tokens"];
    public IReadOnlyCollection<string> Provides { get; } = ["quotes"];

    /// <summary>Quoted spans this short, with no speech cue tied to them, are names or terms, not quotes.</summary>
    private const int MinUncuedQuoteTokens = 6;

    public void Process(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        var entities = context.Find<EntityLayer>();
        var times = context.Find<TimeLayer>();
        var state = new State(text, entities, times);

        var quotes = new List<QuoteMention>();
        var cueUsed = new HashSet<int>();
        var directSpans = FindQuotePairs(text.Text);
        foreach (var (open, close) in directSpans)
        {
            var q = DirectQuote(state, open, close, cueUsed, quotes);
            if (q is not null) quotes.Add(q);
            else state.RejectedQuotes.Add(new TextSpan(open, close + 1));
        }
        for (var s = 0; s < text.Sentences.Count; s++) ReportedSpeech(state, s, quotes, cueUsed);
        for (var s = 0; s < text.Sentences.Count; s++) ColonQuote(state, s, quotes);

        quotes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        ResolveContinuations(state, quotes);
        context.Set(new QuoteLayer(quotes));
        foreach (var q in quotes) context.Output.Quotes.Add(ToOut(state, q));
        if (times is not null && _resolveRelative is not null) AnchorTimesInQuotes(context, state, quotes, times, _resolveRelative);
    }

    /// <summary>
    /// Relative times inside a quote are resolved against the time the words were said, when the text gives it:
    /// "وقال ترامب يوم الثلاثاء: … غدا" is Wednesday. A continuation (وأضاف) keeps the previous quote's time.
    /// </summary>
    private static void AnchorTimesInQuotes(AnalysisContext context, State st, List<QuoteMention> quotes, TimeLayer times,
        Func<TimeMention, ArabicText, DateOnly, string?> resolve)
    {
        var text = st.Text;
        DateOnly? lastAnchor = null;
        QuoteMention? last = null;
        foreach (var q in quotes)
        {
            DateOnly? anchor = null;
            if (q.Cue is { } cue)
            {
                // a day-valued time between the cue and the quote, or elsewhere in the cue's sentence outside the quote
                var sentence = text.SentenceAt(cue.Start);
                foreach (var m in times.Mentions)
                {
                    if (m.Value is not { Length: 10 } v || q.Span.Contains(m.Span.Start)) continue;
                    if (text.SentenceAt(m.Span.Start) != sentence) continue;
                    if (DateOnly.TryParseExact(v, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) { anchor = d; break; }
                }
                if (anchor is null && last is not null && SpeechLexicon.ContinuationVerbs.Matches(text, TextNav.FirstTokenAtOrAfter(text, cue.Start)) && SameSpeaker(q, last))
                    anchor = lastAnchor;
            }
            if (anchor is { } a && a != context.Published)
            {
                foreach (var m in times.Mentions)
                {
                    if (!m.IsRelative || !q.Span.Contains(m.Span.Start)) continue;
                    var value = resolve(m, text, a);
                    if (value is null) continue;
                    m.Value = value;
                    m.Anchor = a;
                    foreach (var t in context.Output.Times)
                        if (t.Start == m.Span.Start && t.End == m.Span.End) t.Value = value;
                }
            }
            lastAnchor = anchor ?? (SameSpeaker(q, last) ? lastAnchor : null);
            last = q;
        }
    }

    private static bool SameSpeaker(QuoteMention q, QuoteMention? other) =>
        other is not null && ((q.Speaker >= 0 && q.Speaker == other.Speaker) || (q.SpeakerSpan is { } a && other.SpeakerSpan is { } b && a == b));

    private sealed class State(ArabicText text, EntityLayer? entities, TimeLayer? times)
    {
        public ArabicText Text { get; } = text;
        public EntityLayer? Entities { get; } = entities;
        public TimeLayer? Times { get; } = times;
        /// <summary>Quoted spans (marks included) that are names or terms, not quotes: حذر "مركز …".</summary>
        public List<TextSpan> RejectedQuotes { get; } = [];

        public int RejectedQuoteAt(int offset)
        {
            for (var i = 0; i < RejectedQuotes.Count; i++)
                if (RejectedQuotes[i].Start == offset) return i;
            return -1;
        }

        public bool InTime(int token)
        {
            if (Times is null) return false;
            var t = Text.Tokens[token];
            foreach (var m in Times.Mentions)
                if (m.Span.Start <= t.Start && t.End <= m.Span.End) return true;
            return false;
        }
    }

    // ------------------------------------------------------------------ direct quotes

    /// <summary>Pairs of quotation marks within a paragraph, outermost only: (index of opening mark, index of closing mark).</summary>
    internal static List<(int Open, int Close)> FindQuotePairs(string text)
    {
        var pairs = new List<(int, int)>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            PairsInLine(text, lineStart, lineEnd, pairs);
            lineStart = lineEnd + 1;
        }
        return pairs;
    }

    private static void PairsInLine(string text, int start, int end, List<(int, int)> pairs)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            var closer = c switch
            {
                '«' => '»',
                '“' or '”' => '*', // Arabic texts use “ and ” in either order
                '„' => '“',
                '‹' => '›',
                '"' => '"',
                _ => '\0',
            };
            if (closer == '\0') { i++; continue; }
            var j = FindCloser(text, i + 1, end, c, closer);
            if (j < 0) { i++; continue; }
            if (j > i + 1) pairs.Add((i, j));
            i = j + 1;
        }
    }

    private static int FindCloser(string text, int from, int end, char opener, char closer)
    {
        if (closer == '*')
        {
            for (var k = from; k < end; k++)
                if (text[k] is '“' or '”') return k;
            return -1;
        }
        var depth = 0;
        for (var k = from; k < end; k++)
        {
            var c = text[k];
            if (opener != closer && c == opener) { depth++; continue; }
            if (c != closer) continue;
            if (depth == 0) return k;
            depth--;
        }
        return -1;
    }

    private static QuoteMention? DirectQuote(State st, int open, int close, HashSet<int> cueUsed, List<QuoteMention> accepted)
    {
        var text = st.Text;
        var inner = new TextSpan(open + 1, close);
        // trim white space inside the marks
        var s = inner.Start;
        var e = inner.End;
        while (s < e && char.IsWhiteSpace(text.Text[s])) s++;
        while (e > s && char.IsWhiteSpace(text.Text[e - 1])) e--;
        if (e <= s) return null;
        var first = TextNav.FirstTokenAtOrAfter(text, s);
        var last = TextNav.LastTokenEndingBy(text, e);
        var tokenCount = last - first + 1;
        if (tokenCount <= 0) return null;
        var sentence = text.SentenceAt(open);
        if (sentence < 0) sentence = text.SentenceAt(s);
        var before = TextNav.LastTokenEndingBy(text, open); // token before the opening mark
        var after = TextNav.FirstTokenAtOrAfter(text, close + 1); // token after the closing mark

        // 1. A cue before: "وقال ترامب يوم الثلاثاء: "…"", "وأضاف: "…"", "في بيان: "…"", "حذر X من أن "…""
        var colonBefore = TextNav.IsPunct(text, before, ':');
        var cue = FindCueBefore(st, before, sentence, accepted);
        if (cue >= 0)
        {
            // A short quoted span is a name, a term or scare quotes (حذر "مركز …" من أن, وكالة "سبوتنيك", وصفه بـ"تعنت")
            // unless a colon or a complementizer introduces it.
            if (tokenCount < MinUncuedQuoteTokens && !colonBefore && !(SpeechLexicon.Complementizers.Matches(text, before) || IsAnHead(text, before)) &&
                (before == cue || SpeechLexicon.NameIntroducers.MatchesLoose(text, before) || (before >= 0 && text.Stems[before] is "ب" or "عن" or "و"))) return null;
            var (speaker, speakerSpan) = FindSpeaker(st, cue, first);
            // words quoted inside reported speech (قال إنه أجرى مكالمة "صريحة" مع …) leave the cue to the reported clause
            if (!ComplementizerBetween(text, cue + 1, before + 1)) cueUsed.Add(cue);
            return new QuoteMention
            {
                Span = new TextSpan(s, e), Direct = true, Cue = text.Tokens[cue].Span, CueText = text.Surface(cue),
                Speaker = speaker, SpeakerSpan = speakerSpan, Sentence = sentence,
            };
        }
        // 2. A cue after: "…"، قال الوزير / "…"، بحسب البيان
        var k = after;
        if (TextNav.IsPunct(text, k, '،') || TextNav.IsPunct(text, k, ',')) k++;
        if (k < text.Tokens.Count && text.SentenceAt(text.Tokens[k].Start) == text.SentenceAt(close) &&
            (SpeechLexicon.IsCue(text, k) || SpeechLexicon.Attribution.Matches(text, k)))
        {
            var (speaker, speakerSpan) = FindSpeaker(st, k, -1);
            cueUsed.Add(k);
            return new QuoteMention
            {
                Span = new TextSpan(s, e), Direct = true, Cue = text.Tokens[k].Span, CueText = text.Surface(k),
                Speaker = speaker, SpeakerSpan = speakerSpan, Sentence = sentence,
            };
        }
        // 3. No cue: a long quotation after a colon is still a quote (a headline quote); short ones are names/terms.
        if (colonBefore && tokenCount >= MinUncuedQuoteTokens)
            return new QuoteMention { Span = new TextSpan(s, e), Direct = true, Sentence = sentence };
        return null;
    }

    private static bool ComplementizerBetween(ArabicText text, int from, int to)
    {
        for (var k = from; k < to && k < text.Tokens.Count; k++)
            if (SpeechLexicon.Complementizers.Matches(text, k) || IsAnHead(text, k)) return true;
        return false;
    }

    /// <summary>A speech verb, attribution or statement noun in the same sentence shortly before the quote.</summary>
    private static int FindCueBefore(State st, int before, int sentence, List<QuoteMention> accepted)
    {
        var text = st.Text;
        if (sentence < 0 || before < 0) return -1;
        var range = text.TokensOf(sentence);
        var stop = Math.Max(range.Start.Value, before - 24);
        for (var i = before; i >= stop; i--)
        {
            var tok = text.Tokens[i];
            if (tok.Kind == TokenKind.Punctuation && TextNav.IsQuoteMark(text.Text[tok.Start]))
            {
                foreach (var q in accepted)
                    if (q.Span.End <= tok.Start + 1 && q.Span.End >= tok.Start - 1) return -1; // another quote in between
                continue;
            }
            if (SpeechLexicon.IsCue(text, i)) return i;
            if (TextNav.IsPunct(text, i, '.')) return -1;
        }
        return -1;
    }

    // ------------------------------------------------------------------ reported speech

    private static void ReportedSpeech(State st, int sentence, List<QuoteMention> quotes, HashSet<int> cueUsed)
    {
        var text = st.Text;
        var range = text.TokensOf(sentence);
        var sEnd = range.End.Value;
        for (var v = range.Start.Value; v < sEnd; v++)
        {
            if (cueUsed.Contains(v) || InsideQuote(quotes, text.Tokens[v].Start, direct: true)) continue;
            if (SpeechLexicon.Attribution.Matches(text, v))
            {
                AttributionQuote(st, v, range, quotes, cueUsed);
                continue;
            }
            if (!SpeechLexicon.IsCue(text, v)) continue;
            // find the complementizer (أن/إن) or بـ/عن + masdar within a short window after the verb
            var (speaker, speakerSpan) = FindSpeaker(st, v, -1);
            var searchFrom = speakerSpan?.End ?? text.Tokens[v].End;
            var c = -1;
            for (var i = v + 1; i < Math.Min(sEnd, v + 16); i++)
            {
                if (text.Tokens[i].Start < searchFrom && !SpeechLexicon.Complementizers.Matches(text, i)) continue;
                if (SpeechLexicon.Complementizers.Matches(text, i) || IsAnHead(text, i)) { c = i; break; }
                if (IsBiMasdar(text, i) && i > v + 1) { c = i; break; }
                if (text.Tokens[i].Kind == TokenKind.Punctuation && TextNav.IsQuoteMark(text.Text[text.Tokens[i].Start])) break;
                if (TextNav.IsPunct(text, i, ':') && !(i + 1 < sEnd && (SpeechLexicon.Complementizers.Matches(text, i + 1) || IsAnHead(text, i + 1)))) break;
            }
            var bi = false;
            if (c < 0 && speakerSpan is not null)
            {
                // أفاد X، اليوم، بانتهاء …  /  أعلن X عن …: the complement is a بـ/عن phrase after the speaker
                var j = TextNav.FirstTokenAtOrAfter(text, speakerSpan.Value.End);
                while (j < sEnd && (st.InTime(j) || SpeechLexicon.Fillers.Matches(text, j) || TextNav.IsPunct(text, j, '،') || TextNav.IsPunct(text, j, ',')))
                    j++;
                if (j < sEnd && SpeechLexicon.BiVerbs.Matches(text, v) && text.Tokens[j].Kind == TokenKind.Word && text.Text[text.Tokens[j].Start] == 'ب' && text.Tokens[j].Length >= 5) { c = j; bi = true; }
                else if (j + 1 < sEnd && SpeechLexicon.AnVerbs.Matches(text, v) && text.Stems[j] == "عن") c = j + 1;
            }
            if (c < 0) continue;
            var start = c;
            var end = ClauseEnd(text, c + 1, sEnd);
            if (end <= start + 1) continue;
            var spanStart = bi ? text.Tokens[c].Start + 1 : text.Tokens[start].Start;
            var span = new TextSpan(spanStart, text.Tokens[end - 1].End);
            if (OverlapsDirect(quotes, span)) continue;
            cueUsed.Add(v);
            quotes.Add(new QuoteMention
            {
                Span = span, Direct = false, Cue = text.Tokens[v].Span, CueText = text.Surface(v),
                Speaker = speaker, SpeakerSpan = speakerSpan, Sentence = sentence,
            });
        }
    }

    /// <summary>"بحسب X، …" / "وبحسب X فقد …" (the words follow) or "…، بحسب X" (the words precede).</summary>
    private static void AttributionQuote(State st, int v, Range range, List<QuoteMention> quotes, HashSet<int> cueUsed)
    {
        var text = st.Text;
        var sStart = range.Start.Value;
        var sEnd = range.End.Value;
        var srcFirst = v + 1;
        if (srcFirst < sEnd && text.Stems[srcFirst] is "ل" or "عن" or "الي" or "لـ") srcFirst++;
        // بحسب ما نقلته وكالة X / وفق ما أفادت X / حسبما ذكرت X: the source follows the verb
        if (srcFirst < sEnd && text.Stems[srcFirst] is "ما" or "لما") srcFirst++;
        if (srcFirst < sEnd && SpeechLexicon.SpeechVerbs.MatchesLoose(text, srcFirst)) srcFirst++;
        var srcEnd = NounPhraseEnd(st, srcFirst, sEnd);
        if (srcEnd <= srcFirst) return;
        var speaker = EntityIn(st, srcFirst, srcEnd);
        var speakerSpan = TextNav.SpanOf(text, srcFirst, srcEnd);
        // the reported clause: after the source when it goes on, else the part of the sentence before the cue
        var bodyStart = srcEnd;
        while (bodyStart < sEnd && (TextNav.IsClausePunct(text, bodyStart) || text.Stems[bodyStart] is "ف" or "فقد" or "قد")) bodyStart++;
        // the segmenter may leave فقد whole or split: skip a leading ف/فقد/قد
        int qStart, qEnd;
        var beforeHasWords = v - sStart >= 3;
        var boundaryBefore = v > sStart && (TextNav.IsClausePunct(text, v - 1));
        // "…، بحسب X" reports what precedes; "وبحسب X، …" (with و, or at the sentence start) what follows
        var leading = v == sStart || text.Text[text.Tokens[v].Start] is 'و' or 'ف';
        if (beforeHasWords && boundaryBefore && (!leading || ClauseEnd(text, srcEnd, sEnd) - srcEnd <= 1))
        {
            qEnd = v - 1;
            qStart = sStart;
            for (var k = qEnd - 1; k > sStart; k--)
                if (TextNav.IsClausePunct(text, k) && text.Text[text.Tokens[k].Start] is '؛' or ';' or ':' or '.') { qStart = k + 1; break; }
        }
        else
        {
            qStart = bodyStart;
            qEnd = ClauseEnd(text, bodyStart, sEnd);
        }
        // a "وبحسب" that opens a clause after a comma in a longer sentence: the words run to the sentence end
        if (qEnd - qStart < 2) return;
        var span = TextNav.SpanOf(text, qStart, qEnd);
        if (OverlapsDirect(quotes, span)) return;
        cueUsed.Add(v);
        quotes.Add(new QuoteMention
        {
            Span = span, Direct = false, Cue = text.Tokens[v].Span, CueText = text.Surface(v),
            Speaker = speaker, SpeakerSpan = speakerSpan, Sentence = text.SentenceAt(text.Tokens[v].Start),
        });
    }

    /// <summary>
    /// A headline or lead that gives a speaker and their words around a colon, without a verb or quotation marks:
    /// "وزير الدفاع البريطاني: مستعدون لاتخاذ إجراءات".
    /// </summary>
    private static void ColonQuote(State st, int sentence, List<QuoteMention> quotes)
    {
        var text = st.Text;
        var range = text.TokensOf(sentence);
        var first = range.Start.Value;
        var end = range.End.Value;
        var colon = -1;
        for (var i = first; i < Math.Min(end, first + 7); i++)
        {
            if (TextNav.IsPunct(text, i, ':')) { colon = i; break; }
            if (TextNav.IsPunct(text, i) || text.Tokens[i].Kind != TokenKind.Word) return;
            if (SpeechLexicon.IsCue(text, i) || SpeechLexicon.Labels.Matches(text, i) || SpeechLexicon.Attribution.Matches(text, i)) return;
        }
        if (colon <= first) return;
        var bodyEnd = end;
        while (bodyEnd > colon + 1 && TextNav.IsPunct(text, bodyEnd - 1)) bodyEnd--;
        var words = 0;
        for (var i = colon + 1; i < bodyEnd; i++)
        {
            if (text.Tokens[i].Kind == TokenKind.Punctuation && TextNav.IsQuoteMark(text.Text[text.Tokens[i].Start])) return;
            if (text.Tokens[i].Kind == TokenKind.Word) words++;
        }
        if (words < 4) return;
        var span = TextNav.SpanOf(text, colon + 1, bodyEnd);
        foreach (var q in quotes)
            if (q.Span.Overlaps(span)) return;
        quotes.Add(new QuoteMention
        {
            Span = span, Direct = true, Speaker = EntityIn(st, first, colon), SpeakerSpan = TextNav.SpanOf(text, first, colon), Sentence = sentence,
        });
    }

    /// <summary>إن/أن with a pronoun enclitic split off by the segmenter (أنه → أن + ه).</summary>
    private static bool IsAnHead(ArabicText text, int i) => text.Stems[i] is "ان" or "بان";

    /// <summary>A بـ + masdar complement (أفاد بانتهاء اللقاء): a token with the proclitic ب whose stem is definite.</summary>
    private static bool IsBiMasdar(ArabicText text, int i)
    {
        var t = text.Tokens[i];
        if (t.Kind != TokenKind.Word) return false;
        var surface = text.Text.AsSpan(t.Start, t.Length);
        return t.ProcliticLength > 0 && surface[t.ProcliticLength - 1] == 'ب' && text.Stems[i].StartsWith("ال", StringComparison.Ordinal) && text.Stems[i].Length >= 5;
    }

    /// <summary>The end (exclusive) of the reported clause that starts at <paramref name="from"/>.</summary>
    private static int ClauseEnd(ArabicText text, int from, int sEnd)
    {
        var end = sEnd;
        for (var i = from; i < sEnd; i++)
        {
            if (TextNav.IsClausePunct(text, i) && text.Text[text.Tokens[i].Start] is '،' or ',' or '؛' or ';')
            {
                if (i + 1 < sEnd && SpeechLexicon.ClauseBreakers.Matches(text, i + 1)) { end = i; break; }
            }
            if (text.Tokens[i].Kind == TokenKind.Punctuation && TextNav.IsQuoteMark(text.Text[text.Tokens[i].Start]) && i > from) { end = i; break; }
        }
        while (end > from && TextNav.IsPunct(text, end - 1)) end--;
        return end;
    }

    // ------------------------------------------------------------------ speakers

    /// <summary>
    /// The speaker of the cue at token <paramref name="cue"/>: the subject after it (skipping time words and fillers), up to
    /// a colon, a complementizer, a statement noun or <paramref name="limit"/>; else the nearest actor before the cue in the
    /// same sentence. Returns the entity index (or -1) and the span of the speaker's words.
    /// </summary>
    private static (int Entity, TextSpan? Span) FindSpeaker(State st, int cue, int limit)
    {
        var text = st.Text;
        var sentence = text.SentenceAt(text.Tokens[cue].Start);
        var range = text.TokensOf(sentence);
        var sEnd = limit >= 0 ? Math.Min(limit, range.End.Value) : range.End.Value;
        var i = cue + 1;
        // a participle (مضيفا, مشيرا إلى) speaks for the subject of the sentence's main verb: the speaker of an earlier
        // quote of the same sentence (resolved later as a continuation), else the sentence's subject before it
        if (SpeechLexicon.Participles.Matches(text, cue))
        {
            for (var k = cue - 1; k >= range.Start.Value; k--)
                if (SpeechLexicon.SpeechVerbs.Matches(text, k) || SpeechLexicon.Attribution.Matches(text, k)) return (-1, null);
            i = sEnd; // nothing after a participle is its subject
        }
        if (SpeechLexicon.IsImpersonalCue(text, cue))
        {
            // جاء في بيان (صادر) عن X / لـ X: the source after عن, else the statement itself
            for (var k = cue + 3; k < Math.Min(sEnd, cue + 7); k++)
            {
                if (text.Stems[k] is "عن" or "ل")
                {
                    var e = NounPhraseEnd(st, k + 1, sEnd);
                    if (e > k + 1) return (EntityIn(st, k + 1, e), TextNav.SpanOf(text, k + 1, e));
                }
            }
            return (-1, TextNav.SpanOf(text, cue + 2, cue + 3));
        }
        if (SpeechLexicon.Attribution.Matches(text, cue) && i < sEnd && text.Stems[i] is "ل" or "عن") i++;
        // skip fillers, times and commas between verb and subject
        while (i < sEnd && (st.InTime(i) || SpeechLexicon.Fillers.Matches(text, i) || TextNav.IsPunct(text, i, '،') || TextNav.IsPunct(text, i, ',')))
        {
            if (st.Entities is not null && st.Entities.MentionAt(i) >= 0) break;
            i++;
        }
        if (i < sEnd && text.Tokens[i].Kind == TokenKind.Punctuation && st.RejectedQuoteAt(text.Tokens[i].Start) is var rq and >= 0)
        {
            var name = st.RejectedQuotes[rq];
            var nf = i + 1;
            var ne = TextNav.LastTokenEndingBy(text, name.End - 1) + 1;
            if (ne > nf) return (EntityIn(st, nf, ne), TextNav.SpanOf(text, nf, ne));
        }
        // (a phrase governed by في is where it was said, not who said it: أعلنت في شريط فيديو أنها …)
        if (i < sEnd && !TextNav.IsPunct(text, i) && !SpeechLexicon.Complementizers.Matches(text, i) && !IsAnHead(text, i) &&
            text.Stems[i] is not ("علي" or "الي" or "في" or "عن" or "من" or "ب" or "ل") && !(i > cue + 1 && text.Stems[i - 1] == "في"))
        {
            var end = NounPhraseEnd(st, i, sEnd);
            if (end > i)
            {
                end = Apposition(st, i, end, sEnd);
                var entity = EntityIn(st, i, end);
                return (entity, TextNav.SpanOf(text, i, end));
            }
        }
        // أما X فأعلن: the fronted topic is the speaker
        for (var k = cue - 1; k >= range.Start.Value && k >= cue - 10; k--)
        {
            if (text.Stems[k] != "اما") continue;
            var end = NounPhraseEnd(st, k + 1, cue + 1);
            if (end > k + 1) return (EntityIn(st, k + 1, end), TextNav.SpanOf(text, k + 1, end));
        }
        // SVO: the nearest actor before the cue, in the same sentence
        if (st.Entities is not null)
        {
            for (var k = cue - 1; k >= range.Start.Value; k--)
            {
                var m = st.Entities.MentionAt(k);
                if (m < 0) continue;
                var mention = st.Entities.Mentions[m];
                k = mention.FirstToken;
                if (Governing.PrepositionOf(text, st.Entities, m) is not null) continue;
                if (Governing.IsActorMention(text, st.Entities, m)) return (m, mention.Span);
            }
        }
        return (-1, null);
    }

    /// <summary>The end of the noun phrase that starts at <paramref name="from"/>: up to a colon, a complementizer, a statement
    /// noun introduced by في, a quotation mark, a clause punctuation or a verb-like cue.</summary>
    private static int NounPhraseEnd(State st, int from, int sEnd)
    {
        var text = st.Text;
        var i = from;
        var max = Math.Min(sEnd, from + 8);
        while (i < max)
        {
            if (st.Entities is not null)
            {
                var m = st.Entities.MentionAt(i);
                if (m >= 0 && st.Entities.Mentions[m].EndToken > i) { i = Math.Max(i + 1, st.Entities.Mentions[m].EndToken); continue; }
            }
            if (TextNav.IsPunct(text, i)) break;
            if (SpeechLexicon.Complementizers.Matches(text, i) || IsAnHead(text, i)) break;
            if (text.Stems[i] == "في" && i + 1 < sEnd && SpeechLexicon.StatementNouns.MatchesLoose(text, i + 1)) break;
            if (st.InTime(i) && i > from) break;
            if (IsBiMasdar(text, i) && i > from) break;
            if (text.Stems[i] is "من" && i + 1 < sEnd && (SpeechLexicon.Complementizers.Matches(text, i + 1) || IsAnHead(text, i + 1))) break;
            if (text.Stems[i] is "عن" or "الي" or "علي" && i > from) break;
            if (i > from && SpeechLexicon.TimeWords.Matches(text, i)) break;
            if (i > from && StartsFaClause(text, i)) break;
            i++;
        }
        return i;
    }

    /// <summary>
    /// A role noun phrase followed by the person's name between commas (المتحدثة باسم الوزارة، ماريا زاخاروفا، إنه …;
    /// وسيط الاتحاد، الرئيس السابق، أولوسيغون أوباسانغو، إن): the speaker's words run to the name.
    /// </summary>
    private static int Apposition(State st, int start, int end, int sEnd)
    {
        if (st.Entities is null || HasNamedPerson(st, start, end)) return end;
        var e = end;
        for (var hop = 0; hop < 3; hop++)
        {
            if (!(TextNav.IsPunct(st.Text, e, '،') || TextNav.IsPunct(st.Text, e, ','))) break;
            var segEnd = NounPhraseEnd(st, e + 1, sEnd);
            if (segEnd <= e + 1) break;
            if (HasNamedPerson(st, e + 1, segEnd)) return segEnd;
            e = segEnd;
        }
        return end;
    }

    private static bool HasNamedPerson(State st, int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            var m = st.Entities!.MentionAt(i);
            if (m >= 0 && st.Entities.Mentions[m].Kind == EntityKind.Person && !st.Entities.Mentions[m].IsNominal) return true;
        }
        return false;
    }

    /// <summary>فقد, فإن, فأعلن: a ف that opens the main clause after a fronted phrase.</summary>
    private static bool StartsFaClause(ArabicText text, int i)
    {
        var stem = text.Stems[i].AsSpan();
        var t = text.Tokens[i];
        if (t.ProcliticLength > 0 && text.Text[t.Start] == 'ف') return true;
        if (stem.Length < 2 || stem[0] != 'ف') return false;
        var rest = stem[1..];
        return rest is "قد" or "ان" or "انه" or "انها" or "لقد" || SpeechLexicon.SpeechVerbs.Contains(rest);
    }

    /// <summary>The entity that names the speaker in [first, end): a named person or organisation before a role noun
    /// (الرئيس الروسي السابق دميتري ميدفيديف → ميدفيديف), else the first mention.</summary>
    private static int EntityIn(State st, int first, int end)
    {
        if (st.Entities is null) return -1;
        int firstMention = -1, named = -1;
        for (var i = first; i < end; i++)
        {
            var m = st.Entities.MentionAt(i);
            if (m < 0) continue;
            if (firstMention < 0) firstMention = m;
            var e = st.Entities.Mentions[m];
            if (!e.IsNominal && e.Kind is EntityKind.Person && named < 0) named = m;
            i = Math.Max(i, e.EndToken - 1);
        }
        if (named >= 0) return named;
        return firstMention;
    }

    /// <summary>Cues without a speaker of their own (وأضاف:, وتابع) take the last speaker's.</summary>
    private static void ResolveContinuations(State st, List<QuoteMention> quotes)
    {
        QuoteMention? last = null;
        foreach (var q in quotes)
        {
            if (q.Speaker < 0 && q.SpeakerSpan is null && last is not null)
            {
                q.Speaker = last.Speaker;
                q.SpeakerSpan = last.SpeakerSpan;
            }
            else if (q.Speaker >= 0 && st.Entities is not null)
            {
                // a role noun (الرئيس) that the entity layer resolved to a named antecedent speaks for it
                var m = st.Entities.Mentions[q.Speaker];
                if (m.Antecedent >= 0 && m.IsNominal) q.SpeakerActor = st.Entities.Mentions[m.Antecedent].Actor;
            }
            if (q.Speaker >= 0 || q.SpeakerSpan is not null) last = q;
        }
        if (st.Entities is null) return;
        foreach (var q in quotes)
            if (q.Speaker >= 0 && q.SpeakerActor is null) q.SpeakerActor = st.Entities.Mentions[q.Speaker].Actor;
    }

    private static bool InsideQuote(List<QuoteMention> quotes, int offset, bool direct)
    {
        foreach (var q in quotes)
            if (q.Direct == direct && q.Span.Start <= offset && offset < q.Span.End) return true;
        return false;
    }

    /// <summary>Reported words that start inside a direct quote are that quote; a short direct quote inside reported words
    /// (قال إنه أجرى مكالمة “موضوعية وصريحة” مع …) does not hide them.</summary>
    private static bool OverlapsDirect(List<QuoteMention> quotes, TextSpan span)
    {
        foreach (var q in quotes)
            if (q.Direct && q.Span.Overlaps(span) && (q.Span.Contains(span.Start) || q.Span.Start - 1 <= span.Start)) return true;
        return false;
    }

    private static QuoteOut ToOut(State st, QuoteMention q)
    {
        var text = st.Text.Text;
        ActorOut? speaker = null;
        if (q.Speaker >= 0 && st.Entities is not null)
        {
            // the speaker's words as written (the whole noun phrase when there is one), with the linked actor
            var m = st.Entities.Mentions[q.Speaker];
            var a = q.SpeakerActor ?? m.Actor;
            var span = q.SpeakerSpan is { } sp && sp.Start <= m.Span.Start && m.Span.End <= sp.End ? sp : m.Span;
            speaker = new ActorOut
            {
                Text = text[span.Start..span.End], Start = span.Start, End = span.End,
                Id = a?.Id, Name = a?.Name, Code = a?.Code, Country = a?.Country, Sector = a?.Sector,
            };
        }
        else if (q.SpeakerSpan is { } sp)
        {
            speaker = new ActorOut { Text = text[sp.Start..sp.End], Start = sp.Start, End = sp.End };
        }
        return new QuoteOut
        {
            Text = text[q.Span.Start..q.Span.End], Start = q.Span.Start, End = q.Span.End, Direct = q.Direct,
            Speaker = speaker, Cue = q.CueText,
        };
    }
}
