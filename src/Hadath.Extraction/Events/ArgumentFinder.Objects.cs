using Hadath.Arabic;
using Hadath.Extraction.Common;

namespace Hadath.Extraction.Events;

/// <summary>The argument finder, part: what an act is aimed at: objects that are things and their authors, members and
/// parts of bodies, possessives, pronoun antecedents, protest targets.</summary>
internal sealed partial class ArgumentFinder
{
    private static readonly WordSet FlagWords = WordSet.Of("علم", "أعلام", "أعلاما", "دمية", "دمى", "صورة", "صور", "صورا");

    /// <summary>The owner of the flag, effigy or portrait among a protest expression's words: the actor right after it
    /// (أعلام إسرائيل) or the demonym agreeing with it (العلم الإسرائيلي), or null.</summary>
    private Argument? FlagOwner(TriggerHit hit, int clauseEnd)
    {
        foreach (var t in hit.PartTokens)
        {
            var stem = _text.Stems[t];
            var bare = stem.StartsWith("ال", StringComparison.Ordinal) && stem.Length > 3 ? stem[2..] : stem;
            if (!FlagWords.Contains(bare) || t + 1 >= clauseEnd) continue;
            var g = GroupAt(t + 1);
            if (g >= 0 && _groups[g].FirstToken == t + 1 && PrepositionOf(g) is null) return Arg(g, "flag-owner");
            if (DemonymAfter(t, t + 1, clauseEnd) is { } demonym) return demonym with { Rule = "flag-owner" };
        }
        return null;
    }

    /// <summary>The first actor after a threat of another country than its source's (a threat's recipient when it names
    /// none), or null.</summary>
    public Argument? OtherParty(TriggerHit hit, int sentenceEnd, Argument? source)
    {
        if (source?.Actor?.Country is not { } own) return null;
        for (var k = hit.EndToken; k < sentenceEnd; k++)
        {
            var g = GroupAt(k);
            if (g < 0) continue;
            k = _groups[g].EndToken - 1;
            if (PrepositionOf(g) is "في" or "ب") continue;
            var a = Arg(g, "threat-other-party");
            if (a.Actor?.Country is { } c && c != own) return a;
        }
        return null;
    }

    /// <summary>The object of a verbal noun whose agent is its pronoun enclitic: the actor right after it, bare or with ل,
    /// or a noun qualified by a demonym (التعنت الإثيوبي).</summary>
    private Argument? ObjectAfterPossessed(TriggerHit hit, int clauseEnd, int sentenceEnd)
    {
        var k = hit.EndToken;
        if (k >= sentenceEnd) return null;
        // "what he called …" opens a clause of its own, but names the object (رفضه ما وصفه بتعنت أديس أبابا)
        if (k >= clauseEnd) return _text.Stems[k] == "ما" ? ThingOwner(k, Math.Min(sentenceEnd, k + 12)) : null;
        var g = GroupAt(k);
        if (g >= 0 && _groups[g].FirstToken == k)
            return PrepositionOf(g) is null or "ل" ? Arg(g, "possessed-object") : null;
        if (PrepositionAt(k) is not (null or "ل")) return null;
        return DemonymPhrase(k, clauseEnd) ?? ThingOwner(k, Math.Min(sentenceEnd, k + 12));
    }

    /// <summary>The author of the thing a verb's object or prepositional target names, starting at <paramref name="k"/>.</summary>
    private Argument? OwnerOfObject(TriggerHit hit, int k, int limit)
    {
        if (_text.Tokens[k].Kind != TokenKind.Word) return null;
        if (IsPrepositionWord(k))
            return hit.TargetPrepositions.Contains(_text.Stems[k]) && k + 1 < limit && GroupAt(k + 1) < 0 ? ThingOwner(k + 1, limit) : null;
        var prep = Words.AttachedPreposition(_text, k);
        if (prep is null ? hit.TargetForm != TargetForm.DirectObject : !hit.TargetPrepositions.Contains(prep)) return null;
        return ThingOwner(k, limit);
    }

