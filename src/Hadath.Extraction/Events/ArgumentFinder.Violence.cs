using Hadath.Arabic;
using Hadath.Extraction.Common;

namespace Hadath.Extraction.Events;

/// <summary>The argument finder, part: victims and agents of violence: passives, causes, claims of responsibility,
/// tolls, where people come from.</summary>
internal sealed partial class ArgumentFinder
{
    private static readonly WordSet PassiveAgents = WordSet.Of("يد", "قبل", "أيدي");

    /// <summary>Groups already read as the patients of a passive (their victims); never the subject of a later noun.</summary>
    private readonly HashSet<int> _patients = [];

    private Argument Patient(int group)
    {
        _patients.Add(group);
        return Arg(group, "passive-subject");
    }

    private static readonly WordSet ClaimVerbs = WordSet.Of("تبنى", "تبنت", "تبنا", "يتبنى", "تتبنى", "تبنوا"); // تبناه: تبنا + ه

    private static readonly WordSet AnnounceVerbs = WordSet.Of("أعلن", "أعلنت", "اعلن", "اعلنت", "يعلن", "تعلن");

    private static readonly WordSet Responsibility = WordSet.Of("مسؤوليته", "مسؤوليتها", "مسؤوليتهم", "المسؤولية", "مسئوليته", "مسئوليتها", "المسئولية");

    private static readonly WordSet AttributeVerbs = WordSet.Of("نسب", "نسبت", "ينسب", "نسبه", "نسبها");

    /// <summary>Who claims an attack in its sentence: the subject of تبنى or of أعلن … مسؤوليته, or what it is attributed
    /// to (نُسب إلى), as a source; or null.</summary>
    private Argument? ClaimedBy(int sentenceStart, int sentenceEnd)
    {
        for (var k = sentenceStart; k < sentenceEnd; k++)
        {
            var claim = ClaimVerbs.Matches(_text, k);
            if (!claim && AnnounceVerbs.Matches(_text, k))
                for (var j = k + 1; j < Math.Min(sentenceEnd, k + 6) && !claim; j++) claim = Responsibility.Matches(_text, j);
            int g;
            if (claim)
            {
                g = GroupAfterAny(k + 1, sentenceEnd);
                if (g < 0) g = GroupBefore(k, sentenceStart);
            }
            else if (AttributeVerbs.Matches(_text, k) && k + 1 < sentenceEnd && _text.Stems[k + 1] is "الي")
                g = GroupAfterAny(k + 2, sentenceEnd);
            // "the doing of" (يعتقد أنها من فعل مسلحين موالين لطالبان): the one it is attributed to, or whom they are loyal to
            else if (_text.Stems[k] is "فعل" or "تدبير" or "صنع" && k > sentenceStart && _text.Stems[k - 1] == "من" && k + 1 < sentenceEnd)
            {
                g = GroupAt(k + 1);
                if (g >= 0 && _groups[g].FirstToken != k + 1) g = -1;
                // (people without a country who are loyal to a body: the body — مسلحين موالين لتنظيم القاعدة)
                if ((g < 0 || Arg(g, "claimed-by").Actor?.Country is null) && AffiliatedWithin(k + 1, Math.Min(sentenceEnd, k + 9)) is var loyal and >= 0) g = loyal;
            }
            else continue;
            if (g >= 0 && !PlaceOnly(g)) return Arg(g, "claimed-by");
        }
        return null;
    }

    private static readonly WordSet CauseWords = WordSet.Of("جراء", "إثر", "اثر", "بسبب", "نتيجة", "بفعل");

    private static readonly WordSet ViolenceNouns = WordSet.Of("هجوم", "هجمات", "غارة", "غارات", "قصف", "ضربة", "ضربات", "انفجار", "تفجير", "اشتباكات", "كمين", "عملية",
        "عمليات", "قذيفة", "قذائف", "مواجهات", "معارك", "اشتباك", "رصاص", "رصاصة", "نيران", "طلقات");

    /// <summary>The agent of a death or injury told by its cause (قتلوا جراء ضربة جوية أميركية, أصيبوا في غارة إسرائيلية):
    /// the country of the cause noun's demonym, or null.</summary>
    private Argument? CauseAgent(int from, int limit)
    {
        for (var k = from; k < Math.Min(limit, from + 5); k++)
        {
            // في names a cause only before a noun of violence (قتلوا في غارة إسرائيلية), not a place (في المنطقة الباكستانية)
            if (!(CauseWords.Matches(_text, k) || (_text.Stems[k] == "في" && k + 1 < limit && ViolenceNouns.MatchesLoose(_text, k + 1)))) continue;
            if (k + 1 < limit && DemonymAfter(k + 1, k + 2, limit) is { } agent) return agent with { Rule = "cause-agent" };
            // the other side of a clash (قتلوا في مواجهات مع قوات الأمن الأفغانية)
            if (k + 3 < limit && _text.Stems[k + 2] == "مع" && GroupAt(k + 3) is var side and >= 0 && _groups[side].FirstToken == k + 3)
                return Arg(side, "cause-agent");
        }
        // the cause's relative clause names who carried it out (تعرضت للهجوم … في عمليات نفذها قراصنة صوماليون)
        for (var k = from; k < Math.Min(limit - 2, from + 12); k++)
            if (_text.Stems[k] == "في" && ViolenceNouns.MatchesLoose(_text, k + 1) && RelativeVerbSubject(k + 2, limit) is var doer and >= 0)
                return Arg(doer, "cause-agent");
        // shot by someone (قتل برصاص قوات الاحتلال، أصيب برصاص الشرطة)
        for (var k = from; k < Math.Min(limit - 1, from + 5); k++)
            if (_text.Stems[k] == "رصاص" && Words.AttachedPreposition(_text, k) == "ب" && GroupAt(k + 1) is var shooter and >= 0 && _groups[shooter].FirstToken == k + 1)
                return Arg(shooter, "cause-agent");
        return null;
    }

