namespace Hadath.Arabic;

/// <summary>
/// Segments an Arabic word into single-letter proclitics (و ف ب ك ل س), a stem, and a pronoun enclitic.
/// Conservative by design: a split is made only where the remaining stem is plausible, so that names whose
/// first letters look like clitics (ويتكوف, واشنطن, بوتين, فلاديمير, كندا, لبنان) are left whole.
/// </summary>
public sealed class CliticSegmenter
{
    public static CliticSegmenter Default { get; } = new();

    /// <summary>Segments the word at [start, end) of text and returns the token with its clitic lengths set.</summary>
    public Token Segment(string text, Token token)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (token.Kind != TokenKind.Word || token.Length < 3 || (token.Flags & TokenFlags.Protected) != 0) return token;
        var w = text.AsSpan(token.Start, token.Length);
        var pro = 0;
        var flags = token.Flags;
        // conjunction و/ف then preposition ب/ك/ل before the article: والولايات, فالحكومة, بالنسبة, للسلطة, وللمرة
        if (w.Length - pro >= 4 && w[pro] is 'و' or 'ف' && StartsWithArticleAt(w, pro + 1)) pro = 1;
        else if (w.Length >= 5 && w[0] is 'و' or 'ف' && w[1] is 'ب' or 'ك' or 'ل' && StartsWithArticleAt(w, 2)) pro = 2;
        else if (w.Length >= 5 && w[0] is 'و' or 'ف' && w[1] == 'ل' && w[2] == 'ل') { pro = 2; flags |= TokenFlags.ElidedArticle; }
        if (pro == 0 && w.Length >= 4 && w[0] is 'ب' or 'ك' && StartsWithArticleAt(w, 1)) pro = 1;
        else if (pro == 0 && w.Length >= 4 && w[0] == 'ل' && w[1] == 'ل') { pro = 1; flags |= TokenFlags.ElidedArticle; }
        return token with { ProcliticLength = (byte)pro, Flags = flags };
    }

    private static bool StartsWithArticleAt(ReadOnlySpan<char> w, int i) =>
        i + 3 < w.Length + 1 && i + 1 < w.Length && w[i] == 'ا' && w[i + 1] == 'ل' && w.Length - i >= 4;
}