    // "what he called" (ما وصفه بـ، ما سماه): verb stems, with or without the pronoun the segmenter leaves on
    private static readonly WordSet CalledVerbs = WordSet.Of("وصف", "وصفت", "وصفوا", "يصف", "تصف", "سمى", "سمت", "أسمى", "أسمت", "يسمي", "تسمي", "اعتبر", "اعتبرت",
        "وصفه", "وصفته", "وصفها", "يصفه", "تصفه", "سماه", "سمته", "أسماه", "يسميه", "تسميه", "اعتبره", "اعتبرته");

    /// <summary>
    /// The author of a thing an act is aimed at: the actor a noun is annexed to (تعنت أديس أبابا) or the subject of the
    /// relative clause that qualifies it (الخطوات الأحادية التي تتخذها إثيوبيا, الجهود التي تبذلها مصر), after "what he
    /// called" (ما وصفه بـ) if the text says so; null when the thing names no actor.
    /// </summary>
    private Argument? ThingOwner(int from, int limit)
    {
        var k = from;
        if (k + 1 < limit && _text.Stems[k] == "ما" && CalledVerbs.Matches(_text, k + 1))
        {
            k += 2;
            if (k < limit && _text.Stems[k] == "ب") k++;
        }
        var nouns = 0;
        for (; k < limit && nouns < 4; k++)
        {
            var tok = _text.Tokens[k];
            if (tok.Kind == TokenKind.Punctuation && (TextNav.IsQuoteMark(_text.Text[tok.Start]) || _text.Text[tok.Start] == 'ـ')) continue;
            if (tok.Kind != TokenKind.Word) return null;
            var g = GroupAt(k);
            if (g >= 0)
                return nouns > 0 && _groups[g].FirstToken == k && PrepositionOf(g) is null && !PlaceOnly(g) ? Arg(g, "owner-of-object") : null;
            if (nouns > 0 && RelativePronounAt(k))
            {
                // التي تتخذها إثيوبيا: the relative verb, then its subject
                for (var j = k + 2; j < Math.Min(limit, k + 4); j++)
                    if (GroupAt(j) is var rg and >= 0)
                        return _groups[rg].FirstToken == j && PrepositionOf(rg) is null && !PlaceOnly(rg) ? Arg(rg, "owner-of-object") : null;
                return null;
            }
            if (nouns > 0 && (IsPrepositionWord(k) || (tok.ProcliticLength > 0 && _text.Text[tok.Start] is 'و' or 'ف'))) return null;
            nouns++;
        }
        return null;
    }

    /// <summary>
    /// A noun that no mention covers, qualified by a demonym (ناقلة النفط الإسرائيلية, التعنت الإثيوبي): the thing of that
    /// country, as an object. Not made a group: "العلاقات الروسية" is no actor, only what an act is aimed at.
    /// </summary>
    private Argument? DemonymPhrase(int from, int limit)
    {
        if (_entities is null || IsPrepositionWord(from)) return null; // the phrase starts at its noun, not at على
        for (var k = from; k < Math.Min(limit, from + 3); k++)
        {
            var tok = _text.Tokens[k];
            if (tok.Kind != TokenKind.Word) return null;
            var mi = _entities.MentionAt(k);
            if (mi < 0)
            {
                if (k > from && _text.Tokens[k].ProcliticLength > 0) return null; // a new word led by و or a preposition
                continue;
            }
            var m = _entities.Mentions[mi];
            if (k == from || m.Kind != EntityKind.Norp || m.FirstToken != k || m.Actor?.Country is not { } country) return null;
            // the demonym agrees with a definite head (التعنت الإثيوبي) or ends its construct (ناقلة النفط الإسرائيلية), or
            // both are indefinite (ثلاثة مهندسين أتراك)
            if (_text.Stems[k - 1].StartsWith("ال", StringComparison.Ordinal) != _text.Stems[k].StartsWith("ال", StringComparison.Ordinal)) return null;
            return new Argument(new TextSpan(_text.Tokens[from].Stem.Start, m.Span.End), new ActorRef(null, null, country, country, null), -1, "demonym-object");
        }
        return null;
    }

