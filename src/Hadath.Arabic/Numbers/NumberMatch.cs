namespace Hadath.Arabic;

/// <summary>What a number expression counts.</summary>
public enum NumberKind : byte
{
    /// <summary>3, ثلاثة, خمسة وعشرين, 3 ملايين.</summary>
    Cardinal,
    /// <summary>الخامسة, الحادي عشر, العشرين (value = the rank).</summary>
    Ordinal,
    /// <summary>A dual noun: غواصتين, يومين (value 2, <see cref="NumberMatch.Noun"/> = the singular).</summary>
    Dual,
    /// <summary>نصف, ربع, ثلث.</summary>
    Fraction,
}

/// <summary>
/// A number found in a text: its span in the original text (after any proclitic: وثلاثة → ثلاثة), the token range
/// [FirstToken, EndToken) it was read from, its value and kind, and for a dual noun the singular noun (normalised).
/// </summary>
public readonly record struct NumberMatch(TextSpan Span, int FirstToken, int EndToken, double Value, NumberKind Kind, string? Noun = null)
{
    /// <summary>True when the number is written with digits (any script), possibly followed by a scale word (3 ملايين).</summary>
    public bool Digits { get; init; }

    /// <summary>True when the value is a whole number.</summary>
    public bool IsInteger => Value == Math.Floor(Value) && !double.IsInfinity(Value);
}
