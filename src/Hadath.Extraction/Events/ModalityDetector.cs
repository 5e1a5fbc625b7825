using Hadath.Arabic;
using Hadath.Extraction.Common;

namespace Hadath.Extraction.Events;

/// <summary>
/// Decides whether an event is asserted, negated, hypothetical, future or asked, from the cues before its trigger in
/// its clause (and the governing verb of an embedded clause): negation لم, لن, لا, ليس, نفى, دون أن, عدم; hypothetical
/// قد + imperfect, من المحتمل, يمكن أن, ربما, إذا, لو, في حال, warnings and threats of it; future سوف, سـ, من المقرر,
/// يعتزم, يستعد, and a date after publication; a question ending in ؟.
/// </summary>
internal static class ModalityDetector
{
    public const string Asserted = "asserted";
    public const string Negated = "negated";
    public const string Hypothetical = "hypothetical";
    public const string Future = "future";
    public const string Question = "question";

    private static readonly WordSet NegationWords = WordSet.Of("لم", "لن", "ليس", "ليست", "ليسوا", "لست", "لسنا", "عدم", "دون", "بدون", "بلا", "ولم", "ولن", "فلم", "فلن");
    private static readonly WordSet Laa = WordSet.Of("لا", "ولا", "فلا");
    /// <summary>"لا يزال/ما زال": "still", not a negation.</summary>
    private static readonly WordSet StillVerbs = WordSet.Of("يزال", "تزال", "يزالون", "زال", "زالت", "زالوا", "يزل", "تزل", "يبرح", "برح", "تبرح", "انفك", "ينفك", "تنفك", "سيما", "بد",
        // "not less than" (ما لا يقل عن ثلاثة): "at least", not a negation
        "يقل", "تقل");
    private static readonly WordSet Denials = WordSet.Of("نفى", "نفت", "ينفي", "تنفي", "نفوا", "ينفون", "نفي", "تنفي", "أنكر", "أنكرت", "ينكر", "تنكر", "كذب", "كذبت", "فند", "فندت");
    private static readonly WordSet Refusals = WordSet.Of("رفض", "رفضت", "يرفض", "ترفض", "رفضوا", "يرفضون", "امتنع", "امتنعت", "يمتنع", "تمتنع");
    private static readonly WordSet RefrainVerbs = WordSet.Of("يتورع", "تتورع", "يتورعوا", "يتردد", "تتردد", "يترددوا", "يتوان", "تتوان", "يتوانى", "تتوانى", "يتوانوا");
    private static readonly WordSet Qad = WordSet.Of("قد", "وقد", "فقد", "لقد");
    private static readonly WordSet HypotheticalWords = WordSet.Of("ربما", "لربما", "إذا", "اذا", "وإذا", "لو", "ولو", "لعل", "احتمال", "احتمالية", "محتمل", "محتملة",
        "المحتمل", "الممكن", "يمكن", "يمكنه", "يمكنها", "يمكنهم", "بإمكان", "بوسع", "قد", "يحتمل", "يرجح", "مرجح", "المرجح", "حال", "حالة", "يخشى", "تخشى", "مخاوف", "خشية");
    private static readonly WordSet HypotheticalGovernors = WordSet.Of("حذر", "حذرت", "يحذر", "تحذر", "حذروا", "محذرا", "تحذير", "تحذيرات", "هدد", "هددت", "يهدد", "تهدد",
        "تهديد", "تهديده", "تهديدها", "تهديدات", "يؤدي", "تؤدي", "سيؤدي", "ستؤدي", "طالب", "طالبت", "يطالب", "تطالب", "دعا", "دعت", "يدعو", "تدعو", "دعوة", "مطالبة",
        "يهدف", "تهدف", "لمنع", "منع", "تجنب", "لتجنب", "تفادي", "خطر", "خطورة", "مخاطر", "إمكانية", "سيناريو", "يتوعد", "توعد", "توعدت");
    private static readonly WordSet FutureWords = WordSet.Of("سوف", "وسوف", "فسوف", "المقرر", "مقرر", "المزمع", "يعتزم", "تعتزم", "يعتزمون", "ينوي", "تنوي", "ينوون",
        "يستعد", "تستعد", "يستعدون", "يخطط", "تخطط", "يخططون", "سيتم", "ستتم", "المتوقع", "يتوقع", "تتوقع", "متوقع", "يرتقب", "المرتقب", "مرتقب", "قريبا", "المقبل", "المقبلة",
        "القادم", "القادمة", "غدا", "يسعى", "تسعى", "عازم", "عازمة", "تعتزمان", "لدينا");
    /// <summary>Future governors that may stand just before the clause they govern (من المقرر أن, يعتزم).</summary>
    private static readonly WordSet FutureGovernors = WordSet.Of("المقرر", "مقرر", "المزمع", "يعتزم", "تعتزم", "يعتزمون", "ينوي", "تنوي", "ينوون", "يستعد", "تستعد",
        "يستعدون", "يخطط", "تخطط", "يخططون", "المتوقع", "يتوقع", "تتوقع", "يسعى", "تسعى", "عازم", "عازمة");
    private static readonly WordSet QuestionWords = WordSet.Of("هل", "وهل", "فهل", "أين", "متى", "كيف", "لماذا", "ماذا", "أي", "كم", "ما");