    /// <summary>
    /// A demonym that agrees with a noun trigger, right after it or after other nisba adjectives of the same definiteness
    /// (غارة جوية إسرائيلية, القصف الروسي): the country whose act it is. A noun in between (قصف المدن الأوكرانية) makes the
    /// demonym qualify that noun instead.
    /// </summary>
    private Argument? DemonymAgent(TriggerHit hit, int limit) => DemonymAfter(hit.HeadToken, hit.EndToken, limit);

    /// <summary>The demonym agreeing with the noun at <paramref name="noun"/>, from <paramref name="from"/> on.</summary>
    private Argument? DemonymAfter(int noun, int from, int limit)
    {
        if (_entities is null) return null;
        var definite = _text.Stems[noun].StartsWith("ال", StringComparison.Ordinal);
        for (var k = from; k < Math.Min(limit, from + 3); k++)
        {
            var tok = _text.Tokens[k];
            if (tok.Kind != TokenKind.Word || tok.ProcliticLength > 0) return null;
            var stem = _text.Stems[k];
            if (stem.StartsWith("ال", StringComparison.Ordinal) != definite) return null;
            var mi = _entities.MentionAt(k);
            if (mi >= 0)
            {
                var m = _entities.Mentions[mi];
                if (m.Kind != EntityKind.Norp || m.FirstToken != k || m.Actor?.Country is not { } country) return null;
                return new Argument(m.Span, new ActorRef(null, null, country, country, null), -1, "demonym-agent");
            }
            if (!(stem.EndsWith("ية", StringComparison.Ordinal) || stem.EndsWith('ي'))) return null; // only adjectives between
        }
        return null;
    }

    /// <summary>Supporters and followers of someone (أنصار، مؤيدي، أتباع): a people acted on for whom they follow.</summary>
    private static readonly WordSet Followers = WordSet.Of("أنصار", "الأنصار", "مؤيدي", "مناصري", "أتباع", "موالي");

    /// <summary>Words of belonging or loyalty before a ل-phrase (تابعة للقوات الأمريكية, الموالين لحركة طالبان).</summary>
    private static readonly WordSet AffiliationWords = WordSet.Of("تابع", "تابعة", "التابع", "التابعة", "تابعين", "التابعين", "تابعون", "التابعون", "تابعتين",
        "موال", "موالي", "الموالي", "موالية", "الموالية", "موالين", "الموالين", "موالون", "الموالون", "مواليا", "مواليين", "الموالية");

    /// <summary>The body a thing or people after <paramref name="from"/> belong or are loyal to (طائرة بدون طيار تابعة للقوات
    /// الأمريكية): the ل-phrase after a word of belonging within a few words, before any other actor; or -1.</summary>
    private int Affiliated(int from, int limit)
    {
        for (var k = from; k < Math.Min(Math.Min(limit, _text.Tokens.Count - 1), from + 6); k++)
        {
            if (_text.Tokens[k].Kind != TokenKind.Word || GroupAt(k) >= 0) return -1;
            if (!AffiliationWords.Matches(_text, k)) continue;
            var g = GroupAt(k + 1);
            return g >= 0 && _groups[g].FirstToken == k + 1 && PrepositionOf(g) == "ل" ? g : -1;
        }
        return -1;
    }

