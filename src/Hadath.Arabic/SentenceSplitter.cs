namespace Hadath.Arabic;

/// <summary>
/// Splits a text into sentences. A sentence never crosses a line break; it ends after . ! ? ؟ … (or a run of
/// them) followed by white space, with closing quotation marks and brackets kept in the sentence. A full stop
/// inside a number (3.5), after a single-letter abbreviation (د. م.) or a known abbreviation does not end a sentence.
/// A headline without final punctuation is a sentence of its own because it ends at a line break.
/// </summary>
public static class SentenceSplitter
{
    private static readonly string[] Abbreviations =
    [
        "د", "م", "ق", "ص", "ب", "ج", "هـ", "أ", "س", "ت", "ع", "ش", "ن", "ك", "ي", "و", "ه",
        "Mr", "Mrs", "Dr", "St", "Jr", "Sr", "No", "vs", "etc", "U.S", "U.N", "e.g", "i.e",
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
            i++;
        }
        Add(text, result, start, range.End);
        return result;
    }

    public static bool IsTerminator(char c) => c is '.' or '!' or '?' or '؟' or '…' or '۔' or '\u06D4';

    private static bool IsCloser(char c) => c is '"' or '”' or '»' or '’' or '\'' or ')' or ']' or '›' or '」';

    private static bool EndsSentence(string text, int i, int end)
    {
        // Look past the run of terminators and closers: a sentence ends only before white space or the end.
        var j = i + 1;
        while (j < end && (IsTerminator(text[j]) || IsCloser(text[j]))) j++;
        if (j < end && !char.IsWhiteSpace(text[j])) return false;
        if (text[i] != '.') return true;
        if (i + 1 < end && text[i + 1] == '.') return true; // ".." or "..." ends a headline clause
        // A full stop after a known abbreviation or a single letter is not an end.
        var w = i;
        while (w > 0 && !char.IsWhiteSpace(text[w - 1]) && text[w - 1] is not '(' and not '"' and not '«') w--;
        var word = text.AsSpan(w, i - w);
        if (word.IsEmpty) return true;
        foreach (var a in Abbreviations)
            if (word.SequenceEqual(a)) return false;
        return true;
    }

    private static void Add(string text, List<TextSpan> result, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) result.Add(new TextSpan(start, end));
    }
}
