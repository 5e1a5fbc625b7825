namespace Hadath.Knowledge.Triggers;

/// <summary>The part of speech of a trigger lexicon entry (column <c>pos</c>).</summary>
public enum TriggerPos : byte
{
    /// <summary>A verb, given by its perfect (and imperfect) 3rd person masculine singular: استقبل/يستقبل.</summary>
    Verb,
    /// <summary>A verbal noun: استقبال, احتجاج, اعتقال.</summary>
    Masdar,
    /// <summary>Another event noun: غارة, مظاهرة, هجوم, حرب.</summary>
    Noun,
    /// <summary>An active or passive participle naming participants: متظاهر, محتج, معتقل, قتيل.</summary>
    Participle,
    /// <summary>A multi-word expression: فرض … عقوبات, أطلق سراح, وقف إطلاق النار.</summary>
    Expression,
}

/// <summary>Which inflected form of the head word matched.</summary>
public enum TriggerForm : byte
{
    /// <summary>Perfect (past) verb: استقبل, استقبلت, استقبلوا.</summary>
    Perfect,
    /// <summary>Imperfect (present/future) verb: يستقبل, تستقبل, يستقبلون, سيستقبل.</summary>
    Imperfect,
    /// <summary>Verbal noun: استقبال, الاحتجاجات, اعتقاله.</summary>
    Masdar,
    /// <summary>Other event noun: غارة, غارات, الهجوم.</summary>
    Noun,
    /// <summary>Participle: متظاهرون, المحتجين.</summary>
    Participle,
    /// <summary>A word listed verbatim in an expression (احتجاجا in "احتجاجا على").</summary>
    Exact,
}

/// <summary>Whether the grammatical subject of the trigger is the event's source (active) or its target (passive:
/// اعتُقل, أُصيب, قتلى).</summary>
public enum TriggerVoice : byte
{
    Active,
    Passive,
}

/// <summary>Strong: the word alone states an event. Weak: the word is often used generically (حرب, عنف, "احتجاجا على");
/// the event coder requires more evidence (actors, a clause of its own) before emitting an event.</summary>
public enum TriggerStrength : byte
{
    Weak,
    Strong,
}
