using Hadath.Arabic;

namespace Hadath.Extraction.Events;

/// <summary>How a trigger's target is introduced.</summary>
public enum TargetForm : byte
{
    /// <summary>By a preposition only (هاجم … على, التقى … مع, قدم … إلى/لـ).</summary>
    Preposition,
    /// <summary>By a direct object (استقبل X, اعتقل X), or the genitive after a verbal noun (اعتقال X).</summary>
    DirectObject,
    /// <summary>The event has no recipient (MOBILIZE: أعاد تمركز, دخل الخدمة).</summary>
    None,
}

/// <summary>
/// One trigger found in a sentence, as the event coder needs it: where it is, what it codes to, and how its
/// arguments are expressed. Produced by an <see cref="ITriggerSource"/> (the trigger lexicon).
/// </summary>
public sealed record TriggerHit
{
    public required int FirstToken { get; init; }
    public required int EndToken { get; init; }
    /// <summary>The token whose inflection tells the voice and aspect (the verb of an expression).</summary>
    public required int HeadToken { get; init; }
    public required string Type { get; init; }
    public string? Mode { get; init; }
    public string? Cameo { get; init; }
    public IReadOnlyList<string> Contexts { get; init; } = [];
    /// <summary>True for a verbal noun or other noun (هجوم, مظاهرات, تهديد); false for a verb or verb phrase.</summary>
    public bool IsNoun { get; init; }
    /// <summary>Normalised prepositions that introduce the target (على, مع, الي, ل, ضد, من, ب).</summary>
    public IReadOnlyList<string> TargetPrepositions { get; init; } = [];
    public TargetForm TargetForm { get; init; } = TargetForm.Preposition;
    /// <summary>The grammatical subject is the target (اعتُقل, تم اعتقال): the source comes with على يد/من قبل.</summary>
    public bool Passive { get; init; }
    /// <summary>The word is often used generically (عنف, حرب, احتجاجا على): an event needs more evidence.</summary>
    public bool Weak { get; init; }
    /// <summary>Which lexicon entry matched (file:line and id), for explanations.</summary>
    public required string EntryId { get; init; }
    public string? Lemma { get; init; }
    /// <summary>Which form of the word matched (perfect, imperfect, masdar…), for explanations.</summary>
    public string? Form { get; init; }
    /// <summary>The tokens of the expression's own words (the gaps between them excluded); empty for a single word.</summary>
    public IReadOnlyList<int> PartTokens { get; init; } = [];
}

/// <summary>Finds the event triggers of one sentence.</summary>
public interface ITriggerSource
{
    /// <param name="insideName">Tokens inside a name: a later word of an expression may not be one (أدعو … قوات الدعم السريع
    /// is no call for aid).</param>
    IReadOnlyList<TriggerHit> Find(ArabicText text, int sentence, Func<int, bool>? insideName = null);
}