    /// <summary>An unvocalised perfect verb of violence or arrest right followed by a count (قتل 13 عراقيا): read as passive.</summary>
    private bool CountedPatients(TriggerHit hit, int afterHead, int clauseStart)
    {
        if (hit.IsNoun || hit.Form != "perfect" || hit.TargetForm != TargetForm.DirectObject || hit.Type is not ("ASSAULT" or "COERCE") || PluralVerb(hit)) return false;
        // only a verb that opens its clause: after a subject (قوات الأمن قتلت ثلاثة متشددين) it is active
        for (var k = clauseStart; k < hit.FirstToken; k++)
            if (_text.Tokens[k].Kind == TokenKind.Word && !Fillers.Matches(_text, k) &&
                (_text.Stems[k] is not ("و" or "ف" or "ان") || _text.Tokens[k].EncliticLength > 0)) return false; // أنها قتلت: she killed
        var count = afterHead;
        // past time words first (قتل أول من أمس 4 جنود)
        while (count < Math.Min(_text.Tokens.Count, afterHead + 4) && (Fillers.Matches(_text, count) || _text.Stems[count] is "اول" or "من")) count++;
        if (count >= _text.Tokens.Count || _text.Tokens[count].ProcliticLength > 0) return false;
        return Words.IsCount(_text, count);
    }

    private static readonly WordSet VictimVerbs = WordSet.Of("قتل", "قتلا", "قتلوا", "قتلت", "جرح", "جرحا", "جرحوا", "جرحت", "خطف", "خطفا", "خطفوا", "خطفت",
        "اختطف", "اختطفا", "اختطفوا", "اختطفت", "اغتيل", "اغتيلا", "اغتيلوا", "اعتقل", "اعتقلا", "اعتقلوا", "اعتقلت");

    /// <summary>A perfect verb of killing, wounding, kidnapping or arrest followed by no object (a preposition, a cause, a time,
    /// و or the clause's end): the subject before it is its patient.</summary>
    private bool VictimBefore(TriggerHit hit, int afterHead, int clauseEnd)
    {
        if (hit.IsNoun || hit.Form != "perfect" || hit.Type is not ("ASSAULT" or "COERCE") || !VictimVerbs.Matches(_text, hit.HeadToken)) return false;
        var k = afterHead;
        while (k < clauseEnd && (TimeFiller(k) || _text.Stems[k] is "قد" ||
                                 (_text.Tokens[k].Kind == TokenKind.Punctuation && TextNav.IsQuoteMark(_text.Text[_text.Tokens[k].Start])))) k++;
        if (k >= clauseEnd) return !ObjectAfterTimePhrase(k);
        // a count after the verb is its object (قد اعتقلت 12 فلسطينيا): the subject before it acts
        if (Words.IsCount(_text, k)) return false;
        if (_text.Tokens[k].Kind != TokenKind.Word) return true;
        var tok = _text.Tokens[k];
        return IsPrepositionWord(k) || CauseWords.Matches(_text, k) || (tok.ProcliticLength > 0 && _text.Text[tok.Start] is 'ب' or 'و' or 'ل');
    }

    /// <summary>Verbal nouns whose pronoun enclitic is their patient when no object follows (اعتقاله: his arrest).</summary>
    private static readonly WordSet PatientMasdars = WordSet.Of("اعتقال", "احتجاز", "توقيف", "ترحيل", "إبعاد", "طرد", "تهجير", "قتل", "اغتيال", "إعدام",
        "تصفية", "خطف", "اختطاف", "استشهاد", "تعذيب", "إصابة", "جرح");

    /// <summary>A filler word, or a word of "the day before yesterday" (أول من أمس), which stands where a time word does.</summary>
    private bool TimeFiller(int k)
    {
        if (Fillers.Matches(_text, k)) return true;
        var n = _text.Tokens.Count;
        return (_text.Stems[k] == "اول" && k + 2 < n && _text.Stems[k + 1] == "من" && _text.Stems[k + 2] == "امس") ||
               (_text.Stems[k] == "من" && k >= 1 && k + 1 < n && _text.Stems[k - 1] == "اول" && _text.Stems[k + 1] == "امس");
    }