    /// <summary>The ل-phrase after the first word of belonging or loyalty in a short span (مقاتلين يسيطر عليهم المتشددون
    /// الموالون لطالبان), or -1.</summary>
    private int AffiliatedWithin(int from, int limit)
    {
        for (var k = from; k < Math.Min(limit, _text.Tokens.Count - 1); k++)
        {
            if (Clauses.IsBoundaryPunct(_text, k)) return -1;
            if (!AffiliationWords.Matches(_text, k)) continue;
            var g = GroupAt(k + 1);
            return g >= 0 && _groups[g].FirstToken == k + 1 && PrepositionOf(g) == "ل" ? g : -1;
        }
        return -1;
    }

    /// <summary>A ل-phrase right before a verb after a word of loyalty (المتشددين الموالين لحركة طالبان اختطفوا): the body
    /// the subject acts for, or -1.</summary>
    private int AffiliatedBefore(int verb)
    {
        var g = GroupAt(verb - 1);
        if (g < 0 || _groups[g].EndToken != verb || PrepositionOf(g) != "ل") return -1;
        return AffiliationWords.Matches(_text, _groups[g].FirstToken - 1) ? g : -1;
    }

    /// <summary>After "بين X": the first actor led by و within the next words (its honorific skipped), or -1.</summary>
    private int SecondParty(int from, int sentenceEnd)
    {
        for (var k = from; k < Math.Min(sentenceEnd, from + 14); k++)
        {
            if (Clauses.IsBoundaryPunct(_text, k)) return -1;
            var tok = _text.Tokens[k];
            var wa = _text.Stems[k] == "و" || (tok.Kind == TokenKind.Word && tok.ProcliticLength > 0 && _text.Text[tok.Start] == 'و');
            if (!wa) continue;
            for (var j = _text.Stems[k] == "و" ? k + 1 : k; j < Math.Min(sentenceEnd, k + 3); j++)
            {
                var g = GroupAt(j);
                if (g >= 0) return _groups[g].FirstToken == j ? g : -1;
                if (!Fillers.Matches(_text, j)) break; // an honorific (وفخامة) before the name
            }
        }
        return -1;
    }

    /// <summary>A count and its noun right before a token (20 أسيرا, خمسة عناصر).</summary>
    private bool CountedNounBefore(int token) =>
        token >= 2 && _text.Tokens[token - 1].Kind == TokenKind.Word && GroupAt(token - 1) < 0 &&
        Words.IsCount(_text, token - 2);

    private static readonly WordSet Partitives = WordSet.Of("قوة", "قوات", "عناصر", "عنصر", "مجموعة", "مجموعات", "عدد", "العشرات", "عشرات", "مئات", "المئات", "آلاف",
        "الآلاف", "ألوف", "أفراد", "فرقة", "وحدة", "دورية", "مسلحون", "مسلحين", "مهاجم", "مهاجما", "مهاجمون", "انتحاري", "انتحاريا", "مقاتلون", "مقاتلين", "أعضاء", "بعض", "أحد", "إحدى");

    /// <summary>A partitive head right before من at a token (قوة من, العشرات من, مهاجما انتحاريا من).</summary>
    private bool PartitiveHead(int token) =>
        (Partitives.Matches(_text, token) || _text.Tokens[token].Kind == TokenKind.Number) && token + 1 < _text.Tokens.Count &&
        (_text.Stems[token + 1] == "من" || (Partitives.Matches(_text, token + 1) && token + 2 < _text.Tokens.Count && _text.Stems[token + 2] == "من"));

    /// <summary>A group governed by من after a partitive head (قوة من الشرطة العراقية): the body the part acts for.</summary>
    private bool IsPartitive(int group)
    {
        var first = _groups[group].FirstToken;
        if (PrepositionOf(group) != "من" || first < 2) return false;
        return PartitiveHead(first - 2) || (first >= 3 && PartitiveHead(first - 3));
    }

    private static readonly WordSet LahuForms = WordSet.Of("له", "لها", "لهم", "لهما", "لهن");

