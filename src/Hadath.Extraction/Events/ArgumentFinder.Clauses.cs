using Hadath.Arabic;
using Hadath.Extraction.Common;

namespace Hadath.Extraction.Events;

/// <summary>The argument finder, part: who the subject is across clauses: relative clauses, coordinated and opening
/// verbs, verbs governing a verbal noun, circumstantial participles.</summary>
internal sealed partial class ArgumentFinder
{
    /// <summary>A verb with plural agreement: a perfect in ـوا (هاجموا) or an imperfect in ـون (يتظاهرون).</summary>
    private bool PluralVerb(TriggerHit hit)
    {
        var stem = _text.Stems[hit.HeadToken];
        return stem.Length > 4 && (stem.EndsWith("وا", StringComparison.Ordinal) || (hit.Form == "imperfect" && stem.EndsWith("ون", StringComparison.Ordinal)));
    }

    private static readonly WordSet Receive = WordSet.Of("تلقى", "تلقت", "يتلقى", "تتلقى", "تلقوا", "استلم", "استلمت", "تسلم", "تسلمت");

    /// <summary>Perfect verbs of carrying out that a relative clause after an event noun uses (هجوم شنته, اتهامات وجهتها).</summary>
    private static readonly string[] RelativePerfectForms = ["وجه", "وجهت", "وجهها", "وجهته", "أطلق", "أطلقت", "شن", "شنت", "شنه", "شنها", "شنته", "شنتها",
        "نفذ", "نفذت", "نفذه", "نفذها", "نفذته", "نفذتها", "ارتكب", "ارتكبت", "ارتكبها", "ارتكبته", "تبنى", "تبنت", "نظم", "نظمت", "نظمها", "نظمته", "قاد", "قادت",
        "قادها", "أجرى", "أجرت", "أجراها", "فرض", "فرضت", "فرضها", "أعلن", "أعلنت", "قدم", "قدمت", "قدمها", "شنوه", "شنوها"];

    private static readonly WordSet RelativePerfects = WordSet.Of(RelativePerfectForms);

    private static readonly WordSet RelativeVerbs = WordSet.Of([.. RelativePerfectForms, "يشنها", "تشنها", "يشنه", "تشنه"]);

    /// <summary>An event noun told by a relative clause in the perfect (الهجوم الذي شنته إيران, غارات شنتها): it happened,
    /// whatever the sentence around it warns of or denies.</summary>
    public static bool ToldAsDone(ArabicText text, TriggerHit hit)
    {
        if (!hit.IsNoun) return false;
        var k = hit.EndToken;
        if (k < text.Tokens.Count && Words.RelativePronouns.Matches(text, k)) k++;
        if (k >= text.Tokens.Count || text.Tokens[k].Kind != TokenKind.Word) return false;
        return RelativePerfects.Contains(Normalizer.Normalize(text.Text.AsSpan(text.Tokens[k].Start, text.Tokens[k].Length))) || RelativePerfects.Matches(text, k);
    }

    /// <summary>"تلقى X (اتصالا، برقية تهنئة) من Y": the source follows من, the subject of تلقى is the target.</summary>
    private (Argument Source, Argument? Target)? ReceivedFrom(TriggerHit hit, int clauseStart, int clauseEnd)
    {
        var recv = -1;
        for (var k = hit.FirstToken; k >= Math.Max(clauseStart, hit.FirstToken - 10); k--)
            if (Receive.Matches(_text, k)) { recv = k; break; }
        if (recv < 0) return null;
        for (var k = hit.EndToken; k < Math.Min(clauseEnd + 1, hit.EndToken + 6) && k < _text.Tokens.Count; k++)
        {
            if (_text.Stems[k] != "من") continue;
            var g = GroupAfterAny(k + 1, Math.Min(_text.Tokens.Count, k + 7));
            if (g < 0) return null;
            var subj = -1;
            for (var j = recv + 1; j < hit.FirstToken + 1 && j < _text.Tokens.Count; j++)
                if (GroupAt(j) is var gj and >= 0) { subj = gj; break; }
            if (subj < 0) subj = GroupBefore(recv, clauseStart);
            return (Arg(g, "received-from"), subj >= 0 ? Arg(subj, "recipient") : null);
        }
        return null;
    }

    private const int NoSubjectNamed = -2;

    /// <summary>The subject of a relative verb with a resumptive pronoun right after a noun trigger (هجوم شنته قوات X);
    /// <see cref="NoSubjectNamed"/> when the verb is there but names no subject after it, else -1.</summary>
    private bool RelativePronounAt(int token) => token + 1 < _text.Tokens.Count && Words.RelativePronouns.Matches(_text, token);

