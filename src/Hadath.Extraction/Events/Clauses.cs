using Hadath.Arabic;
using Hadath.Extraction.Common;

namespace Hadath.Extraction.Events;

/// <summary>
/// Clause boundaries inside a sentence, from punctuation and subordinating words. The coder looks for an event's
/// modality cues, arguments, time and place within its clause first.
/// </summary>
internal static class Clauses
{
    /// <summary>Words that open a new clause (the boundary is before them).</summary>
    private static readonly WordSet Openers = WordSet.Of("بينما", "فيما", "حيث", "لكن", "ولكن", "بل", "إذ", "أما", "ثم", "كما", "غير", "بيد", "رغم",
        "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "عندما", "حين", "حينما", "بعدما", "قبل", "بعد", "لأن", "كي", "لكي", "حتى",
        "أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأن");

    /// <summary>The clause of <paramref name="token"/> as a [start, end) token range within its sentence.</summary>
    public static (int Start, int End) Of(ArabicText text, int token)
    {
        var sentence = text.SentenceAt(text.Tokens[token].Start);
        var range = text.TokensOf(sentence);
        var start = range.Start.Value;
        for (var i = token - 1; i >= range.Start.Value; i--)
        {
            if (IsBoundaryPunct(text, i)) { start = i + 1; break; }
            if (Openers.Matches(text, i) && i < token) { start = i; break; }
        }
        var end = range.End.Value;
        for (var i = token + 1; i < range.End.Value; i++)
        {
            if (IsBoundaryPunct(text, i)) { end = i; break; }
            if (Openers.Matches(text, i)) { end = i; break; }
        }
        return (start, end);
    }

    /// <summary>The sentence's token range.</summary>
    public static (int Start, int End) SentenceOf(ArabicText text, int token)
    {
        var range = text.TokensOf(text.SentenceAt(text.Tokens[token].Start));
        return (range.Start.Value, range.End.Value);
    }

    /// <summary>Clause punctuation (، ؛ : . ؟ !) or a bracket.</summary>
    public static bool IsBoundaryPunct(ArabicText text, int i) =>
        TextNav.IsClausePunct(text, i) || TextNav.IsPunct(text, i, '(') || TextNav.IsPunct(text, i, ')');
}