    private bool PossessivePronounAfter(int from, int limit)
    {
        for (var k = from; k < Math.Min(limit, from + 4); k++)
        {
            var t = _text.Tokens[k];
            if (LahuForms.Contains(Normalizer.Normalize(_text.Text.AsSpan(t.Start, t.Length)))) return true;
        }
        return false;
    }

    /// <summary>An agent noun with a pronoun enclitic (قواته): the agent of the last named country or leader.</summary>
    private Argument? PossessiveAgent(int from, int to, int sentenceStart)
    {
        if (_entities is null) return null;
        for (var k = Math.Max(0, from); k < Math.Min(to, _text.Tokens.Count); k++)
            if (PossessiveAgentAt(k, sentenceStart) is { } agent) return agent;
        return null;
    }

    /// <summary>The agent noun with a pronoun enclitic at a token (قواته, بحكومتها), as the body of its antecedent, or null.</summary>
    private Argument? PossessiveAgentAt(int k, int sentenceStart)
    {
        var tok = _text.Tokens[k];
        if (_entities is null || tok.Kind != TokenKind.Word || GroupAt(k) >= 0) return null;
        var stem = _text.Stems[k];
        string? sector = null;
        // before a pronoun the ة of a noun is written ت (حكومتها → حكومة)
        if (tok.EncliticLength > 0 && stem.EndsWith('ت') && AgentNouns.ContainsKey(stem[..^1] + "ة")) stem = stem[..^1] + "ة";
        if (tok.EncliticLength > 0 && !NotPossessive.Contains(stem) && AgentNouns.TryGetValue(stem, out var s1)) sector = s1;
        else
        {
            foreach (var suffix in (ReadOnlySpan<string>)["ه", "ها", "هم"])
            {
                if (stem.Length <= suffix.Length + 2 || !stem.EndsWith(suffix, StringComparison.Ordinal)) continue;
                var noun = stem[..^suffix.Length];
                if (!NotPossessive.Contains(noun) && AgentNouns.TryGetValue(noun, out var s2)) { sector = s2; break; }
            }
        }
        if (sector is null) return null;
        var ante = GroupBefore(k, sentenceStart - 1, personOrOrg: false, anyPreposition: true, crossSentences: 3);
        if (ante < 0) return null;
        var actor = Arg(ante, "antecedent").Actor;
        if (actor?.Country is null) return null;
        return new Argument(tok.Span, new ActorRef(null, null, actor.Country + sector, actor.Country, sector.Length == 0 ? null : sector), -1, "possessive");
    }

    private static readonly WordSet MemberNouns = WordSet.Of("قيادي", "قياديا", "قياديين", "قادة", "عضو", "عضوا", "أعضاء", "ناشط", "ناشطا", "ناشطين", "عنصر",
        "عنصرا", "عنصرين", "عضوين", "عناصر", "زعيم", "زعيما", "قائد", "قائدا", "مقاتل", "مقاتلا", "مقاتلين", "مسؤول", "مسؤولا", "مسؤولين", "أحد", "عددا", "عدد");

    /// <summary>A member of a body as an object (قياديا في كتائب جنين, عناصر من حماس): the body's group, or -1.</summary>
    private int MemberOf(int token, int limit)
    {
        if (!MemberNouns.Matches(_text, token) || token + 2 >= limit || _text.Stems[token + 1] is not ("في" or "من")) return -1;
        var at = token + 2;
        // (the body's name may be quoted: عنصرين من «ألوية الناصر صلاح الدين»)
        if (_text.Tokens[at].Kind == TokenKind.Punctuation && TextNav.IsQuoteMark(_text.Text[_text.Tokens[at].Start]) && at + 1 < limit) at++;
        var g = GroupAt(at);
        return g >= 0 && _groups[g].FirstToken == at ? g : -1;
    }

