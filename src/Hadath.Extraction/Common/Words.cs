using Hadath.Arabic;

namespace Hadath.Extraction.Common;

/// <summary>Word classes the entity, quote and event stages share, each defined once.</summary>
internal static class Words
{
    /// <summary>Relative pronouns (الذي، التي، الذين …).</summary>
    public static readonly WordSet RelativePronouns = WordSet.Of("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي");

    private static readonly WordSet PronounComplementizers = WordSet.Of("أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأنه", "بأنها", "بأنهم", "أنهما", "إنهما");

    /// <summary>A complementizer carrying its clause's subject as a pronoun (أنه، إنها، بأنهم).</summary>
    public static bool IsPronounComplementizer(ArabicText text, int token)
    {
        if (token < 0 || token >= text.Tokens.Count) return false;
        var t = text.Tokens[token];
        if (t.Kind != TokenKind.Word) return false;
        return PronounComplementizers.Contains(Normalizer.Normalize(text.Text.AsSpan(t.Start, t.Length))) || (text.Stems[token] is "ان" or "بان" && t.EncliticLength > 0);
    }

    /// <summary>A count at a token: digits or a number word (13, ثلاثة، عشرات).</summary>
    public static bool IsCount(ArabicText text, int token) =>
        token >= 0 && token < text.Tokens.Count &&
        (text.Tokens[token].Kind == TokenKind.Number || (text.Tokens[token].Kind == TokenKind.Word && ArabicNumbers.TryParseWord(text.Stems[token], out _, out _)));

    /// <summary>A word led by the conjunction و, attached (وتطالب) or a word of its own before it (و أعلنت).</summary>
    public static bool LedByWa(ArabicText text, int token)
    {
        var tok = text.Tokens[token];
        return (tok.ProcliticLength > 0 && text.Text[tok.Start] == 'و') || (token > 0 && text.Stems[token - 1] == "و");
    }

    /// <summary>The preposition attached to a token as a proclitic (بـ، لـ، كـ), or null.</summary>
    public static string? AttachedPreposition(ArabicText text, int token)
    {
        var tok = text.Tokens[token];
        for (var i = tok.Start; i < tok.Start + tok.ProcliticLength; i++)
            if (text.Text[i] is 'ب' or 'ل' or 'ك') return text.Text[i].ToString();
        return null;
    }
}