    /// <summary>The modality of the trigger at <paramref name="hit"/>, looking at <paramref name="clauseStart"/>…trigger.</summary>
    public static (string Modality, string? Cue) Detect(ArabicText text, TriggerHit hit, int clauseStart, int sentenceStart, int sentenceEnd)
    {
        var head = hit.FirstToken;
        if (ArgumentFinder.ToldAsDone(text, hit)) return (Asserted, null);
        // a quotation mark bounds the clause for modality: "سنرى ما سيحدث" بشأن تهديده — the future is the quote's
        for (var i = head - 1; i > clauseStart; i--)
            if (text.Tokens[i].Kind == TokenKind.Punctuation && TextNav.IsQuoteMark(text.Text[text.Tokens[i].Start])) { clauseStart = i + 1; break; }
        // look back over the clause, and a few tokens further over a governing verb of the same sentence
        var from = Math.Max(sentenceStart, Math.Min(clauseStart, head - 1) - 6);
        string? negCue = null, hypCue = null, futCue = null;
        for (var i = head - 1; i >= from; i--)
        {
            var inClause = i >= clauseStart;
            if (negCue is null && (inClause ? IsNegation(text, i, head) : IsDenialOfComplement(text, i, head))
                && !((Denials.MatchesLoose(text, i) || Refusals.Matches(text, i)) && IsCoordinatedPerfect(text, hit, i + 1))) negCue = text.Surface(i);
            // قد + imperfect is "may"; قد + perfect (قد نفذت, كان قد تعرض) asserts, even when the perfect starts like an imperfect
            if (inClause && hypCue is null && Qad.Matches(text, i) && i + 1 <= head && IsImperfect(text, i + 1) && !(i + 1 == hit.HeadToken && hit.Form == "perfect")) hypCue = text.Surface(i);
            if (inClause && hypCue is null && HypotheticalWords.Matches(text, i) && !Qad.Matches(text, i)) hypCue = text.Surface(i);
            if (hypCue is null && HypotheticalGovernors.MatchesLoose(text, i) && i < head) hypCue = text.Surface(i);
            if (futCue is null && ((inClause && (FutureWords.Matches(text, i) || HasFutureSin(text, i))) || (!inClause && FutureGovernors.Matches(text, i)))) futCue = text.Surface(i);
        }
        // the trigger itself may carry the future prefix (سنتخذ, ستفرض) or the negation be right before it
        if (futCue is null && HasFutureSin(text, hit.HeadToken)) futCue = text.Surface(hit.HeadToken);
        // a noun whose predicate is in the future (المحادثات مع أمريكا ستبدأ, الاجتماع سيعقد)
        if (futCue is null && hit.IsNoun)
            for (var i = hit.EndToken; i < Math.Min(sentenceEnd, hit.EndToken + 4) && !Clauses.IsBoundaryPunct(text, i); i++)
                if (HasFutureSin(text, i)) { futCue = text.Surface(i); break; }
        if (negCue is not null) return (Negated, negCue);
        if (hypCue is not null) return (Hypothetical, hypCue);
        if (futCue is not null) return (Future, futCue);
        if (IsQuestion(text, sentenceStart, sentenceEnd)) return (Question, "؟");
        return (Asserted, null);
    }