    private static readonly WordSet ProtestMarkers = WordSet.Of("احتجاجا", "احتجاجاً", "احتجاجهم", "احتجاجها", "تنديدا", "تنديداً", "للتنديد", "ضد", "رفضا", "رفضاً",
        "للاحتجاج", "الاحتجاج", "التنديد", "استنكارا", "استنكاراً", "اعتراضا", "اعتراضاً", "منددين", "مناهضة", "المناهضة", "المناهضين", "يسقط");

    private static readonly WordSet SitePrepositions = WordSet.Of("أمام", "قرب", "بالقرب", "القرب", "حول", "إلى", "نحو", "باتجاه", "حتى", "صوب", "محيط", "بمحيط", "عند");

    private static readonly WordSet SiteNouns = WordSet.Of("مقر", "مقار", "مبنى", "مباني", "منزل", "بيت", "مكتب", "مكاتب", "قصر", "مجمع");

    /// <summary>The body at whose seat a protest stands or to which it marches: after أمام/قرب/حول/إلى/حتى (and من after
    /// بالقرب), past مقر/مبنى, an actor (سفارة إستونيا، رئيس الوزراء البريطاني) or a seat qualified by a demonym (السفارة
    /// الإسرائيلية), or null.</summary>
    private Argument? ProtestSite(int from, int limit)
    {
        limit = Math.Min(limit, _text.Tokens.Count);
        // (the preposition may end the trigger's expression: توجه المتظاهرون إلى مقر …)
        for (var k = from > 0 && SitePrepositions.Matches(_text, from - 1) ? from - 1 : from; k < limit; k++)
        {
            if (Clauses.IsBoundaryPunct(_text, k) && !TextNav.IsQuoteMark(_text.Text[_text.Tokens[k].Start])) return null;
            if (!SitePrepositions.Matches(_text, k)) continue;
            var j = k + 1;
            if (j < limit && _text.Stems[j] == "من") j++;
            var seats = 0;
            while (j < limit && seats < 2 && GroupAt(j) < 0 && SiteNouns.Matches(_text, j) is var seat && (seat || (_text.Stems[j] is { } st && st.StartsWith("ال", StringComparison.Ordinal) && SiteNouns.Contains(st.AsSpan(2)))))
            {
                j++;
                seats++;
            }
            if (j >= limit) return null;
            var g = GroupAt(j);
            if (g >= 0 && _groups[g].FirstToken == j && (seats > 0 || PrepositionOf(g) is null or "الي" or "حول" or "نحو" or "امام")) return Arg(g, "protest-site");
            // a seat qualified by a demonym (السفارة الإسرائيلية, مبنى وزارة الدفاع الأمريكية)
            if (g < 0 && seats > 0 && DemonymAfter(j - 1, j, limit) is { } seatOf) return seatOf with { Rule = "protest-site" };
            if (g < 0 && DemonymAfter(j, j + 1, limit) is { } bodyOf && (seats > 0 || _text.Stems[j] is "السفارة" or "القنصلية" or "الوزارة" or "البرلمان")) return bodyOf with { Rule = "protest-site" };
            return null;
        }
        return null;
    }

    private static readonly WordSet DemandParticiples = WordSet.Of("مطالبين", "مطالبا", "مطالبة", "مطالبون", "داعين", "داعيا", "داعون", "مناشدين", "مناشدا");

    /// <summary>The actor right after a participle of demand later in the sentence (مطالبين الحكومة), or -1.</summary>
    private int DemandAddressee(int from, int sentenceEnd)
    {
        for (var k = from; k < sentenceEnd - 1; k++)
        {
            if (!DemandParticiples.Matches(_text, k)) continue;
            var g = GroupAt(k + 1);
            return g >= 0 && _groups[g].FirstToken == k + 1 && PrepositionOf(g) is null ? g : -1;
        }
        return -1;
    }

