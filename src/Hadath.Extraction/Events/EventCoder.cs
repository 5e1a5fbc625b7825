using System.Globalization;
using Hadath.Arabic;
using Hadath.Core.Model;
using Hadath.Extraction.Common;

namespace Hadath.Extraction.Events;

/// <summary>What the coder needs of the PLOVER/CAMEO ontology for one event.</summary>
public sealed record EventCodes(string? Cameo, string? CameoRoot, int? QuadClass, double? Goldstein, string? Mode, IReadOnlyList<string> Contexts);

/// <summary>Looks up the codes of an event type and CAMEO code.</summary>
public interface IEventOntology
{
    EventCodes Describe(string ploverType, string? cameo, string? mode, IReadOnlyList<string> contexts);
}

/// <summary>
/// The event coder: for each sentence, the triggers the lexicon finds, each with its modality, source and target
/// (one event per target), reporter (the speaker of the quote it stands in), date (the time expression that governs it,
/// else the publication date) and location (the place it names), with the trigger and clause as evidence.
/// </summary>
public sealed class EventCoder(ITriggerSource triggers, IEventOntology ontology) : IPipelineComponent
{
    public string Name => "events";
    public IReadOnlyCollection<string> Requires { get; } = ["tokens"];
    public IReadOnlyCollection<string> Provides { get; } = ["events"];

