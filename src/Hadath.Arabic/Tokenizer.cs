namespace Hadath.Arabic;

/// <summary>
/// Splits text into tokens: runs of Arabic letters (with their diacritics, tatweel and joiners), runs of
/// digits in any script (with an inner decimal or thousands separator: 3.5, 1,200, ٣٫٥), runs of other
/// letters, and single punctuation or symbol characters (a run of dots is one token; 23:45 is one number; a
/// tatweel at the edge of a word is a dash of its own). White space and control characters separate tokens.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text) => Tokenize(text, new TextSpan(0, text.Length));

    public static List<Token> Tokenize(string text, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(range.Length / 5 + 1);
        Tokenize(text, range, tokens);
        return tokens;
    }

    public static void Tokenize(string text, TextSpan range, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var i = range.Start;
        var end = range.End;
        while (i < end)
        {
            var c = text[i];
            var cls = Classify(c);
            switch (cls)
            {
                case CharClass.Space:
                case CharClass.Control:
                    i++;
                    continue;
                case CharClass.Arabic:
                case CharClass.Mark:
                {
                    var s = i++;
                    while (i < end && (Classify(text[i]) is CharClass.Arabic or CharClass.Mark ||
                                       (Normalizer.IsControl(text[i]) && i + 1 < end && Classify(text[i + 1]) == CharClass.Arabic && text[i] is '\u200C' or '\u200D')))
                        i++;
                    AddWord(text, s, i, tokens);
                    continue;
                }
                case CharClass.Digit:
                {
                    var s = i++;
                    var plain = true; // digits only so far: 23:45 is a time
                    while (i < end)
                    {
                        if (Classify(text[i]) == CharClass.Digit) { i++; continue; }
                        if (IsNumberSeparator(text[i]) && i + 1 < end && Classify(text[i + 1]) == CharClass.Digit) { i += 2; plain = false; continue; }
                        if (text[i] == ':' && plain && i - s <= 2 && IsTwoDigits(text, i + 1, end)) { i += 3; continue; }
                        break;
                    }
                    tokens.Add(new Token(s, i, TokenKind.Number));
                    continue;
                }
                case CharClass.Letter:
                {
                    var s = i++;
                    while (i < end && (Classify(text[i]) is CharClass.Letter || (text[i] is '\'' or '’' or '-' && i + 1 < end && Classify(text[i + 1]) == CharClass.Letter && i > s)))
                        i++;
                    // keep a surrogate pair whole
                    tokens.Add(new Token(s, i, TokenKind.Foreign));
                    continue;
                }
                case CharClass.Surrogate:
                {
                    var s = i;
                    i += i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                    tokens.Add(new Token(s, i, TokenKind.Symbol));
                    continue;
                }
                case CharClass.Punctuation:
                {
                    // an ellipsis written as dots is one token
                    var s = i++;
                    if (c == '.') while (i < end && text[i] == '.') i++;
                    tokens.Add(new Token(s, i, TokenKind.Punctuation));
                    continue;
                }
                default:
                    tokens.Add(new Token(i, i + 1, TokenKind.Symbol));
                    i++;
                    continue;
            }
        }
    }

    private static bool IsTwoDigits(string text, int i, int end) =>
        i + 1 < end && Classify(text[i]) == CharClass.Digit && Classify(text[i + 1]) == CharClass.Digit &&
        (i + 2 >= end || Classify(text[i + 2]) != CharClass.Digit);

    /// <summary>
    /// Adds the Arabic run [s, e). A tatweel at either edge of the run is not elongation but a dash
    /// (الإحصاءـ, ـوبالتالي): it becomes a punctuation token of its own, except after a bare article (الـ).
    /// </summary>
    private static void AddWord(string text, int s, int e, List<Token> tokens)
    {
        var a = s;
        while (a < e && text[a] == '\u0640') a++;
        if (a == e) { tokens.Add(new Token(s, e, TokenKind.Punctuation)); return; }
        if (a > s) tokens.Add(new Token(s, a, TokenKind.Punctuation));
        var b = e;
        while (b > a && text[b - 1] == '\u0640') b--;
        if (b < e && IsBareArticle(text.AsSpan(a, b - a))) b = e;
        tokens.Add(new Token(a, b, TokenKind.Word));
        if (b < e) tokens.Add(new Token(b, e, TokenKind.Punctuation));
    }

    private static bool IsBareArticle(ReadOnlySpan<char> w) => w is "ال" or "وال" or "بال" or "فال" or "كال" or "لل" or "ولل" or "فلل";

    private static bool IsNumberSeparator(char c) => c is '.' or ',' or '\u066B' or '\u066C';

    internal enum CharClass : byte { Space, Control, Arabic, Mark, Digit, Letter, Punctuation, Symbol, Surrogate }

    internal static CharClass Classify(char c)
    {
        if (c < 128)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v') return CharClass.Space;
            if (c < 32 || c == 127) return CharClass.Control;
            if (c is >= '0' and <= '9') return CharClass.Digit;
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')) return CharClass.Letter;
            return char.IsPunctuation(c) ? CharClass.Punctuation : CharClass.Symbol;
        }
        if (Normalizer.DigitValue(c) >= 0) return CharClass.Digit;
        if (c == '\u0640' || Normalizer.IsDiacritic(c)) return CharClass.Mark;
        if (Normalizer.IsArabicLetter(c)) return CharClass.Arabic;
        if (Normalizer.IsControl(c)) return CharClass.Control;
        if (char.IsSurrogate(c)) return CharClass.Surrogate;
        if (char.IsWhiteSpace(c)) return CharClass.Space;
        if (char.IsLetter(c)) return CharClass.Letter;
        if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark) return CharClass.Letter;
        if (char.IsPunctuation(c)) return CharClass.Punctuation;
        return CharClass.Symbol;
    }
}