    private static bool IsNegation(ArabicText text, int i, int head)
    {
        // "did not hesitate to" (لم يتورع عن, لم يتردد في) asserts what follows
        if (i + 1 < head && RefrainVerbs.Matches(text, i + 1)) return false;
        // "unmanned" (طائرة بدون طيار, من دون طيار) names a drone, not an absence
        if (IsUnmanned(text, i)) return false;
        if (NegationWords.Matches(text, i)) return true;
        if (Laa.Matches(text, i) && !(i + 1 < text.Tokens.Count && StillVerbs.Matches(text, i + 1))) return true;
        // نفى/رفض governs the trigger nearby, or further on through its complement (نفت الحكومة … أن تكون قواتها قد هاجمت)
        if ((Denials.MatchesLoose(text, i) || Refusals.Matches(text, i)) && (head - i <= 6 || (head - i <= 14 && ComplementBetween(text, i + 1, head)))
) return true;
        // ما + perfect verb is a negation only in a few frozen forms; "ما زال" is "still"
        return false;
    }

    /// <summary>A denial or refusal that governs the trigger's clause through its complement (نفت … أن تكون … قد هاجمت).</summary>
    private static bool IsDenialOfComplement(ArabicText text, int i, int head) =>
        (Denials.MatchesLoose(text, i) || Refusals.Matches(text, i)) && head - i <= 14 && ComplementBetween(text, i + 1, head);

    private static readonly WordSet Pilot = WordSet.Of("طيار");

    /// <summary>دون/بدون/بلا before طيار: "unmanned", part of the name of a drone.</summary>
    private static bool IsUnmanned(ArabicText text, int i) =>
        i + 1 < text.Tokens.Count && text.Stems[i] is "دون" or "بدون" or "بلا" && Pilot.Matches(text, i + 1);

    /// <summary>The trigger is a perfect verb led by و with no complementizer since the denial or refusal at <paramref name="from"/>
    /// (رفضت الانصياع للاتفاق واحتجزت رهائن): a second predicate of the subject, outside what is refused.</summary>
    private static bool IsCoordinatedPerfect(ArabicText text, TriggerHit hit, int from)
    {
        if (hit.Form != "perfect" || hit.IsNoun) return false;
        var t = text.Tokens[hit.HeadToken];
        if (t.ProcliticLength == 0 || text.Text[t.Start] != 'و') return false;
        return !ComplementBetween(text, from, hit.HeadToken);
    }

    private static readonly WordSet ComplementizerWords = WordSet.Of("أن", "بأن", "أنه", "أنها", "أنهم", "وجود");

    private static bool ComplementBetween(ArabicText text, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (ComplementizerWords.Matches(text, k) || text.Stems[k] is "ان") return true;
        return false;
    }

    /// <summary>An imperfect verb form: starts with ي ت ن (after an optional proclitic).</summary>
    private static bool IsImperfect(ArabicText text, int i)
    {
        if (i >= text.Tokens.Count || text.Tokens[i].Kind != TokenKind.Word) return false;
        var s = text.Stems[i];
        return s.Length >= 3 && s[0] is 'ي' or 'ت' or 'ن';
    }

    /// <summary>The future prefix سـ on an imperfect verb (سيحدث, ستفرض, وسنتخذ), as the segmenter split it: a stem that merely
    /// starts with س (سياسة, سيطرة, ساعات) is not one.</summary>
    private static bool HasFutureSin(ArabicText text, int i)
    {
        if (i < 0 || i >= text.Tokens.Count || text.Tokens[i].Kind != TokenKind.Word) return false;
        var t = text.Tokens[i];
        var hasSin = false;
        for (var k = 0; k < t.ProcliticLength; k++)
            if (text.Text[t.Start + k] == 'س') hasSin = true;
        if (!hasSin) return false;
        // the stem must look like an imperfect verb: a person prefix, and no noun ending (سياسيا, سيارة)
        var stem = text.Stems[i];
        var hamzaEnd = text.Text[t.Start + t.Length - 1] == 'أ'; // ستبدأ: the ا is a hamza's seat, not a noun ending
        return stem.Length >= 3 && stem[0] is 'ي' or 'ت' or 'ن' && (!stem.EndsWith('ا') || hamzaEnd) && !stem.EndsWith('ة') && !stem.EndsWith("ات", StringComparison.Ordinal);
    }

    private static bool IsQuestion(ArabicText text, int start, int end)
    {
        if (end <= start) return false;
        var last = end - 1;
        if (!TextNav.IsPunct(text, last, '؟') && !TextNav.IsPunct(text, last, '?')) return false;
        return QuestionWords.Matches(text, start) || (start + 1 < end && QuestionWords.Matches(text, start + 1));
    }
}
