namespace Hadath.Arabic;

/// <summary>
/// Splits a text into sentences. A sentence never crosses a line break; it ends after . ! ? ؟ … (or a run of
/// them) followed by white space, or glued to the next Arabic word (انتهى.وقال), with closing quotation marks
/// and brackets kept in the sentence. A full stop inside a number (3.5, 6.8.2025), after a single-letter
/// abbreviation (د. م. أ.ف.ب) or a known abbreviation (Mr. ق.م) does not end a sentence. The comma, semicolon
/// and colon (، ؛ :) never end one. A headline without final punctuation is a sentence of its own because it
/// ends at a line break. A run of text longer than <see cref="MaxSentenceChars"/> with no sentence end (a list, a
/// transcript, junk without punctuation) is cut at its last clause mark (، ؛ : ,), else its last space, before the limit,
/// so that no later stage works on an unbounded sentence.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>The longest sentence kept whole; real news sentences are far shorter.</summary>
    public const int MaxSentenceChars = 2000;

    private static readonly string[] Abbreviations =
    [
        "د", "م", "ق", "ص", "ب", "ج", "هـ", "أ", "س", "ت", "ع", "ش", "ن", "ك", "ي", "و", "ه", "ف", "ر", "ح", "ط", "ل", "إ", "ا",
        "ق.م", "ص.ب", "أ.د", "م.م", "ج.م.ع", "أ.ف.ب", "ش.م.م", "د.ك", "م.ت",
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "No", "vs", "etc", "U.S", "U.N", "U.K", "e.g", "i.e", "Inc", "Ltd", "Co", "Gen", "Col", "Lt",
    ];

    public static List<TextSpan> Split(string text) => Split(text, new TextSpan(0, text.Length));

    public static List<TextSpan> Split(string text, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<TextSpan>();
        var start = range.Start;
        var i = range.Start;
        while (i < range.End)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085')
            {
                Add(text, result, start, i);
                i++;
                start = i;
                continue;
            }
            if (IsTerminator(c) && EndsSentence(text, i, range.End))
            {
                var end = i + 1;
                while (end < range.End && (IsTerminator(text[end]) || IsCloser(text[end]))) end++;
                Add(text, result, start, end);
                i = end;
                start = end;
                continue;
            }
            if (i - start >= MaxSentenceChars)
            {
                var cut = CutPoint(text, start, i);
                Add(text, result, start, cut);
                start = cut;
            }
            i++;
        }
        Add(text, result, start, range.End);
        return result;
    }

    /// <summary>Where an over-long sentence [start, i) is cut: after its last clause mark in the final quarter, else at its
    /// last white space, else at i.</summary>
    private static int CutPoint(string text, int start, int i)
    {
        var floor = start + (i - start) * 3 / 4;
        for (var k = i - 1; k > floor; k--)
            if (text[k] is '،' or '؛' or ':' or ',' or ';') return k + 1;
        for (var k = i - 1; k > start; k--)
            if (char.IsWhiteSpace(text[k])) return k;
        return i;
    }

    public static bool IsTerminator(char c) => c is '.' or '!' or '?' or '؟' or '…' or '۔' or '\u06D4';

    private static bool IsCloser(char c) => c is '"' or '”' or '»' or '’' or '\'' or ')' or ']' or '›' or '」';

    private static bool EndsSentence(string text, int i, int end)
    {
        // Look past the run of terminators and closers: a sentence ends before white space, the end, or an
        // Arabic word glued to a full stop after Arabic text (انتهى.وقال, «…».وأضاف).
        var j = i + 1;
        while (j < end && (IsTerminator(text[j]) || IsCloser(text[j]))) j++;
        if (j < end && !char.IsWhiteSpace(text[j]))
        {
            // not inside a word dotted to dodge filters (القـ.سا.م): no tatweel before, a real word after
            if (!Normalizer.IsArabicLetter(text[j]) || i == 0) return false;
            var before = text[i - 1];
            if (before == '\u0640' || !(Normalizer.IsArabicLetter(before) || Normalizer.IsDiacritic(before) || IsCloser(before) || Normalizer.DigitValue(before) >= 0)) return false;
            var k = j;
            while (k < end && (Normalizer.IsArabicLetter(text[k]) || Normalizer.IsDiacritic(text[k]))) k++;
            if (k - j < 3 || (k < end && text[k] == '.')) return false;
        }
        if (text[i] != '.') return true;
        if (i + 1 < end && text[i + 1] == '.') return true; // ".." or "..." ends a headline clause
        // A full stop after a known abbreviation or a single letter is not an end.
        var w = i;
        while (w > 0 && !char.IsWhiteSpace(text[w - 1]) && text[w - 1] is not '(' and not '"' and not '«' and not '“') w--;
        var word = text.AsSpan(w, i - w);
        if (word.IsEmpty) return true;
        foreach (var a in Abbreviations)
            if (word.SequenceEqual(a)) return false;
        // an abbreviation written with inner dots (أ.ف.ب, U.S): every part one or two letters
        if (word.Contains('.') && IsDottedAbbreviation(word)) return false;
        return true;
    }

    private static bool IsDottedAbbreviation(ReadOnlySpan<char> word)
    {
        var run = 0;
        foreach (var c in word)
        {
            if (c == '.') { if (run == 0) return false; run = 0; continue; }
            if (!char.IsLetter(c) || ++run > 2) return false;
        }
        return run > 0;
    }

    private static void Add(string text, List<TextSpan> result, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) result.Add(new TextSpan(start, end));
    }
}