    private int RelativeVerbSubject(int from, int limit)
    {
        for (var k = from; k < Math.Min(limit, from + 3); k++)
        {
            if (_text.Tokens[k].Kind != TokenKind.Word) return -1;
            var surface = Normalizer.Normalize(_text.Text.AsSpan(_text.Tokens[k].Start, _text.Tokens[k].Length));
            var hasPronoun = _text.Tokens[k].EncliticLength > 0 || surface.EndsWith("ها", StringComparison.Ordinal) || surface.EndsWith('ه');
            if (!hasPronoun || !(RelativeVerbs.Contains(surface) || RelativeVerbs.Matches(_text, k))) continue;
            for (var j = k + 1; j < Math.Min(limit, k + 4); j++)
            {
                var g = GroupAt(j);
                if (g >= 0) return PrepositionOf(g) is null ? g : NoSubjectNamed;
            }
            // a thing that belongs to someone (شنتها طائرة بدون طيار تابعة للقوات الأمريكية): its owner acts
            if (Affiliated(k + 1, limit) is var owner and >= 0) return owner;
            return NoSubjectNamed;
        }
        return -1;
    }

    private static readonly WordSet AdverbialHeads = WordSet.Of("في", "خلال", "عند", "أمام", "داخل", "قرب", "وسط", "مساء", "صباح", "أمس", "اليوم", "يوم", "ظهر", "فجر", "ليلة", "بعد", "قبل", "عبر", "حيث");

    /// <summary>The index of the comma that closes an adverbial phrase starting at <paramref name="from"/> (a time or a place:
    /// في مقر إقامته بالقاهرة, مساء الأحد), or -1.</summary>
    private int AdverbialUntilComma(int from, int limit)
    {
        if (from >= limit || !(AdverbialHeads.Matches(_text, from) || _text.Tokens[from].Kind == TokenKind.Number)) return -1;
        for (var k = from + 1; k < Math.Min(limit, from + 8); k++)
        {
            if (TextNav.IsPunct(_text, k, '،') || TextNav.IsPunct(_text, k, ',')) return k;
            if (Clauses.IsBoundaryPunct(_text, k)) return -1;
        }
        return -1;
    }

    /// <summary>A verb trigger led by the conjunction و (وقدمت, و أعلنت) after other words of its sentence.</summary>
    private bool CoordinatedVerb(TriggerHit hit)
    {
        return Words.LedByWa(_text, hit.FirstToken) && hit.FirstToken > 0 &&
               _text.SentenceAt(_text.Tokens[hit.FirstToken - 1].Start) == _text.SentenceAt(_text.Tokens[hit.FirstToken].Start) &&
               !Clauses.IsBoundaryPunct(_text, hit.FirstToken - 1);
    }

    private static readonly WordSet CarryOnVerbs = WordSet.Of("واصل", "واصلت", "واصلوا", "يواصل", "تواصل", "يواصلون", "استأنف", "استأنفت", "يستأنف", "تستأنف",
        "صعد", "صعدت", "يصعد", "تصعد", "كثف", "كثفت", "يكثف", "تكثف", "جدد", "جددت", "يجدد", "تجدد", "بدأ", "بدأت", "يبدأ", "تبدأ");

    private static readonly WordSet DecideVerbs = WordSet.Of("أعلن", "أعلنت", "يعلن", "تعلن", "أكد", "أكدت", "يؤكد", "تؤكد", "قرر", "قررت", "يقرر", "تقرر",
        "أقر", "أقرت", "يقر", "تقر");

    /// <summary>
    /// The subject of the verb whose object a noun trigger is: the actor between them (أكدت السلطات، أمس، تعليق), else the
    /// one right before the verb, else — after a complementizer with a pronoun (فإنه واصل القصف) or with none named — the
    /// actor the sentence carries or last named. Verbs of announcing (أعلن, أكد) only for acts that are their speaker's
    /// own (أعلنت الشرطة مقتل 3 is no killing by the police).
    /// </summary>
    private Argument? GoverningVerbSubject(TriggerHit hit, int sentenceStart, Argument? lastSubject, out bool announcedOnly)
    {
        announcedOnly = false;
        var k = GoverningVerb(hit, sentenceStart, out var subject);
        if (k < 0) return null;
        if (AnnouncesOnly(hit, k))
        {
            announcedOnly = true;
            return null;
        }
        if (subject >= 0) return PlaceOnly(subject) ? null : Arg(subject, "verb-object-agent");
        var before = k > sentenceStart ? GroupAt(k - 1) : -1;
        if (before >= 0 && PrepositionOf(before) is null && !PlaceOnly(before)) return Arg(FirstConjunct(before, sentenceStart), "verb-object-agent");
        // a pronoun in a complementizer before the verb (فإنه واصل) or no subject named: who the sentence is about
        if (lastSubject is { Actor: not null }) return lastSubject with { Rule = "verb-object-agent", Coordinated = null };
        var ante = GroupBefore(k, sentenceStart, anyPreposition: true);
        return ante >= 0 && !PlaceOnly(ante) && k > sentenceStart && Words.IsPronounComplementizer(_text, k - 1) ? Arg(ante, "verb-object-agent") : null;
    }