    /// <summary>The first actor named after a protest marker (احتجاجا على, ضد, للتنديد بـ) later in the sentence, or -1.</summary>
    private int ProtestObject(int from, int sentenceEnd, int sourceGroup)
    {
        for (var k = from; k < sentenceEnd; k++)
        {
            if (!ProtestMarkers.MatchesLoose(_text, k)) continue;
            for (var j = k + 1; j < Math.Min(sentenceEnd, k + 9); j++)
            {
                if (Clauses.IsBoundaryPunct(_text, j) && !TextNav.IsQuoteMark(_text.Text[_text.Tokens[j].Start])) break;
                var g = GroupAt(j);
                if (g >= 0 && PrepositionOf(g) is not ("في" or "من")) return g;
                // what is protested is someone's by its pronoun (احتجاجا على زيارته): the last person or body named before
                if (g < 0 && j == k + 1 + (_text.Stems[k + 1] is "علي" or "ضد" ? 1 : 0) && _text.Tokens[j].EncliticLength > 0)
                {
                    var floor = _text.TokensOf(_text.SentenceAt(_text.Tokens[from].Start)).Start.Value;
                    var ante = GroupBefore(from, floor, personOrOrg: true, anyPreposition: true);
                    while (ante >= 0 && ante == sourceGroup) ante = GroupBefore(_groups[ante].FirstToken, floor, personOrOrg: true, anyPreposition: true);
                    return ante;
                }
            }
        }
        return -1;
    }

    // a preposition with a pronoun enclitic, and its preposition as the trigger lexicon writes it (normalised)
    private static readonly Dictionary<string, string> PrepositionPronouns = new (string Prep, string Forms)[]
    {
        ("ل", "له لها لهم لهما"), ("من", "منه منها منهم منهما"), ("على", "عليه عليها عليهم عليهما"), ("إلى", "إليه إليها إليهم إليهما"),
        ("مع", "معه معها معهم معهما"), ("ضد", "ضده ضدها ضدهم ضدهما"),
    }.SelectMany(p => p.Forms.Split(" ").Select(f => (Form: Normalizer.Normalize(f), Prep: Normalizer.Normalize(p.Prep, NormalizationOptions.Lexical))))
     .ToDictionary(p => p.Form, p => p.Prep, StringComparer.Ordinal);

    private Argument? PronounTarget(TriggerHit hit, int sentenceStart, Argument? source)
    {
        for (var k = hit.HeadToken + 1; k < Math.Min(_text.Tokens.Count, Math.Max(hit.EndToken, hit.HeadToken + 2)); k++)
            if (PrepositionPronoun(k) is not null) return PronounAntecedent(hit.FirstToken, sentenceStart, source, null, personOrOrg: true);
        return null;
    }

    /// <summary>The preposition of a preposition with a pronoun enclitic (عليها → على, normalised), or null.</summary>
    private string? PrepositionPronoun(int token)
    {
        var t = _text.Tokens[token];
        return t.Kind == TokenKind.Word && PrepositionPronouns.TryGetValue(Normalizer.Normalize(_text.Text.AsSpan(t.Start, t.Length)), out var prep) ? prep : null;
    }

    /// <summary>What a pronoun on a preposition refers back to: the subject the sentence carries, else the last actor (or
    /// person or body) named before, other than the event's source and of another country.</summary>
    private Argument? PronounAntecedent(int before, int sentenceStart, Argument? source, Argument? carried, bool personOrOrg)
    {
        bool Other(Argument a) => source is null || (source.Group != a.Group && a.Actor?.Country != source.Actor?.Country);
        if (carried is { Actor: not null } && carried.Span.End <= _text.Tokens[before].Start && Other(carried)) return carried with { Rule = "pronoun-antecedent", Coordinated = null };
        while (true)
        {
            var g = GroupBefore(before, sentenceStart, personOrOrg, anyPreposition: false);
            if (g < 0) return null;
            var a = Arg(g, "pronoun-antecedent");
            if (Other(a)) return a;
            before = _groups[g].FirstToken;
        }
    }
}
