using Hadath.Arabic;

namespace Hadath.Extraction.Common;

/// <summary>Small navigation helpers over an <see cref="ArabicText"/>.</summary>
internal static class TextNav
{
    /// <summary>The index of the first token starting at or after <paramref name="offset"/> (Tokens.Count if none).</summary>
    public static int FirstTokenAtOrAfter(ArabicText text, int offset)
    {
        int lo = 0, hi = text.Tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (text.Tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The index of the last token ending at or before <paramref name="offset"/> (-1 if none).</summary>
    public static int LastTokenEndingBy(ArabicText text, int offset)
    {
        var i = FirstTokenAtOrAfter(text, offset) - 1;
        while (i >= 0 && text.Tokens[i].End > offset) i--;
        return i;
    }

    public static bool IsPunct(ArabicText text, int token, char c) =>
        token >= 0 && token < text.Tokens.Count && text.Tokens[token].Kind is TokenKind.Punctuation or TokenKind.Symbol &&
        text.Tokens[token].Length == 1 && text.Text[text.Tokens[token].Start] == c;

    public static bool IsPunct(ArabicText text, int token) =>
        token >= 0 && token < text.Tokens.Count && text.Tokens[token].Kind is TokenKind.Punctuation or TokenKind.Symbol;

    public static bool IsQuoteMark(char c) => c is '"' or '“' or '”' or '«' or '»' or '„' or '‹' or '›' or '\'' or '‘' or '’';

    /// <summary>Comma-like clause punctuation: ، , ؛ ; :</summary>
    public static bool IsClausePunct(ArabicText text, int token) =>
        token >= 0 && token < text.Tokens.Count && text.Tokens[token].Kind == TokenKind.Punctuation &&
        text.Text[text.Tokens[token].Start] is '،' or ',' or '؛' or ';' or ':' or '.' or '؟' or '?' or '!';

    public static TextSpan SpanOf(ArabicText text, int first, int endExclusive) =>
        endExclusive <= first ? new TextSpan(text.Tokens[first].Start, text.Tokens[first].Start)
            : new TextSpan(text.Tokens[first].Start, text.Tokens[endExclusive - 1].End);
}