    private static readonly WordSet ComingFrom = WordSet.Of("القادمين", "القادمون", "قادمين", "قادمون", "الوافدين", "الوافدون", "وافدين", "وافدون");

    /// <summary>The country people came from, right after them (المتظاهرين القادمين من ولايات أميركية, الوافدين من مصر): a
    /// country or a demonym phrase after من, or null.</summary>
    public string? OriginCountry(ArabicText text, int afterChar, int sentenceEnd)
    {
        if (_entities is null) return null;
        var (k, hi) = (0, text.Tokens.Count);
        while (k < hi)
        {
            var mid = (k + hi) / 2;
            if (text.Tokens[mid].Start < afterChar) k = mid + 1; else hi = mid;
        }
        if (k + 2 >= sentenceEnd || !ComingFrom.Matches(text, k) || text.Stems[k + 1] != "من") return null;
        var g = GroupAt(k + 2);
        if (g >= 0 && _groups[g].FirstToken == k + 2) return Arg(g, "origin").Actor?.Country;
        return DemonymPhrase(k + 2, Math.Min(sentenceEnd, k + 6))?.Actor?.Country;
    }

    /// <summary>A bare time preposition (قبل ظهر أمس, بعد منتصف الليل — not قبل أن) that ends the clause early, followed
    /// by the verb's object (خطفوا قبل ظهر أمس أميركيا): an actor or demonym not governed by a preposition.</summary>
    private bool ObjectAfterTimePhrase(int k)
    {
        if (k >= _text.Tokens.Count || _text.Stems[k] is not ("قبل" or "بعد") || _text.Tokens[k].ProcliticLength > 0) return false;
        var sentenceEnd = Clauses.SentenceOf(_text, k).End;
        var j = k + 1;
        if (j < sentenceEnd && _text.Stems[j] is "ان" or "أن") return false;
        for (var n = 0; n < 4 && j < sentenceEnd && _text.Tokens[j].Kind == TokenKind.Word && GroupAt(j) < 0 &&
                        (Fillers.Matches(_text, j) || _text.Stems[j] is "منتصف" or "عصر" or "الظهر" or "الفجر" or "المغرب"); n++) j++;
        if (j >= sentenceEnd || j == k + 1 || _text.Tokens[j].Kind != TokenKind.Word || _text.Tokens[j].ProcliticLength > 0) return false;
        if (GroupAt(j) >= 0) return PrepositionOf(GroupAt(j)) is null;
        return _entities is not null && _entities.MentionAt(j) is var mi and >= 0 && _entities.Mentions[mi].Kind == EntityKind.Norp;
    }

    /// <summary>A cause right at a token: جراء/إثر/بسبب, or في/بـ before a noun of violence (في تفجير، بانفجار).</summary>
    private bool CauseFollows(int k, int limit)
    {
        while (k < limit && Fillers.Matches(_text, k)) k++; // قتل صحافي أمس برصاص مسلحين
        if (k >= limit) return false;
        if (CauseWords.Matches(_text, k)) return true;
        if (_text.Stems[k] == "في") return k + 1 < limit && ViolenceNouns.MatchesLoose(_text, k + 1);
        var tok = _text.Tokens[k];
        return tok.ProcliticLength > 0 && _text.Text[tok.Start] == 'ب' && ViolenceNouns.MatchesLoose(_text, k);
    }

    /// <summary>على يد X / من قبل X / بيد X after a passive verb.</summary>
    private int PassiveAgent(int from, int limit)
    {
        for (var k = from; k < Math.Min(limit, from + 12); k++)
        {
            if (!PassiveAgents.Matches(_text, k) || k == 0) continue;
            var prev = _text.Stems[k - 1];
            if (prev is "علي" or "من" || _text.Tokens[k].ProcliticLength > 0)
            {
                for (var j = k + 1; j < Math.Min(limit, k + 3); j++)
                {
                    var g = GroupAt(j);
                    if (g >= 0) return g;
                }
            }
        }
        return -1;
    }

    private static readonly WordSet ConsequenceVerbs = WordSet.Of("أودى", "أودت", "يودي", "تودي", "أسفر", "أسفرت", "يسفر", "تسفر", "أدى", "أدت", "خلف", "خلفت", "أوقع", "أوقعت");

    /// <summary>The people named as the toll of an event noun, up to six words after it (، الذي أودى بحياة سبعة أفغان، أسفر
    /// عن مقتل جنديين أميركيين), or -1.</summary>
    private int ConsequenceVictims(int from, int sentenceEnd)
    {
        for (var k = from; k < Math.Min(sentenceEnd, from + 6); k++)
        {
            if (!ConsequenceVerbs.Matches(_text, k)) continue;
            for (var j = k + 1; j < Math.Min(sentenceEnd, k + 6); j++)
            {
                if (Clauses.IsBoundaryPunct(_text, j)) return -1;
                var g = GroupAt(j);
                if (g < 0) continue;
                return PrepositionOf(g) is null or "ب" && !PlaceOnly(g) ? g : -1;
            }
            return -1;
        }
        return -1;
    }
}
