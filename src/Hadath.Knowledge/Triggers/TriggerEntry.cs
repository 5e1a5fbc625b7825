namespace Hadath.Knowledge.Triggers;

/// <summary>One word position of a trigger pattern: its alternatives as written in the lexicon, how many other tokens
/// may stand between it and the previous part, and whether its token stays free for other triggers.</summary>
public sealed class TriggerPart
{
    internal TriggerPart(IReadOnlyList<string> alternatives, int maxGapBefore, bool shared)
    {
        Alternatives = alternatives;
        MaxGapBefore = maxGapBefore;
        IsShared = shared;
    }

    /// <summary>The alternatives as written (e.g. "فرض:v", "عقوبة").</summary>
    public IReadOnlyList<string> Alternatives { get; }

    /// <summary>Tokens allowed between the previous part and this one (0 = adjacent).</summary>
    public int MaxGapBefore { get; }

    /// <summary>A shared part (written with a leading @) names its own event (فرّق … @المتظاهرين): the expression needs it
    /// but does not claim its token, so the word's own trigger is reported too.</summary>
    public bool IsShared { get; }
}

/// <summary>
/// A trigger lexicon entry (one line of data/lexicons/triggers.tsv): the word or expression, the event it states
/// (PLOVER type, mode, contexts, CAMEO code with Goldstein value and quad class), how its target is introduced, its
/// voice and strength. Immutable.
/// </summary>
public sealed class TriggerEntry
{
    internal TriggerEntry(string id, TriggerPos pos, string forms, IReadOnlyList<TriggerPart> parts, int headPart,
        EventCoding coding, IReadOnlyList<string> targetMarkers, TriggerVoice voice, TriggerStrength strength,
        string note, string file, int line)
    {
        Id = id;
        Pos = pos;
        Forms = forms;
        Parts = parts;
        HeadPart = headPart;
        Coding = coding;
        TargetMarkers = targetMarkers;
        Voice = voice;
        Strength = strength;
        Note = note;
        File = file;
        Line = line;
    }

    /// <summary>Stable id (e.g. "consult.receive.verb").</summary>
    public string Id { get; }
    public TriggerPos Pos { get; }
    /// <summary>The forms column as written.</summary>
    public string Forms { get; }
    public IReadOnlyList<TriggerPart> Parts { get; }
    /// <summary>The index in <see cref="Parts"/> of the word that anchors the event (the first part unless marked ^).</summary>
    public int HeadPart { get; }

    /// <summary>Type, mode, contexts, CAMEO code, root, quad class and Goldstein value for an event this entry states.</summary>
    public EventCoding Coding { get; }
    public string Type => Coding.Type.Name;
    public string? Mode => Coding.Mode?.Name;
    public IReadOnlyList<string> Contexts => Coding.Contexts;
    public string Cameo => Coding.Cameo.Code;

    /// <summary>How the target is introduced: "obj" (direct object), "gen" (the noun the trigger is annexed to: اعتقال
    /// الناشط), "subj" (the grammatical subject, for passive forms), or a preposition in normalised spelling (على, مع, الى,
    /// ضد, ل, من, ب, في, عن, بين, لدى). Empty: the event has no target (an intransitive protest).</summary>
    public IReadOnlyList<string> TargetMarkers { get; }

    public TriggerVoice Voice { get; }
    public TriggerStrength Strength { get; }
    public string Note { get; }
    public string File { get; }
    public int Line { get; }

    /// <summary>"triggers.tsv:42", for explanations.</summary>
    public string Source => $"{File}:{Line}";

    public bool IsExpression => Parts.Count > 1;

    public override string ToString() => $"{Id} ({Type} {Cameo}) {Forms}";
}
