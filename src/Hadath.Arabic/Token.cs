namespace Hadath.Arabic;

public enum TokenKind : byte
{
    /// <summary>A word in Arabic script.</summary>
    Word,
    /// <summary>Digits in any script, with decimal/thousands separators (3.5, 2025/08/06 is three numbers and two symbols).</summary>
    Number,
    Punctuation,
    Symbol,
    /// <summary>A word in Latin (or other non-Arabic) script.</summary>
    Foreign,
}

[Flags]
public enum TokenFlags : byte
{
    None = 0,
    /// <summary>"لل" written for ل + ال: the stem is read as starting with "ال".</summary>
    ElidedArticle = 1,
    /// <summary>A gazetteer or lexicon protected the token: later steps must not re-segment it.</summary>
    Protected = 2,
}

/// <summary>
/// A whitespace/punctuation token of the original text with its clitic segmentation:
/// [Start, Start+ProcliticLength) are single-letter proclitics (و ف ب ك ل س), one per char;
/// [End-EncliticLength, End) is a pronoun enclitic (ه ها هم هما هن ك كم كما نا ي ني); the rest is the stem.
/// The definite article ال stays in the stem (as in UD Arabic).
/// </summary>
public readonly record struct Token(int Start, int End, TokenKind Kind, byte ProcliticLength = 0, byte EncliticLength = 0, TokenFlags Flags = TokenFlags.None)
{
    public int Length => End - Start;
    public TextSpan Span => new(Start, End);
    public TextSpan Stem => new(Start + ProcliticLength, End - EncliticLength);
    public bool HasEnclitic => EncliticLength > 0;
    public TextSpan Enclitic => new(End - EncliticLength, End);
}
