namespace Hadath.Arabic;

/// <summary>A half-open range [Start, End) of character offsets into an original text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;
    public bool Contains(int offset) => offset >= Start && offset < End;
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, Length);
    public override string ToString() => $"[{Start},{End})";
}
