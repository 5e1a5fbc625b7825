using Hadath.Arabic;

namespace Hadath.Knowledge.Triggers;

/// <summary>
/// A trigger found in a sentence: the tokens it covers, its head, the lexicon entry and how the word matched.
/// [<see cref="FirstToken"/>, <see cref="EndToken"/>) spans the whole expression including any tokens in its gaps
/// (فرض الاتحاد الأوروبي عقوبات); <see cref="Tokens"/> lists the tokens of the pattern's parts themselves.
/// </summary>
public sealed class TriggerMatch
{
    internal TriggerMatch(TriggerEntry entry, int sentence, int[] tokens, TriggerForm form, TriggerVoice voice,
        TriggerStrength strength, TextSpan span, TextSpan headSpan)
    {
        Entry = entry;
        Sentence = sentence;
        PartTokens = tokens;
        Form = form;
        Voice = voice;
        Strength = strength;
        Span = span;
        HeadSpan = headSpan;
    }

    internal int[] PartTokens { get; }

    public TriggerEntry Entry { get; }
    public int Sentence { get; }

    /// <summary>First token of the match (index into <see cref="ArabicText.Tokens"/>).</summary>
    public int FirstToken => PartTokens[0];

    /// <summary>One past the last token of the match.</summary>
    public int EndToken => PartTokens[^1] + 1;

    /// <summary>The token of the head word (the verb or noun that anchors the event).</summary>
    public int HeadToken => PartTokens[Entry.HeadPart];

    /// <summary>The token matched by each part of the entry's pattern, in order.</summary>
    public IReadOnlyList<int> Tokens => PartTokens;

    /// <summary>Which form of the head word matched: perfect, imperfect, masdar, noun, participle, or a verbatim word.</summary>
    public TriggerForm Form { get; }

    /// <summary>True for a multi-word expression.</summary>
    public bool IsExpression => PartTokens.Length > 1;

    /// <summary>The entry's voice, or passive when the head is a perfect verb written with a passive damma (اعتُقل, قُتل).</summary>
    public TriggerVoice Voice { get; }

    /// <summary>The entry's strength, or weak when the matched form is a listed look-alike (the noun طالب "student" for the
    /// verb طالب "demanded").</summary>
    public TriggerStrength Strength { get; }

    /// <summary>Character span from the first to the last matched token (the anchor of the event).</summary>
    public TextSpan Span { get; }

    /// <summary>Character span of the head token.</summary>
    public TextSpan HeadSpan { get; }

    public string Type => Entry.Type;

    public override string ToString() => $"{Entry.Id} {Entry.Type}/{Entry.Cameo} {Form} tokens {FirstToken}..{EndToken} head {HeadToken}";
}