    /// <summary>The verb of carrying on or deciding whose object a noun trigger is, back over a comma-delimited adverbial,
    /// time words and at most one actor (its subject, returned in <paramref name="subject"/>); -1 when there is none.</summary>
    private int GoverningVerb(TriggerHit hit, int sentenceStart, out int subject)
    {
        subject = -1;
        if (!hit.IsNoun) return -1;
        var k = hit.FirstToken - 1;
        for (var steps = 0; k >= sentenceStart && steps < 12; steps++, k--)
        {
            var tok = _text.Tokens[k];
            if (tok.Kind == TokenKind.Punctuation && (TextNav.IsPunct(_text, k, '،') || TextNav.IsPunct(_text, k, ','))) continue;
            if (tok.Kind != TokenKind.Word) return -1;
            if (Fillers.Matches(_text, k)) continue;
            var g = GroupAt(k);
            if (g >= 0)
            {
                if (subject >= 0 || PrepositionOf(g) is not null) return -1;
                subject = g;
                k = _groups[g].FirstToken;
                continue;
            }
            break;
        }
        return k >= sentenceStart && (CarryOnVerbs.Matches(_text, k) || DecideVerbs.Matches(_text, k)) ? k : -1;
    }

    /// <summary>A verb of deciding or announcing that governs violence, an arrest or a protest: its subject tells the news,
    /// it does not act (أعلنت الشرطة مقتل ثلاثة أشخاص).</summary>
    private bool AnnouncesOnly(TriggerHit hit, int verb) => !CarryOnVerbs.Matches(_text, verb) && hit.Type is "ASSAULT" or "COERCE" or "PROTEST";

    /// <summary>A verbal noun that is the object of a sentence-opening verb of carrying on or deciding that names no subject
    /// (وأعلنت إعادة فتح المعبر): its agent is the subject carried from the sentence before.</summary>
    public bool ObjectOfOpeningVerb(TriggerHit hit, int sentenceStart)
    {
        var k = GoverningVerb(hit, sentenceStart, out var subject);
        if (k < 0 || subject >= 0 || AnnouncesOnly(hit, k)) return false;
        for (var j = sentenceStart; j < k; j++)
            if (_text.Tokens[j].Kind == TokenKind.Word && !OpeningParticles.Matches(_text, j)) return false;
        return true;
    }

    /// <summary>A participle in the indefinite accusative without the article (مشيدًا, مرحبا, محذرا): a circumstantial clause.</summary>
    private bool Circumstantial(TriggerHit hit)
    {
        if (hit.Form != "participle") return false;
        var t = _text.Tokens[hit.HeadToken];
        var word = Normalizer.Normalize(_text.Text.AsSpan(t.Start, t.Length));
        return word.Length > 3 && word.EndsWith('ا') && !word.StartsWith("ال", StringComparison.Ordinal) && t.EncliticLength == 0;
    }

    private static readonly WordSet OpeningParticles = WordSet.Of("و", "ف", "كما", "قد", "ثم", "وقد", "فقد", "لقد", "كذلك");

    /// <summary>The subject right after the last complementizer before a coordinated verb (قالوا إن قوة من الشرطة العراقية
    /// داهمت المسجد واعتدت …): a group not governed by a preposition — the body, after a partitive head (قوة من) — or null.</summary>
    private Argument? ComplementSubject(int sentenceStart, int before)
    {
        if (_entities is null) return null;
        for (var k = before - 1; k >= sentenceStart; k--)
        {
            if (_text.Stems[k] is not ("ان" or "بان")) continue;
            if (_text.Tokens[k].EncliticLength > 0 || k + 1 >= before) return null; // إنها: the pronoun is the subject
            if (PartitiveHead(k + 1))
            {
                for (var j = k + 2; j < Math.Min(before, k + 5); j++)
                    if (GroupAt(j) is var pg and >= 0 && _groups[pg].FirstToken == j && pg != GroupAt(k + 1)) return IsPartitive(pg) ? Arg(pg, "complement-subject") : null;
                return null;
            }
            var g = GroupAt(k + 1);
            return g >= 0 && _groups[g].FirstToken == k + 1 && PrepositionOf(g) is null && !PlaceOnly(g) ? Arg(g, "complement-subject") : null;
        }
        return null;
    }

    /// <summary>The subject right after the first word of a sentence (استدعت وزارة الخارجية التركية …), not governed by a
    /// preposition, or null.</summary>
    private Argument? OpeningSubject(int sentenceStart, int before)
    {
        if (_entities is null) return null;
        var k = sentenceStart;
        while (k < before && (_text.Tokens[k].Kind != TokenKind.Word || OpeningParticles.Matches(_text, k))) k++;
        if (k + 1 >= before) return null;
        var g = GroupAt(k + 1);
        if (g < 0 || _groups[g].FirstToken != k + 1 || PrepositionOf(g) is not null || PlaceOnly(g)) return null;
        return Arg(g, "opening-subject");
    }
}