    public void Process(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        var entities = context.Find<EntityLayer>();
        var quotes = context.Find<QuoteLayer>();
        var times = context.Find<TimeLayer>();
        var args = new ArgumentFinder(text, entities);
        var explain = context.Options.Explain;
        // with --explain, the triggers found but not coded and why (an analyst's "why is this sentence not an event?")
        if (explain) context.Output.DroppedTriggers ??= [];
        void Dropped(TriggerHit h, string reason)
        {
            if (!explain) return;
            var span = TextNav.SpanOf(text, h.FirstToken, h.EndToken);
            context.Output.DroppedTriggers!.Add(new DroppedTriggerOut(h.Type, h.EntryId, text.Text[span.Start..span.End], span.Start, span.End, reason));
        }
        var seen = new HashSet<(string, int, int, int)>();
        var n = 0;
        var firstEvent = context.Output.Events.Count;
        Argument? previousSubject = null;
        Func<int, bool> insideName = t => InsideName(entities, t);
        var entryOfEvent = new List<string>();
        var inTime = TimeTokens(times, text.Tokens.Count);
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            var hits = triggers.Find(text, s, insideName);
            if (hits.Count == 0) continue;
            var range = text.TokensOf(s);
            var (sStart, sEnd) = (range.Start.Value, range.End.Value);
            Argument? lastSubject = null;
            var lastNounEnd = -1;
            // the targets of the last event of this sentence, and its source (a verb led by و aims where the one before it did)
            (Argument? Source, List<Argument> Targets)? lastAim = null;
            foreach (var lexHit in hits)
            {
                // a bare perfect that is also its verbal noun (خطف, قتل) after a preposition or a noun it is annexed to, or
                // coordinated with a verbal noun just before it (اعتقال وقتل, تعذيب المسلمين وقتلهم)
                var hit = ReadsAsVerbalNoun(text, lexHit) || CoordinatedWithNoun(text, lexHit, lastNounEnd) ? lexHit with { IsNoun = true, Form = "masdar" } : lexHit;
                if (hit.IsNoun) lastNounEnd = hit.EndToken;
                var (cStart, cEnd) = Clauses.Of(text, hit.HeadToken);
                var (modality, modalCue) = ModalityDetector.Detect(text, hit, cStart, sStart, sEnd);
                var type = hit.Type;
                var rules = new List<string>();
                if (!ReferenceEquals(hit, lexHit)) rules.Add("verbal-noun-reading");
                // a noun that refers back to an event already told (هذا التحذير) is not a new event, and a word inside a
                // name (سامح شكري, حركة الجهاد) is not a trigger
                if (hit.IsNoun && args.IsAnaphoric(hit)) { Dropped(hit, "anaphoric: a noun after a demonstrative refers back to an event already told"); continue; }
                // a verbal noun that completes another trigger (استعداده لوقف الضربات, بشأن هجمات, لن توافق على مطالب) is that
                // event's object, not an event of its own
                // (a perfect after a preposition is its verbal noun: تدعو إلى سحب قوات)
                if (ComplementOfTrigger(text, args, hits, hit)) { Dropped(hit, "complement: the verbal noun completes another trigger"); continue; }
                if (InsideName(entities, hit.HeadToken)) { Dropped(hit, "inside-name: the word is part of a name"); continue; }
                // a word inside a time expression (فجر أمس: "dawn", not "blew up") is not a trigger
                if (inTime[hit.HeadToken]) { Dropped(hit, "inside-time: the word is part of a time expression"); continue; }
                // "ما يصل إلى مليون" (up to a million) counts, it tells no arrival
                if (Approximator(text, hit)) { Dropped(hit, "approximator: ما يصل إلى + count means \"up to\""); continue; }
                var quote = QuoteAt(quotes, text.Tokens[hit.FirstToken].Start);
                var reporter = quote is null ? null : Reporter(text, entities, quote);
                var firstPerson = quote is { Direct: true } && reporter is not null && IsFirstPersonVerb(text, hit);
                // a sentence that opens with its verb and names no subject continues the previous sentence's subject (وحذّرت من …)
                // reported speech whose complementizer carries the subject (قال إنه سيساعد) continues the speaker
                var speakerSubject = quote is not null && reporter is not null && !firstPerson && SpeakerIsSubject(text, quote, hit) ? reporter with { Rule = "speaker-subject" } : null;
                var carried = speakerSubject ?? (!hit.IsNoun && OpensSentence(text, hit, sStart) ? previousSubject : null)
                              ?? (hit.IsNoun && args.ObjectOfOpeningVerb(hit, sStart) ? previousSubject : null);
                var (source, targets) = args.Find(hit, cStart, cEnd, sStart, sEnd, carried ?? lastSubject, firstPerson ? reporter! with { Rule = "speaker-first-person" } : null,
                    quote is { Direct: true } ? reporter?.Actor?.Country : null);
                // a verbal noun in reported words whose complementizer carries the subject (قال إنه أجرى مكالمة) is the speaker's
                if (source is null && speakerSubject is not null) source = speakerSubject;
                // talks or an agreement with someone, told by a speaker of the other side, are the speaker's (عراقجي: المحادثات مع
                // أمريكا)
                if (source is null && hit.IsNoun && reporter?.Actor?.Country is { } side && type is "CONSULT" or "AGREE" or "COOPERATE" &&
                    targets.Count > 0 && targets.All(t => t.Actor?.Country is { } c && c != side))
                    source = reporter with { Rule = "speaker-party" };
                // a speech act in someone's words (a demand, threat, accusation, refusal) is performed by the speaker
                if (source is null && reporter is not null && type is "REQUEST" or "THREATEN" or "ACCUSE" or "REJECT")
                    source = reporter with { Rule = "speaker-speech-act" };
                // a threat of the speaker's with no recipient named is aimed at the other party the sentence names
                if (targets.Count == 0 && type == "THREATEN" && source?.Rule is "speaker-speech-act" or "speaker-subject" && args.OtherParty(hit, sEnd, source) is { } party)
                    targets.Add(party);
                // a possessive inside reported words (قال إن بلاده فرضت) belongs to the speaker
                if (source is { Rule: "possessive" } && reporter?.Actor?.Country is { } rc && source.Actor is { } pa && pa.Country != rc)
                    source = source with { Actor = pa with { Country = rc, Code = rc + (pa.Sector ?? "") } };
                // the speaker is the subject of reported speech whose complementizer carries the pronoun (أعلن أنه بدأ …)
                // and of first-person words in a direct quote (لدينا اجتماع, سنفرض)
                if (source is null && quote is not null && reporter is not null && SpeakerIsSubject(text, quote, hit))
                    source = reporter with { Rule = "speaker-subject" };
                // (the subject of a relative verb after an event noun is a verb's subject too: اتهامات وجهتها كوريا الشمالية …، وحذرت)
                if (source is not null && ((!hit.IsNoun && source.Rule is "vso-subject" or "svo-subject" or "pro-drop") || source.Rule == "relative-subject")) lastSubject = source;
                if (source is not null && source.Rule is "vso-subject" or "svo-subject" or "pro-drop") previousSubject = source;
                // a verb led by و with no object of its own, of the same actor, aims at what the verb before it did (أعربتا عن
                // رفضهما للخطوات التي تتخذها إثيوبيا، وتطالبان بضرورة الوصول إلى اتفاق → Ethiopia)
                // (speech acts and diplomacy only: whom forces arrest or strike next is no continuation of the one before)
                if (targets.Count == 0 && !hit.IsNoun && type is not ("ASSAULT" or "COERCE" or "PROTEST" or "MOBILIZE") && lastAim is { } aim && Words.LedByWa(text, hit.FirstToken) && source?.Actor?.Country is { } sc0 &&
                    aim.Source?.Actor?.Country == sc0)
                    targets.AddRange(aim.Targets.Select(t => t with { Rule = "coordinated-verb-target" }));
                // "لن/لم يوافق" is a refusal: REJECT asserted rather than a negated agreement
                if (modality == ModalityDetector.Negated && type == "AGREE" && modalCue is { } cue && Normalizer.Normalize(cue) is "لن" or "ولن" or "فلن")
                {
                    type = "REJECT";
                    modality = ModalityDetector.Asserted;
                    rules.Add("negated-agree-is-reject");
                }
                var (date, dateText, dateType) = DateOf(text, times, hit, cStart, cEnd, sStart, sEnd, context.Published);
                if (modality == ModalityDetector.Asserted && dateType == "relative" && context.Published is { } pub && IsAfter(date, pub))
                {
                    modality = ModalityDetector.Future;
                    rules.Add("date-after-publication");
                }
                var location = LocationOf(text, entities, hit, cStart, cEnd);
                // protests and violence without a named recipient are aimed at the place where they happen (as PETRARCH
                // codes them); protesters without a nationality are of that place
                if (type is "PROTEST" or "ASSAULT" or "COERCE" && (RegionCountry(text, entities, location, cStart, cEnd) ?? PlaceCountry(text, entities, location, sStart, sEnd)) is { } placeCountry)
                {
                    if (targets.Count == 0 && !(source?.Actor?.Country == placeCountry && type != "PROTEST"))
                        targets.Add(new Argument(location is null ? default : new TextSpan(location.Start, location.End), new ActorRef(null, null, placeCountry, placeCountry, null), -1, "place-country"));
                    // victims named without a nationality (سبعة جنود، المصلين) are of the place where they were hit
                    else if (type is "ASSAULT" or "COERCE")
                        for (var ti = 0; ti < targets.Count; ti++)
                            if (targets[ti] is { Span.IsEmpty: false } t && t.Actor?.Country is null)
                                targets[ti] = t with { Actor = new ActorRef(null, null, placeCountry + (t.Actor?.Sector ?? ""), placeCountry, t.Actor?.Sector) };
                    if (type == "PROTEST" && source is { Actor: { Country: null } sa })
                        source = source with { Actor = sa with { Country = placeCountry, Code = placeCountry + sa.Sector } };
                    else if (type == "PROTEST" && source is { Actor: null, Span.IsEmpty: false })
                        source = source with { Actor = new ActorRef(null, null, placeCountry, placeCountry, null) };
                    // protesters named by a participle (المتظاهرون, محتجين) are the source, of the place where they protest
                    if (type == "PROTEST" && source is null && Protesters(text, sStart, sEnd) is { } who)
                        source = new Argument(who, new ActorRef(null, null, placeCountry + "CVL", placeCountry, "CVL"), -1, "protesters");
                }
                // people who came from a country (المتظاهرين القادمين من ولايات أميركية) are of it, wherever they protest
                if (type == "PROTEST" && source is { Span.IsEmpty: false, Actor.Sector: "CVL" or null } && args.OriginCountry(text, source.Span.End, sEnd) is { } origin)
                {
                    var sector = source.Actor?.Sector;
                    source = source with { Actor = new ActorRef(null, null, origin + sector, origin, sector) };
                }
                // arrests and detentions of people the text does not name are of the arresting state's own people
                // (a verbal noun too when a count follows it: اعتقال 739 من مثيري الشغب)
                if (type == "COERCE" && targets.Count == 0 && (!hit.IsNoun || Words.IsCount(text, hit.EndToken)) && source?.Actor?.Country is { Length: 3 } own &&
                    source.Actor.Sector is "COP" or "MIL" or "GOV" or "JUD" or "SPY")
                    targets.Add(new Argument(default, new ActorRef(null, null, own, own, null), -1, "domestic"));
                var anchors = type is "ASSAULT" or "PROTEST" or "COERCE" ? Anchors(context, text, hit, cStart, cEnd, sStart, sEnd) : default;
                // a count of its own is evidence enough for violence and protest (أعلن مصدر مقتل 12 شخصا, أصيب 15 شخصا — but not for a
                // weak noun naming weapons or hostages: 5 صواريخ), and so is a day for violence (تفجير أمس); a protest dated but with no
                // actor or place mostly refers back (الاحتجاجات التي وقعت أمس)
                var specific = type is "ASSAULT" && ((anchors.Counted && (!hit.Weak || !hit.IsNoun || hit.Passive)) || (anchors.Dated && (!hit.Weak || !hit.IsNoun)))
                               || type is "PROTEST" && ((!hit.Weak && anchors.Counted) || (!hit.IsNoun && anchors.ProtestersCounted));
                if (!specific && !Evidenced(text, hit, source, targets, location, dateType, cStart, cEnd, types: context.Output.Events)) { Dropped(hit, "not-evidenced: a topic or a weak word with no actor, place or time of its own"); continue; }
                if (IsBackground(text, hit, type, source, targets, dateType, anchors, cStart, sStart, hits.Any(h => h.IsNoun && h.FirstToken > cStart && h.EndToken <= hit.FirstToken))) { Dropped(hit, "background: history, a relative or time clause, a general statement, or no count or day"); continue; }
                // a named person who "attacks" (هاجم ماكين أوباما, صعد من هجومه على روسيا) attacks in words
                if (type == "ASSAULT" && hit.PartTokens.Count <= 1 && hit.Lemma is { } lemma && lemma.Split('|').Any(w => WordsOfCriticism.Contains(w)) && NamedPerson(entities, source)) { Dropped(hit, "criticism: a named person attacking in words"); continue; }
                // violence suffered that the victim tells of himself (قال إنه تعرض للضرب: the speaker is the subject of a passive
                // trigger, so its victim), with no count or day, is a claim, not a reported event
                if (type == "ASSAULT" && source?.Rule == "speaker-subject" && hit.Passive && !anchors.Counted && !anchors.Dated) { Dropped(hit, "claimed: violence the speaker tells of himself, with no count or day"); continue; }
                // roads closed or crowds gathered by the police, army or government (أغلقت الشرطة الطرق) are no protest
                if (type == "PROTEST" && source?.Actor?.Sector is "COP" or "MIL" or "GOV" or "SPY" or "JUD") { Dropped(hit, "not-a-protest: roads closed or crowds gathered by the police, army or government"); continue; }
                // violence or a protest under a condition (إذا خطفوا, لو نفذ, في حال) or as a bare possibility in its own clause
                // (ربما, يمكن أن) is no occurrence (what it may lead to, or is warned of, stays a hypothetical event)
                if (type is "ASSAULT" or "PROTEST" && modality == ModalityDetector.Hypothetical && modalCue is { } hc && ConditionCues.Contains(Normalizer.Normalize(hc, NormalizationOptions.Lexical))) { Dropped(hit, "condition: violence or a protest under a condition"); continue; }
                var codes = ontology.Describe(type, hit.Cameo, hit.Mode, hit.Contexts);
                var anchor = TextNav.SpanOf(text, hit.FirstToken, hit.EndToken);
                // the clause that states it: for reported words, from the reporting verb (أعلن بوتين … أن … دخل الخدمة)
                var evidence = TextNav.SpanOf(text, cStart, cEnd);
                if (OutermostCue(quotes, text.Tokens[hit.FirstToken].Start) is { } cueSpan && cueSpan.Start < evidence.Start && text.SentenceAt(cueSpan.Start) == s)
                    evidence = new TextSpan(cueSpan.Start, evidence.End);
                if (targets.Any(t => t.Rule is not ("place-country" or "domestic"))) lastAim = (source, [.. targets.Where(t => t.Rule is not ("place-country" or "domestic"))]);
                if (targets.Count == 0) targets.Add(null!);
                Argument?[] sources = source?.Coordinated is { Count: > 0 } co ? [source, .. co] : [source];
                foreach (var actor in sources)
                foreach (var target in targets)
                {
                    if (actor is { Group: >= 0 } && target is not null && actor.Group == target.Group) continue;
                    var key = (type, hit.FirstToken, actor?.Span.Start ?? -1, target?.Span.Start ?? -1);
                    if (!seen.Add(key)) continue;
                    var ev = new EventOut
                    {
                        Id = string.Create(CultureInfo.InvariantCulture, $"{context.Input.Id ?? "doc"}-e{n++}"),
                        Type = type, Mode = codes.Mode, Context = [.. codes.Contexts], Cameo = codes.Cameo, CameoRoot = codes.CameoRoot,
                        QuadClass = codes.QuadClass, Goldstein = codes.Goldstein,
                        Source = ToActor(text, actor), Target = ToActor(text, target), Modality = modality, Reporter = reporter is null ? null : ToActor(text, reporter),
                        Date = date, DateText = dateText, DateType = dateType, Location = location,
                        Anchor = new SpanOut(text.Text[anchor.Start..anchor.End], anchor.Start, anchor.End),
                        Evidence = new SpanOut(text.Text[evidence.Start..evidence.End], evidence.Start, evidence.End),
                        Sentence = s,
                        Confidence = Confidence(hit, actor, target, modality),
                    };
                    if (explain)
                        ev.Explain = new ExplainOut("triggers", hit.EntryId, [.. rules, "form:" + hit.Form + (hit.IsNoun ? "/noun" : "/verb"), "source:" + (actor?.Rule ?? "none"), "target:" + (target?.Rule ?? "none"), "modality:" + (modalCue ?? "none")]);
                    context.Output.Events.Add(ev);
                    entryOfEvent.Add(hit.EntryId);
                }
            }
        }
        DropUntargetedDuplicates(text, context.Output.Events, entryOfEvent, firstEvent);
    }

    /// <summary>A verb after ما with a count right after the expression: ما يصل إلى مليون, ما يزيد على 20.</summary>
    private static bool Approximator(ArabicText text, TriggerHit hit) =>
        !hit.IsNoun && hit.FirstToken > 0 && text.Stems[hit.FirstToken - 1] == "ما" && Words.IsCount(text, hit.EndToken);

    private static readonly WordSet ComplementLinks = WordSet.Of("على", "عن", "بشأن", "حول", "ضد", "من", "إلى", "الى", "في");

    /// <summary>
    /// Whether a noun trigger is the complement of a trigger before it in the same sentence: its genitive (وقف الضربات),
    /// or linked by a preposition, attached or not (استعداد لوقف, بشأن هجمات), with at most the other trigger's subject
    /// between them (وافقت الحكومة على مطالب المتظاهرين).
    /// </summary>
    private static bool ComplementOfTrigger(ArabicText text, ArgumentFinder args, IReadOnlyList<TriggerHit> hits, TriggerHit hit)
    {
        var tok = text.Tokens[hit.FirstToken];
        var attached = tok.ProcliticLength > 0 && text.Text.AsSpan(tok.Start, tok.ProcliticLength).ContainsAny("بل");
        var linkWord = hit.FirstToken > 0 && ComplementLinks.Matches(text, hit.FirstToken - 1);
        // a perfect right after a bare preposition word (إلى سحب, not إليها تظاهرت) is its verbal noun
        if (!hit.IsNoun && !(hit.Form == "perfect" && linkWord && text.Tokens[hit.FirstToken - 1].EncliticLength == 0)) return false;
        var reach = linkWord ? hit.FirstToken - 1 : hit.FirstToken;
        foreach (var other in hits)
        {
            if (ReferenceEquals(other, hit) || other.EndToken > reach || other.Type == hit.Type) continue;
            if (other.EndToken == reach && (linkWord || attached || reach == hit.FirstToken)) return true;
            // the other trigger's subject and object between them (تدعو الحكومة السلطات الفرنسية إلى سحب), then the link
            if (!(linkWord || attached) || reach - other.EndToken > 8) continue;
            var k = other.EndToken;
            for (var groups = 0; k < reach && groups < 2; groups++)
            {
                var g = args.GroupAt(k);
                if (g < 0 || args.Groups[g].FirstToken != k) break;
                k = args.Groups[g].EndToken;
            }
            if (k == reach && k > other.EndToken) return true;
        }
        return false;
    }

    /// <summary>A first-person verb: أدعو, نرفض, سنتخذ (imperfect أ/ن), or a perfect ending in نا/تُ (رفضنا, أجريت).</summary>
    private static bool IsFirstPersonVerb(ArabicText text, TriggerHit hit)
    {
        if (hit.IsNoun) return false;
        var stem = text.Stems[hit.HeadToken];
        if (hit.Form == "imperfect") return stem.Length > 2 && stem[0] is 'ا' or 'ن';
        return stem.EndsWith("نا", StringComparison.Ordinal);
    }

    /// <summary>The trigger's verb is the first word of its sentence (after و/ف, قد, ثم).</summary>
    private static bool OpensSentence(ArabicText text, TriggerHit hit, int sentenceStart)
    {
        for (var k = sentenceStart; k < hit.HeadToken; k++)
        {
            if (text.Tokens[k].Kind != TokenKind.Word) continue;
            if (text.Stems[k] is "قد" or "ثم" or "و" or "ف" or "كما") continue;
            return false;
        }
        return true;
    }

    private static readonly string[] ProtesterStems = ["متظاهر", "محتج", "مشاغب", "معتصم", "مضرب"];

    /// <summary>A participle naming protesters in the sentence (المتظاهرون, محتجين, المعتصمين), or null.</summary>
    private static TextSpan? Protesters(ArabicText text, int sStart, int sEnd)
    {
        for (var k = sStart; k < sEnd; k++)
        {
            var stem = text.Stems[k].AsSpan();
            if (stem.StartsWith("ال", StringComparison.Ordinal)) stem = stem[2..];
            foreach (var p in ProtesterStems)
                if (stem.StartsWith(p, StringComparison.Ordinal) && stem.Length <= p.Length + 3) return text.Tokens[k].Stem;
        }
        return null;
    }

    private static readonly WordSet RegionNouns = WordSet.Of("منطقة", "المنطقة", "مناطق", "المناطق", "أراضي", "الأراضي", "الحدود", "إقليم", "الإقليم", "أقاليم",
        "الأقاليم", "ولاية", "الولاية", "العاصمة", "الشمال", "الجنوب", "الشرق", "الغرب", "القرى", "البلدات", "المدن", "الريف", "الساحل", "المياه", "الأجواء");

    private static readonly WordSet PlaceNouns = WordSet.Of("مدينة", "قلب", "وسط", "قرية", "بلدة", "مخيم", "محافظة", "ولاية", "إقليم", "منطقة", "العاصمة", "ضواحي",
        "أطراف", "شوارع", "ساحات", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "مدينتي", "بلدتي");

    /// <summary>في/بـ governing a place over place nouns between (في قلب مدينة تل أبيب, بوسط العاصمة بغداد), or null.</summary>
    private static string? PrepositionOverPlaceNouns(ArabicText text, int place, int cStart)
    {
        for (var k = place - 1; k >= Math.Max(cStart, place - 3); k--)
        {
            if (!PlaceNouns.Matches(text, k)) return null;
            if (Words.AttachedPreposition(text, k) == "ب") return "ب";
            if (k - 1 >= cStart && text.Stems[k - 1] == "في") return "في";
        }
        return null;
    }

    /// <summary>With no named place in the clause, a region qualified by a demonym after في/بـ/على in it (في المنطقة القبلية
    /// الباكستانية, على المناطق الحدودية اللبنانية): that country.</summary>
    private static string? RegionCountry(ArabicText text, EntityLayer? entities, LocationOut? location, int cStart, int cEnd)
    {
        if (location is not null || entities is null) return null;
        for (var k = cStart; k < cEnd; k++)
        {
            if (!RegionNouns.Matches(text, k)) continue;
            var prep = Words.AttachedPreposition(text, k) ?? (k > cStart ? text.Stems[k - 1] : null);
            if (prep is not ("في" or "ب" or "علي")) continue;
            var definite = text.Stems[k].StartsWith("ال", StringComparison.Ordinal);
            for (var j = k + 1; j < Math.Min(cEnd, k + 4); j++)
            {
                var tok = text.Tokens[j];
                if (tok.Kind != TokenKind.Word || tok.ProcliticLength > 0 || text.Stems[j].StartsWith("ال", StringComparison.Ordinal) != definite) break;
                var mi = entities.MentionAt(j);
                if (mi >= 0)
                {
                    var m = entities.Mentions[mi];
                    if (m.Kind == EntityKind.Norp && m.FirstToken == j && m.Actor?.Country is { Length: 3 } c) return c;
                    break;
                }
                if (!(text.Stems[j].EndsWith("ية", StringComparison.Ordinal) || text.Stems[j].EndsWith('ي'))) break; // only adjectives between
            }
        }
        return null;
    }

    /// <summary>The country where the sentence's event happens: its location, else the last place the sentence names.</summary>
    private static string? PlaceCountry(ArabicText text, EntityLayer? entities, LocationOut? location, int sStart, int sEnd)
    {
        if (location?.Country is { } c) return c;
        if (entities is null) return null;
        string? last = null;
        foreach (var m in entities.Mentions)
        {
            if (m.FirstToken < sStart || m.FirstToken >= sEnd) continue;
            if (m.Kind is EntityKind.Gpe or EntityKind.Loc && (m.Place?.Country ?? m.Actor?.Country) is { } pc) last = pc;
        }
        return last;
    }

    /// <summary>Which tokens lie inside a time expression.</summary>
    private static bool[] TimeTokens(TimeLayer? times, int tokenCount)
    {
        var inside = new bool[tokenCount];
        if (times is null) return inside;
        foreach (var m in times.Mentions)
            for (var t = Math.Max(0, m.FirstToken); t < m.EndToken && t < tokenCount; t++) inside[t] = true;
        return inside;
    }

    /// <summary>Token <paramref name="token"/> (or the next, after من) names people of a country (الفلسطينيين, من المصريين).</summary>
    private static bool PeopleAt(EntityLayer? entities, int token)
    {
        if (entities is null) return false;
        for (var t = token; t <= token + 1; t++)
        {
            var m = entities.MentionAt(t);
            if (m >= 0 && entities.Mentions[m].Actor?.Country is not null && entities.Mentions[m].Kind is not (EntityKind.Gpe or EntityKind.Loc or EntityKind.Fac)) return true;
        }
        return false;
    }

    private static bool InsideName(EntityLayer? entities, int token)
    {
        if (entities is null) return false;
        var m = entities.MentionAt(token);
        return m >= 0 && !entities.Mentions[m].IsNominal && entities.Mentions[m].Kind is EntityKind.Person or EntityKind.Org or EntityKind.Gpe or EntityKind.Loc or EntityKind.Fac;
    }

    private static readonly WordSet FirstPerson = WordSet.Of("لدينا", "لدي", "نحن", "إننا", "أننا", "إنني", "أنني", "أنا", "لنا", "علينا");

    private static bool SpeakerIsSubject(ArabicText text, QuoteMention quote, TriggerHit hit)
    {
        var first = TextNav.FirstTokenAtOrAfter(text, quote.Span.Start);
        if (!quote.Direct)
        {
            return Words.IsPronounComplementizer(text, first);
        }
        var head = text.Stems[hit.HeadToken];
        if (!hit.IsNoun && head.Length > 2 && head[0] == 'ن') return true;
        for (var k = Math.Max(first, hit.FirstToken - 4); k < hit.FirstToken; k++)
            if (FirstPerson.Matches(text, k)) return true;
        return false;
    }

    /// <summary>
    /// One mention of an event is enough: an event with no target in a headline, crosshead or lede (or in the same sentence)
    /// is dropped when the document has the same event type from the same source with a target (a headline and the
    /// sentence that tells it). Untargeted acts elsewhere in the body are separate events.
    /// </summary>
    private static void DropUntargetedDuplicates(ArabicText text, List<EventOut> events, List<string> entries, int from)
    {
        // the same word for the same act by the same actor, once with its recipient: one event told twice. The targeted
        // events are indexed once (by act, and by act and sentence), so a long document is not compared pair by pair.
        var targeted = new HashSet<(string?, string, string, string?)>();
        var targetedIn = new HashSet<(string?, string, string, string?, int)>();
        for (var j = from; j < events.Count; j++)
        {
            var o = events[j];
            if (o.Target is null || o.Source?.Country is not { } oc) continue;
            targeted.Add((o.Type, entries[j - from], oc, o.Modality));
            targetedIn.Add((o.Type, entries[j - from], oc, o.Modality, o.Sentence));
        }
        if (targeted.Count == 0) return;
        var keep = new List<EventOut>(events.Count - from);
        var keepEntries = new List<string>(events.Count - from);
        for (var i = from; i < events.Count; i++)
        {
            var e = events[i];
            var drop = e.Target is null && e.Source?.Country is { } country &&
                       (((e.Sentence <= 1 || IsTitleLine(text, e.Sentence)) && targeted.Contains((e.Type, entries[i - from], country, e.Modality))) ||
                        targetedIn.Contains((e.Type, entries[i - from], country, e.Modality, e.Sentence)));
            if (drop) continue;
            keep.Add(e);
            keepEntries.Add(entries[i - from]);
        }
        events.RemoveRange(from, events.Count - from);
        events.AddRange(keep);
        entries.Clear();
        entries.AddRange(keepEntries);
    }

    /// <summary>A headline or crosshead: a short line that does not end in a full stop (بوتين يعزز العلاقات العسكرية الروسية).</summary>
    private static bool IsTitleLine(ArabicText text, int sentence)
    {
        var range = text.TokensOf(sentence);
        var (start, end) = (range.Start.Value, range.End.Value);
        if (end <= start || end - start > 10) return false;
        var last = end - 1;
        return !(TextNav.IsPunct(text, last, '.') || TextNav.IsPunct(text, last, '؟') || TextNav.IsPunct(text, last, '!') || TextNav.IsPunct(text, last, '?'));
    }

    private static readonly WordSet Condemnation = WordSet.Of("ندد", "نددت", "يندد", "تندد", "أدان", "أدانت", "يدين", "تدين", "أدانوا", "استنكر", "استنكرت", "يستنكر",
        "تستنكر", "شجب", "شجبت", "يشجب", "تشجب", "إدانة", "ادانة", "تنديد", "استنكار", "شجبه", "منددا", "مندداً", "مدينا", "مستنكرا");

    /// <summary>
    /// Violence and protest told as background rather than reported as a specific event: a relative or time clause recalling
    /// it (الوزير الذي اغتيل في …, بعد أن خطف …), a condemnation of it (أدانت قتل …: the condemnation is its own event), a
    /// participle, the present without a time, details of a protest (هتف المتظاهرون), or a noun with no count or day of its
    /// own that no verb tells as happening (اغتيال الحريري, ظاهرة العنف, أعمال الخطف).
    /// </summary>
    private static bool IsBackground(ArabicText text, TriggerHit hit, string type, Argument? source, List<Argument> targets, string dateType,
        EventAnchors anchors, int cStart, int sStart, bool eventNounBefore)
    {
        if (type is not ("ASSAULT" or "PROTEST" or "COERCE")) return false;
        for (var k = hit.FirstToken - 1; k >= Math.Max(sStart, hit.FirstToken - 2); k--)
            if (Words.RelativePronouns.Matches(text, k) && !hit.IsNoun) return true;
        for (var k = hit.FirstToken - 1; k >= sStart; k--)
            if (Condemnation.MatchesLoose(text, k)) return true;
        // (so does a round count the quantity layer leaves out as the verbal noun's object: قتل العشرات من المسلحين)
        var counted = anchors.CountedInSentence || (hit.Form == "masdar" && VagueCounts.Matches(text, hit.EndToken));
        var timed = dateType is "explicit" or "relative";
        var (countedNear, datedNear) = (anchors.Counted, anchors.Dated);
        if (type is "ASSAULT" or "PROTEST")
        {
            // a participle (المتظاهرون, المحتجين) names the participants; the event is told by its own verb or noun
            if (hit.Form == "participle") return true;
            // dated by a year alone (في 1996, عام 2005: not the year of publication) it is history recalled
            if (anchors.Historical) return true;
            // the matter of a trial, charge, inquiry or confession (محاكمة المتهمين بخطف …, بتهمة قتل, التحقيق في اغتيال), or of
            // an anniversary (الذكرى الثالثة لاغتيال …), is recalled
            if (RecalledBefore(text, hit, cStart)) return true;
            // told inside a relative clause (الجنود الذين قتلوا في الهجوم) or a clause of time before or since (بعد أن خطف
            // مسلحون …, منذ اغتيال …): the setting of the sentence's news, not the news itself (عندما/حين clauses may tell it)
            if (SubordinateClause(text, cStart, hit, eventNounBefore)) return true;
            // chanting and raising banners (هتف المتظاهرون, رفعوا لافتات) are details of a protest told elsewhere, unless
            // counted or dated themselves (هتف مئات الطلاب أمس …)
            if (type == "PROTEST" && AccessoryActs.MatchesLoose(text, hit.HeadToken) && !countedNear && !datedNear) return true;
            // the present tense without a time tells what happens in general (يقتل, يتظاهرون), not a specific event
            // (unless a count is its object, as in a headline's present: تفجير في فندق يقتل 60 شخصا)
            if (hit.Form == "imperfect" && !timed && !datedNear && !(Words.IsCount(text, hit.EndToken) && !OneWords.Matches(text, hit.EndToken))) return true;
            // a noun governed by "countering" names a purpose, not an event (شرطة مكافحة الشغب, الدرع المضادة للصواريخ)
            if (hit.IsNoun && hit.FirstToken > sStart && Countering.MatchesLoose(text, hit.FirstToken - 1)) return true;
            // a verbal noun or event noun (اغتيال, تفجير, هجوم, مظاهرة) is specific when counted or dated: named alone
            // (اغتيال الحريري, الهجوم على غزة) it recalls an event as background — unless a verb tells it happened (هجوم شنته
            // القوات, اندلعت مظاهرات, قام مسلحون بخطف) or it names both sides (مواجهات بين …)
            // a bare triliteral perfect with neither subject nor object found (خطف الموت, عزم عناصر القاعدة خطف أية رعية) reads
            // as its verbal noun just as well, and needs a count or day like one
            if (BareHomograph(text, hit) && source is null && targets.All(t => t.Rule == "place-country") && !countedNear && !datedNear) return true;
            if (hit.IsNoun && (source?.Rule is "relative-subject" or "between" || ToldByVerb(text, hit, sStart) || AnnouncedViolence(text, hit, sStart) || MeansOfResponse(text, hit, sStart))) return false;
            if (hit.IsNoun && !countedNear && !datedNear) return true;
        }
        if (!hit.IsNoun) return false;
        var named = (source is not null && source.Span.Length > 0 && source.Rule is not ("svo-subject" or "clause-subject" or "pro-drop")) ||
                    targets.Any(t => t.Span.Length > 0 && t.Rule != "place-country");
        return !named && !counted && !timed;
    }

    /// <summary>"One" (الواحدة بعد الأخرى) counts nothing after a verb.</summary>
    private static readonly WordSet OneWords = WordSet.Of("واحد", "واحدة", "الواحد", "الواحدة");

    private static readonly WordSet Countering = WordSet.Of("مكافحة", "لمكافحة", "مضاد", "مضادة", "المضاد", "المضادة", "مناهضة", "لمنع", "منع", "ردع");

    private static readonly WordSet JudicialWords = WordSet.Of("محاكمة", "المحاكمة", "محاكمات", "تهمة", "بتهمة", "تهم", "بتهم", "التهم", "التهمة", "متهم", "المتهم",
        "متهمين", "المتهمين", "متهمون", "المتهمون", "اتهام", "اتهامات", "بالاتهام", "القضاء", "المحكمة", "محكمة", "قضية", "القضية", "قضايا", "التحقيق", "تحقيق",
        "تحقيقات", "التحقيقات", "دعوى", "الدعوى", "الادعاء", "جريمة", "الجريمة", "جرائم", "بجريمة", "بجرائم", "أدين", "ادين", "اعترافات", "اعترافاته",
        // suspicion of involvement or connection with it (للاشتباه بتورطه في, لعلاقتهم بـ, فيما يتعلق بـ)
        "علاقة", "بعلاقة", "علاقته", "علاقتهم", "لعلاقته", "لعلاقتهم", "يتعلق", "تتعلق", "المتعلق", "المتعلقة", "تورط", "التورط", "بالتورط", "بتورط",
        "بتورطه", "بتورطهم", "لتورطه", "لتورطهم", "ضلوع", "الضلوع", "بالضلوع", "بضلوع", "مشتبه", "المشتبه", "للاشتباه", "بالاشتباه");

    private static readonly WordSet AnniversaryWords = WordSet.Of("ذكرى", "الذكرى", "ذكراه", "ذكراها", "لذكرى", "بذكرى", "إحياء", "احياء", "يحيي", "تحيي");

    /// <summary>A word of justice (a trial, charge, accused, inquiry, crime, confession) or of an anniversary in the trigger's
    /// clause up to ten words before it.</summary>
    private static bool RecalledBefore(ArabicText text, TriggerHit hit, int cStart)
    {
        for (var k = hit.FirstToken - 1; k >= Math.Max(cStart, hit.FirstToken - 10); k--)
            if (JudicialWords.MatchesLoose(text, k) || AnniversaryWords.Matches(text, k)) return true;
        return false;
    }

    private static readonly WordSet ConditionCues = WordSet.Of("إذا", "اذا", "وإذا", "فإذا", "لو", "ولو", "حال", "حالة", "ربما", "يمكن", "الممكن", "المحتمل", "يحتمل", "احتمال");

    private static readonly WordSet TimeSubordinators = WordSet.Of("بعد", "بعدما", "قبل", "منذ", "إثر", "اثر", "عقب");

    private static readonly WordSet ClauseSubordinators = WordSet.Of("بعدما");

    /// <summary>The clause starting at <paramref name="cStart"/> is a relative clause or a clause of time (بعد أن, عندما, منذ أن).</summary>
    private static bool SubordinateClause(ArabicText text, int cStart, TriggerHit hit, bool eventNounBefore)
    {
        var trigger = hit.FirstToken;
        if (cStart >= trigger) return false;
        if (Words.RelativePronouns.Matches(text, cStart)) return true;
        // a bare preposition of time governs a noun (بعد صلاة الفجر, قبل الماضية, منذ يومين): a verb after that phrase is
        // the main clause's (في الليلة قبل الماضية قتلت القوات …); only بعدما opens a clause by itself. Not when an event noun
        // in the phrase is what the verb describes (بعد هجوم شنه مسلحون), nor for a verb's form that is also its verbal noun:
        // with ب or ل (لقطع الطريق) or a bare triliteral with a pronoun (بعد استدراجهما وقتلهما)
        if (TimeSubordinators.Matches(text, cStart))
            return hit.IsNoun || ClauseSubordinators.Matches(text, cStart) || eventNounBefore || PrepositionProclitic(text, hit.FirstToken) ||
                   hit.PartTokens.Count == 1 && text.Stems[hit.HeadToken].Length == 3 && text.Tokens[hit.HeadToken].EncliticLength > 0;
        return cStart > 0 && text.Stems[cStart] is "أن" or "ان" && TimeSubordinators.Matches(text, cStart - 1);
    }

    /// <summary>Words of violence that also mean criticism (هاجم, هجوم).</summary>
    private static readonly WordSet WordsOfCriticism = WordSet.Of("هاجم", "هجوم", "هجمة");

    /// <summary>The argument is a named person or an officeholder by title (الرئيس الإيراني, وزيرة الخارجية), not armed men
    /// or a force.</summary>
    private static bool NamedPerson(EntityLayer? entities, Argument? arg)
    {
        if (entities is null || arg is null || arg.Span.Length == 0) return false;
        foreach (var m in entities.Mentions)
            if (m.Span.Start < arg.Span.End && arg.Span.Start < m.Span.End && m.Kind == EntityKind.Person &&
                (!m.IsNominal || m.Actor?.Sector is "GOV" or "LEG" or "JUD" or "PTY" or "ELI"))
                return true;
        return false;
    }

    /// <summary>A bare perfect of form I with no clitic (قتل, خطف): spelled like its verbal noun.</summary>
    private static bool BareHomograph(ArabicText text, TriggerHit hit)
    {
        if (hit.IsNoun || hit.Form != "perfect" || hit.PartTokens.Count > 1) return false;
        var t = text.Tokens[hit.HeadToken];
        return text.Stems[hit.HeadToken].Length == 3 && t.ProcliticLength == 0 && t.EncliticLength == 0 && t.Length == 3;
    }

    private static bool PrepositionProclitic(ArabicText text, int token)
    {
        var t = text.Tokens[token];
        for (var k = 0; k < t.ProcliticLength; k++)
            if (text.Text[t.Start + k] is 'ب' or 'ل') return true;
        return false;
    }

    /// <summary>What protesters do during a protest: chanting, raising or carrying slogans and banners.</summary>
    private static readonly WordSet AccessoryActs = WordSet.Of("هتف", "هتفوا", "هتفت", "هتاف", "هتافات", "هاتفين", "هاتفون", "هاتفا", "رفع", "رفعوا", "رفعت",
        "ردد", "رددوا", "رددت", "ترديد", "حمل", "حملوا", "حملت");

    /// <summary>What ties a mention to one occurrence: its own count (12 شخصا, مئات المتظاهرين: not an ordinal, year or sum) or
    /// day (أمس, الجمعة, 12 مايو, resolved or not) in its clause or a few words from it; a year alone there (عام 2005, في 1996),
    /// which dates history; whether its sentence has any quantity at all; and whether the protesters are counted (مئات المتظاهرين).</summary>
    private readonly record struct EventAnchors(bool Counted, bool Dated, bool Historical, bool CountedInSentence, bool ProtestersCounted);

    private static readonly WordSet VagueCounts = WordSet.Of("عشرات", "العشرات", "مئات", "المئات", "آلاف", "الآلاف", "الاف", "ألوف", "الألوف", "عشرات الآلاف", "مئات الآلاف");

    private static EventAnchors Anchors(AnalysisContext context, ArabicText text, TriggerHit hit, int cStart, int cEnd, int sStart, int sEnd)
    {
        var (wStart, wEnd) = (Math.Min(cStart, Math.Max(sStart, hit.HeadToken - 6)), Math.Max(cEnd, Math.Min(sEnd, hit.EndToken + 6)));
        var inSentence = context.Find<QuantityLayer>()?.Mentions.Any(q => q.Span.Start >= text.Tokens[sStart].Start && q.Span.Start < text.Tokens[sEnd - 1].End) == true;
        var dated = Dated(context, text, wStart, wEnd) || ChronologyEntry(context, text, sStart, hit.FirstToken);
        // (a year "since" which something goes on, منذ 2024, is not history)
        var historical = !dated && context.Find<TimeLayer>()?.Mentions.Any(m => m.FirstToken >= wStart && m.FirstToken < wEnd && text.Stems[m.FirstToken] != "منذ" &&
            (m.Kind == "year" && (context.Published is not { } p || m.Value != p.Year.ToString(CultureInfo.InvariantCulture)) || m.Kind is "month" or "season" && OtherYear(m, context.Published) ||
             MonthsOrYearsAgo(text, m))) == true;
        var protesters = context.Find<QuantityLayer>()?.Mentions.Any(q => q.Unit is { } u && ProtesterStems.Any(p => u.StartsWith(p, StringComparison.Ordinal)) &&
            q.Span.Start >= text.Tokens[wStart].Start && q.Span.Start < text.Tokens[wEnd - 1].End) == true;
        // a round count the quantity layer leaves out (عشرات، مئات، آلاف المتظاهرين)
        var vague = false;
        for (var k = wStart; k < wEnd && !vague; k++)
            if (VagueCounts.Matches(text, k))
            {
                vague = true;
                // of protesters or of a people (مئات المتظاهرين, عشرات الفلسطينيين), not of cars or weapons
                if (Protesters(text, k + 1, Math.Min(wEnd, k + 3)) is not null || PeopleAt(context.Find<EntityLayer>(), k + 1)) protesters = true;
            }
        return new EventAnchors(vague || Counted(context, text, wStart, wEnd), dated, historical, inSentence, protesters);
    }

    /// <summary>A time months or years ago (قبل عامين, قبل ثلاثة أشهر): what happened then is recalled.</summary>
    private static bool MonthsOrYearsAgo(ArabicText text, TimeMention m) =>
        m.Kind == "duration" && text.Stems[m.FirstToken] == "قبل" && m.Value is { Length: > 2 } v && v[0] == 'P' && v[^1] is 'Y' or 'M' && !v.Contains('T');

    /// <summary>A chronology entry: the sentence opens with a full date and a colon (* 21 مايو 2005: اغتيال …), which dates it.</summary>
    private static bool ChronologyEntry(AnalysisContext context, ArabicText text, int sStart, int trigger)
    {
        var times = context.Find<TimeLayer>();
        if (times is null) return false;
        foreach (var m in times.Mentions)
        {
            if (m.FirstToken < sStart || m.FirstToken > sStart + 2) continue;
            return m.Kind == "date" && m.EndToken < trigger && TextNav.IsPunct(text, m.EndToken, ':');
        }
        return false;
    }

    /// <summary>Prepositions, nouns of an event's frame (عملية, قضية, بتهمة) and verbs of intent or attempt (أرادوا, حاول) that take
    /// a verbal noun, never a perfect verb, after them.</summary>
    private static readonly WordSet VerbalNounGovernors = WordSet.Of("في", "عن", "حول", "بشأن", "من", "منذ", "على", "إلى", "الى", "ضد", "بعد", "قبل", "أثناء", "اثناء",
        "خلال", "إثر", "اثر", "جراء", "بسبب", "وراء", "عبر", "لدى", "عند", "عملية", "عمليات", "قضية", "قضايا", "حادث", "حادثة", "حوادث", "جريمة", "جرائم", "محاولة",
        "محاولات", "تهمة", "بتهمة", "بتهم", "ظاهرة", "أعمال", "اعمال", "مسؤولية", "تكرار", "مواصلة", "استمرار", "قصة", "سيناريو", "إمكانية", "امكانية",
        "خطة", "عزم", "نوع", "أراد", "اراد", "أرادوا", "ارادوا", "يريد", "يريدون", "حاول", "حاولوا", "يحاول", "يحاولون", "يتيح", "تتيح", "مذبحة", "مجزرة",
        "ميدان", "تبرير", "جريمتي");

    /// <summary>
    /// Whether a trigger read as a bare perfect verb (خطف, قتل, تجمع) is its homograph verbal noun (خَطْف, قَتْل, تجمُّع): it
    /// carries a preposition (بخطف, بتجمع), or a preposition or a noun it is annexed to stands before it (في قتل, عملية خطف),
    /// or, for form V, a pronoun (أماكن تجمعهم).
    /// </summary>
    private static bool ReadsAsVerbalNoun(ArabicText text, TriggerHit hit)
    {
        if (hit.IsNoun || hit.Form != "perfect") return false;
        // an expression whose verb carries ب or ل (بشن هجمات, لشن هجوم) is its verbal noun whatever the verb's form
        if (hit.PartTokens.Count > 1) return PrepositionProclitic(text, hit.HeadToken);
        var head = hit.HeadToken;
        var stem = text.Stems[head];
        var t = text.Tokens[head];
        // only the bare third person masculine singular of form I (فعل) and form V (تفعّل: تجمع) is spelled like the verbal
        // noun; form V being intransitive, with a pronoun it is the noun (أماكن تجمعهم)
        // (nor form VI, تفاعل: تعاون, تبادل, تفاوض — اتفاقية تعاون is a co-operation agreement)
        var formV = (stem.Length == 4 && stem[0] == 'ت') || (stem.Length == 5 && stem[0] == 'ت' && stem[2] == 'ا');
        if (stem.Length != 3 && !formV) return false;
        if (formV && t.EncliticLength > 0) return true;
        if (Words.AttachedPreposition(text, head) is not null) return true;
        // (a quotation mark may open between them: أعرب عن "شكره …")
        var before = head - 1;
        if (before > 0 && text.Tokens[before].Kind == TokenKind.Punctuation && TextNav.IsQuoteMark(text.Text[text.Tokens[before].Start])) before--;
        if (before < 0 || text.Tokens[before].Kind != TokenKind.Word) return false;
        // right after an indefinite noun in ة it is that noun's genitive (اتفاقية تعاون, حملة دعم, محاولة خطف): a masculine
        // verb cannot follow a feminine subject, and an indefinite noun is no adverbial
        var prev = text.Tokens[before];
        if (text.Text[prev.Start + prev.Length - 1] == 'ة' && !text.Stems[before].StartsWith("ال", StringComparison.Ordinal) &&
            t.ProcliticLength == 0) return true;
        return VerbalNounGovernors.Matches(text, before);
    }

    /// <summary>A bare perfect joined by و/أو (وحتى) to a verbal or event noun that ends at most two words before it (اعتقال وقتل,
    /// تعذيب المسلمين وقتلهم).</summary>
    private static bool CoordinatedWithNoun(ArabicText text, TriggerHit hit, int lastNounEnd)
    {
        if (hit.IsNoun || hit.Form != "perfect" || hit.PartTokens.Count > 1 || lastNounEnd < 0) return false;
        var head = hit.HeadToken;
        if (text.Stems[head].Length != 3 || head - lastNounEnd > 2) return false;
        var t = text.Tokens[head];
        var conj = t.ProcliticLength > 0 && text.Text[t.Start] == 'و';
        for (var k = lastNounEnd; k < head && !conj; k++)
            if (text.Stems[k] is "او" or "أو" or "و") conj = true;
        return conj;
    }

    /// <summary>Quantities that measure rather than count people or things (an ordinal, a year, a share, money, a distance).</summary>
    private static readonly WordSet MeasureUnits = WordSet.Of("ordinal", "year", "percent", "day", "week", "month", "hour", "minute", "second", "usd", "eur",
        "دينار", "ريال", "درهم", "جنيه", "ليرة", "دولار", "يورو", "كلم", "كم", "كيلومتر", "متر", "ميل", "نقطة", "سهم", "مرة", "صوت", "مقعد", "طن", "برميل",
        "سنة", "عام", "شهر", "يوم", "ساعة", "دقيقة", "أسبوع", "تهمة", "تهم", "مادة", "قضية");

    /// <summary>The clause [from, to) counts people or things (12 شخصا, مئات المتظاهرين), not only ordinals, years or sums.</summary>
    private static bool Counted(AnalysisContext context, ArabicText text, int from, int to)
    {
        var quantities = context.Find<QuantityLayer>();
        if (quantities is null) return false;
        var (start, end) = (text.Tokens[from].Start, text.Tokens[to - 1].End);
        foreach (var q in quantities.Mentions)
        {
            if (q.Span.Start < start || q.Span.Start >= end) continue;
            if (q.Unit is { } unit && MeasureUnits.Contains(Normalizer.Normalize(unit.ToLowerInvariant(), NormalizationOptions.Lexical))) continue;
            // a bare figure (المادة 28, 11/9, a list number) counts nothing; a number word or a partitive (أربعة من رجال الشرطة) does
            if (q.Unit is null && !HasLetters(text.Text.AsSpan(q.Span.Start, q.Span.Length)) && (!PartitiveAfter(text, q.Span.End) || ReferenceBefore(text, q.Span.Start))) continue;
            return true;
        }
        return false;
    }

    private static bool HasLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (char.IsLetter(c)) return true;
        return false;
    }

    private static readonly WordSet ReferenceNouns = WordSet.Of("المادة", "مادة", "البند", "بند", "الفقرة", "فقرة", "رقم", "القرار", "قرار", "الفصل", "العدد");

    /// <summary>The word before <paramref name="offset"/> names what the figure numbers (المادة 28, القرار 1559).</summary>
    private static bool ReferenceBefore(ArabicText text, int offset)
    {
        var k = TextNav.LastTokenEndingBy(text, offset);
        return k >= 0 && ReferenceNouns.Matches(text, k);
    }

    /// <summary>The word after <paramref name="offset"/> is من (50 من الجنود).</summary>
    private static bool PartitiveAfter(ArabicText text, int offset)
    {
        var k = TextNav.FirstTokenAtOrAfter(text, offset);
        return k < text.Tokens.Count && text.Stems[k] == "من";
    }

    /// <summary>The clause [from, to) names a day or week (أمس, الجمعة, 12 مايو, الأسبوع الماضي), resolved or not (a text without
    /// a publication date), or a month or season of the year of publication (الشهر الماضي, في مارس الماضي).</summary>
    private static bool Dated(AnalysisContext context, ArabicText text, int from, int to)
    {
        var times = context.Find<TimeLayer>();
        if (times is null) return false;
        return times.Mentions.Any(m => m.FirstToken >= from && m.FirstToken < to &&
            (m.Kind is "date" or "week" || (m.Kind is "month" or "season" && !OtherYear(m, context.Published))));
    }

    /// <summary>A month, season or year written with a year (مارس 2005, عام 1985) other than that of publication (any, without one).</summary>
    private static bool OtherYear(TimeMention m, DateOnly? published) =>
        m.Value is { Length: >= 4 } v && !m.IsRelative && (published is not { } p || !v.StartsWith(p.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>
    /// Perfect verbs that tell their noun happened: carrying it out (شنت هجوما, وجهت ضربة, نفذوا تفجيرا, نظموا مظاهرة, بدأت
    /// هجوما, قام … بخطف), its breaking out (اندلعت مظاهرات, وقع الهجوم, شهدت المدينة مظاهرات) or its toll or aim (أسفر عن مقتل, هجوم استهدف دورية), its going on (واصل القصف).
    /// </summary>
    private static readonly WordSet OccurrenceVerbs = WordSet.Of("شن", "شنت", "شنوا", "وجه", "وجهت", "وجهوا", "نفذ", "نفذت", "نفذوا", "ارتكب", "ارتكبت", "ارتكبوا",
        "نظم", "نظمت", "نظموا", "بدأ", "بدأت", "بدأوا", "قام", "قامت", "قاموا", "اندلع", "اندلعت", "انطلق", "انطلقت", "انفجرت", "وقع", "وقعت", "جرى", "جرت",
        "شهد", "شهدت", "عمت", "تجددت", "جابت", "سارت", "خرجت", "سير", "سيرت", "سيروا", "أسفر", "أسفرت", "تسبب", "تسببت", "أوقع", "أوقعت", "خلف", "خلفت", "أدى", "أدت", "أودى", "أودت", "واصل", "واصلت", "واصلوا", "استهدف", "استهدفت", "طال", "طالت");

    /// <summary>The noun trigger is the argument of a perfect verb of occurrence up to three words before it (شنت القوات هجوما,
    /// اندلعت مظاهرات) or up to two words after it (مظاهرات اندلعت, غارات جوية شنتها).</summary>
    private static bool ToldByVerb(ArabicText text, TriggerHit hit, int sStart)
    {
        // (over a subject of up to five words: سير المئات من أبناء دارفور مظاهرة; شارك المئات في مظاهرة)
        // (beyond three words only over a subject: a word with ب or ل attached starts another phrase: وجه انتقادات لاستعمال …)
        var governed = false;
        for (var k = hit.FirstToken - 1; k >= Math.Max(sStart, hit.FirstToken - 6); k--)
        {
            if (text.Tokens[k].Kind != TokenKind.Word) break;
            if (OccurrenceVerbs.MatchesLoose(text, k) && (k >= hit.FirstToken - 3 || !governed)) return true;
            governed |= Words.AttachedPreposition(text, k) is not null;
        }
        // as its verb after it (سيارة مفخخة انفجرت, هجوم انتحاري استهدف, غارات جوية شنتها); not through a relative pronoun
        // (الهجوم الذي وقع: background)
        for (var k = hit.EndToken; k < Math.Min(text.Tokens.Count, hit.EndToken + 2); k++)
        {
            if (text.Tokens[k].Kind != TokenKind.Word || Words.RelativePronouns.Matches(text, k)) break;
            if (OccurrenceVerbs.MatchesLoose(text, k)) return true;
        }
        return false;
    }

    private static readonly WordSet ResponseVerbs = WordSet.Of("رد", "ردت", "ردوا", "انتقم", "انتقمت", "انتقموا", "ثأر", "ثأرت");
    private static readonly WordSet MeansWords = WordSet.Of("عبر", "خلال", "بواسطة");

    /// <summary>A verbal noun that tells how someone responded or retaliated: led by ب or عبر/من خلال after a perfect verb of
    /// response, over its subject or an adverb of up to three words (ردت إسرائيل بقصف مواقع، ردت عسكريا عبر اغتيال قائد).</summary>
    private static bool MeansOfResponse(ArabicText text, TriggerHit hit, int sStart)
    {
        var k = hit.FirstToken - 1;
        var tok = text.Tokens[hit.FirstToken];
        var attachedBa = tok.ProcliticLength > 0 && text.Text.AsSpan(tok.Start, tok.ProcliticLength).Contains('ب');
        if (!attachedBa)
        {
            if (k < sStart || !MeansWords.Matches(text, k)) return false;
            k--;
            if (k >= sStart && text.Stems[k] == "من" && text.Stems[k + 1] == "خلال") k--;
        }
        for (var steps = 0; k >= sStart && steps < 4; steps++, k--)
        {
            if (text.Tokens[k].Kind != TokenKind.Word) return false;
            if (ResponseVerbs.MatchesLoose(text, k)) return true;
            if (ComplementLinks.Matches(text, k) || Words.AttachedPreposition(text, k) is not null) return false;
        }
        return false;
    }

    private static readonly WordSet AnnounceVerbs = WordSet.Of("أعلن", "أعلنت", "اعلن", "اعلنت", "أكد", "أكدت", "اكد", "اكدت");

    /// <summary>A verbal noun of violence that is the object of a perfect verb of announcing, over its subject of up to three
    /// words (أعلن الجيش الأميركي مقتل أحد جنوده، أعلن مصدر في الشرطة مقتل شخص): the news announced, not background.</summary>
    private static bool AnnouncedViolence(ArabicText text, TriggerHit hit, int sStart)
    {
        if (hit.Type != "ASSAULT" || text.Tokens[hit.FirstToken].ProcliticLength > 0) return false;
        for (var k = hit.FirstToken - 1; k >= Math.Max(sStart, hit.FirstToken - 4); k--)
        {
            if (text.Tokens[k].Kind != TokenKind.Word) return false;
            if (AnnounceVerbs.MatchesLoose(text, k)) return true;
            if (ComplementLinks.Matches(text, k) || Words.AttachedPreposition(text, k) is not null) return false;
        }
        return false;
    }

    private static readonly WordSet Participation = WordSet.Of("خرج", "خرجت", "خرجوا", "يخرج", "تخرج", "يخرجون", "شارك", "شاركت", "شاركوا", "يشارك", "تشارك",
        "يشاركون", "انضم", "انضمت", "انضموا", "سار", "ساروا", "نزل", "نزلوا", "مشاركة", "مشاركين", "مشاركون");

    /// <summary>A verb of taking part within the three words before the preposition.</summary>
    private static bool ParticipationBefore(ArabicText text, int preposition)
    {
        for (var k = preposition - 1; k >= Math.Max(0, preposition - 4); k--)
            if (Participation.Matches(text, k)) return true;
        return false;
    }

    private static readonly WordSet TopicPrepositions = WordSet.Of("في", "عن", "حول", "بشأن", "حيال", "إزاء", "خلال", "من", "منذ", "عدد", "أمام", "هامش");

    /// <summary>
    /// Whether a trigger states an event rather than naming a topic: a noun with no actor of its own, no place and no time
    /// (في المفاوضات, ظاهرة العنف), a weak word with no actor, or a definite noun that repeats an event already told
    /// (استمر اللقاء) is not coded.
    /// </summary>
    private static bool Evidenced(ArabicText text, TriggerHit hit, Argument? source, List<Argument> targets, LocationOut? location, string dateType,
        int cStart, int cEnd, List<EventOut> types)
    {
        // the country of the place (a target the coder infers) is no actor named by the text, but it does name a place
        var hasActor = source is not null || targets.Any(t => t.Rule != "place-country");
        var placed = location is not null || targets.Any(t => t.Rule == "place-country");
        if (hit.Weak && !hasActor) return false;
        if (!hit.IsNoun) return true;
        var ownArgument = source?.Rule is "genitive-subject" or "between" or "enclitic-antecedent" or "relative-subject" or "received-from" or "demonym-agent" || targets.Any(t => t.Rule is "genitive-object" or "between" || t.Rule.StartsWith("prep-", StringComparison.Ordinal));
        // "في المفاوضات" names a topic, but "خرجوا في مسيرة", "شاركوا في مظاهرة" tell the event itself
        if (hit.FirstToken > 0 && TopicPrepositions.Matches(text, hit.FirstToken - 1) && !ownArgument && !ParticipationBefore(text, hit.FirstToken - 1)) return false;
        if (!hasActor && !placed && dateType is "publication" or "unknown") return false;
        // a weak noun (اتفاق, قمة, وصول) whose only actor is one named before it in the clause, not its own argument, mostly
        // mentions an existing thing (خرق اتفاق وقف النار, على هامش القمة)
        // (violence, arrests and protests have their own test of specificity: a count, a day, a place)
        if (hit.Weak && !ownArgument && hit.Type is not ("ASSAULT" or "PROTEST" or "COERCE")) return false;
        var definite = text.Stems[hit.HeadToken].StartsWith("ال", StringComparison.Ordinal);
        if (definite && !ownArgument && types.Any(e => e.Type == hit.Type)) return false;
        return true;
    }

    private static double Confidence(TriggerHit hit, Argument? source, Argument? target, string modality)
    {
        var c = hit.Weak ? 0.4 : 0.6;
        if (source?.Actor is not null) c += 0.2;
        if (target?.Actor is not null) c += 0.1;
        if (modality != ModalityDetector.Asserted) c -= 0.05;
        return Math.Round(Math.Clamp(c, 0.05, 0.95), 2);
    }

    private static QuoteMention? QuoteAt(QuoteLayer? quotes, int offset)
    {
        if (quotes is null) return null;
        QuoteMention? best = null;
        foreach (var q in quotes.Mentions)
            if (q.Span.Start <= offset && offset < q.Span.End && (best is null || q.Span.Length < best.Span.Length)) best = q;
        return best;
    }

    /// <summary>The cue of the outermost quote around an offset (أعلن بوتين أن … الذي يقول إنه … دخل الخدمة → أعلن).</summary>
    private static TextSpan? OutermostCue(QuoteLayer? quotes, int offset)
    {
        if (quotes is null) return null;
        QuoteMention? best = null;
        foreach (var q in quotes.Mentions)
            if (q.Cue is not null && q.Span.Start <= offset && offset < q.Span.End && (best is null || q.Span.Length > best.Span.Length)) best = q;
        return best?.Cue;
    }

    private static Argument? Reporter(ArabicText text, EntityLayer? entities, QuoteMention q)
    {
        if (q.Speaker >= 0 && entities is not null)
        {
            var m = entities.Mentions[q.Speaker];
            return new Argument(q.SpeakerSpan is { } words && words.Start <= m.Span.Start && m.Span.End <= words.End ? words : m.Span, q.SpeakerActor ?? m.Actor, -1, "quote-speaker");
        }
        return q.SpeakerSpan is { } sp ? new Argument(sp, q.SpeakerActor, -1, "quote-speaker") : null;
    }

    private static ActorOut? ToActor(ArabicText text, Argument? a)
    {
        if (a is null) return null;
        var implicitActor = a.Span.IsEmpty; // inferred (the place's country), not named in the text
        return new ActorOut
        {
            Text = implicitActor ? null : text.Text[a.Span.Start..a.Span.End], Start = implicitActor ? null : a.Span.Start, End = implicitActor ? null : a.Span.End,
            Id = a.Actor?.Id, Name = a.Actor?.Name, Code = a.Actor?.Code, Country = a.Actor?.Country, Sector = a.Actor?.Sector,
        };
    }

    /// <summary>The time expression that governs the trigger: in its clause, else its sentence; else the publication date.</summary>
    private static (string? Date, string? DateText, string DateType) DateOf(ArabicText text, TimeLayer? times, TriggerHit hit, int cStart, int cEnd,
        int sStart, int sEnd, DateOnly? published)
    {
        if (times is not null)
        {
            TimeMention? best = null;
            var bestScore = int.MaxValue;
            foreach (var m in times.Mentions)
            {
                if (m.Value is null || m.Kind is "duration" or "set" or "time") continue;
                if (m.FirstToken < sStart || m.FirstToken >= sEnd) continue;
                var inClause = m.FirstToken >= cStart && m.FirstToken < cEnd;
                var dist = Math.Abs(m.FirstToken - hit.HeadToken) + (inClause ? 0 : 50);
                if (dist < bestScore) { bestScore = dist; best = m; }
            }
            if (best is not null) return (best.Value, text.Text[best.Span.Start..best.Span.End], best.IsRelative ? "relative" : "explicit");
        }
        return published is { } p ? (p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, "publication") : (null, null, "unknown");
    }

    private static bool IsAfter(string? value, DateOnly published) =>
        value is { Length: 10 } && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d > published;

    /// <summary>The place the event's clause names after في or بـ (في الكرملين, بالقاهرة).</summary>
    private static LocationOut? LocationOf(ArabicText text, EntityLayer? entities, TriggerHit hit, int cStart, int cEnd)
    {
        if (entities is null) return null;
        EntityMention? best = null;
        var bestDist = int.MaxValue;
        for (var i = 0; i < entities.Mentions.Count; i++)
        {
            var m = entities.Mentions[i];
            if (m.Place is null || m.FirstToken < cStart || m.FirstToken >= cEnd) continue;
            var prep = Governing.PrepositionOf(text, entities, i) ?? PrepositionOverPlaceNouns(text, m.FirstToken, cStart);
            if (prep is not ("في" or "ب")) continue;
            var dist = Math.Abs(m.FirstToken - hit.HeadToken);
            if (dist < bestDist) { bestDist = dist; best = m; }
        }
        if (best?.Place is not { } place) return null;
        return new LocationOut
        {
            Text = text.Text[best.Span.Start..best.Span.End], Start = best.Span.Start, End = best.Span.End,
            Name = place.Name, Country = place.Country, Lat = place.Lat, Lon = place.Lon,
        };
    }
}
