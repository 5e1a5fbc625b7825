using Hadath.Arabic;
using Hadath.Extraction.Common;

namespace Hadath.Extraction.Events;

/// <summary>An event argument: a noun phrase of mentions, or a synthetic actor (قواته → the forces of the last named leader).</summary>
/// <remarks><see cref="Coordinated"/> holds the subjects coordinated with this one (مصر والسودان أعربتا عن رفضهما): each acts.</remarks>
internal sealed record Argument(TextSpan Span, ActorRef? Actor, int Group, string Rule, IReadOnlyList<Argument>? Coordinated = null);

/// <summary>
/// A noun phrase made of adjacent entity mentions: a role and a name (الرئيس الروسي فلاديمير بوتين), or a head and the
/// genitive of its owner (المبعوث الخاص للرئيس الأمريكي ستيف ويتكوف). It stands for its named person if it has one,
/// else for its head.
/// </summary>
internal sealed record MentionGroup(int First, int Last, int FirstToken, int EndToken, TextSpan Span, int Representative, string? Sector = null);

/// <summary>
/// Assigns source and target to a trigger from Arabic clause structure: verb–subject–object and subject–verb–object
/// order, the preposition that introduces the target (على, مع, إلى, ضد, ل, من, بـ), passives (على يد, من قبل),
/// coordination (one target per conjunct in "مع كل من الصين وكوريا الشمالية وإيران"), the genitive of a verbal noun,
/// "بين X و Y", pronoun enclitics and possessives (قواته → the forces of the last named leader), and pro-drop within a
/// sentence. An actor that the text does not name is left null rather than guessed.
/// This file holds the noun phrases, the search for source and targets and the shared lookups; the constructions live in
/// ArgumentFinder.Objects (what an act is aimed at), ArgumentFinder.Violence (victims and agents of violence) and
/// ArgumentFinder.Clauses (subjects across clauses).
/// </summary>
internal sealed partial class ArgumentFinder
{
    private static readonly WordSet Fillers = WordSet.Of("قد", "أمس", "اليوم", "يوم", "مساء", "صباح", "أيضا", "أيضاً", "كذلك", "الأحد", "الإثنين", "الاثنين", "الثلاثاء",
        "الأربعاء", "الخميس", "الجمعة", "السبت", "الماضي", "الماضية", "رسميا", "رسمياً", "مجددا", "مجدداً", "فجر", "ليل", "ليلة", "ظهر", "الليلة", "الأسبوع", "الشهر", "العام",
        "أي", "أية", "كل", "جميع", "بعض", "سمو", "فخامة", "معالي", "سعادة", "جلالة", "سيادة", "صاحب", "السمو", "الملكي");

    private static readonly WordSet Demonstratives = WordSet.Of("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء", "أولئك");

    /// <summary>
    /// Agent nouns (without the article) and the sector they give: with a demonym they are an actor of that country
    /// (متظاهرون أفغان, دبابات روسية, الشرطة العراقية), with a pronoun enclitic an organisation of the referent (قواته,
    /// حكومتها). بلاد and دولة stand for the country itself (empty sector).
    /// </summary>
    private static readonly Dictionary<string, string> AgentNouns = new (string Sector, string Nouns)[]
    {
        ("MIL", "قوات قوة جيش جنود جندي مقاتلي مقاتلو وحدة طائرات مقاتلات دبابات مدفعية بحرية عناصر قوات"),
        ("REB", "مسلحون مسلحين مسلحي مسلحو متمردون متمردين مقاتلون مقاتلين قراصنة انتحاري انتحاريون"),
        ("GOV", "حكومة حكومات إدارة سلطات مسؤولون مسؤولين مسؤولي مسؤولو وزارة سفارة قادة دبلوماسيي وزراء"),
        ("COP", "شرطة أمن أجهزة"),
        ("CVL", "متظاهر متظاهرون متظاهرين محتج محتجون محتجين مواطن مواطنون مواطنين مدنيون مدنيين نشطاء ناشطون ناشطين مستوطنون مستوطنين مستوطني أنصار مؤيدي مؤيدو"),
        ("EDU", "طلاب طلبة"),
        ("LAB", "عمال"),
        ("REF", "لاجئون لاجئين"),
        ("", "بلاد دولة"),
    }.SelectMany(g => g.Nouns.Split(' ').Select(n => (Noun: Normalizer.Normalize(n), g.Sector))).DistinctBy(p => p.Noun)
     .ToDictionary(p => p.Noun, p => p.Sector, StringComparer.Ordinal);

    /// <summary>Agent nouns that with a pronoun are no body (قوتها: its strength, وحدتها: its unity, أمنها: its security).</summary>
    private static readonly WordSet NotPossessive = WordSet.Of("قوة", "وحدة", "أمن");

    /// <summary>The sector of an agent noun, with or without the article.</summary>
    private static bool TryAgentNoun(string stem, out string sector) =>
        AgentNouns.TryGetValue(stem.StartsWith("ال", StringComparison.Ordinal) && stem.Length > 3 ? stem[2..] : stem, out sector!);

    private readonly ArabicText _text;

    private readonly EntityLayer? _entities;

    private readonly List<MentionGroup> _groups = [];

    private readonly int[] _groupAt;

    public ArgumentFinder(ArabicText text, EntityLayer? entities)
    {
        _text = text;
        _entities = entities;
        _groupAt = new int[text.Tokens.Count];
        Array.Fill(_groupAt, -1);
        if (entities is not null) BuildGroups(entities);
    }

    public IReadOnlyList<MentionGroup> Groups => _groups;

    private void BuildGroups(EntityLayer entities)
    {
        var mentions = entities.Mentions;
        var i = 0;
        while (i < mentions.Count)
        {
            if (!Governing.IsActorMention(_text, entities, i))
            {
                // an agent noun with a demonym (متظاهرون أفغان, مسلحون صوماليون, وحدة إسرائيلية, الشرطة العراقية) is an actor of
                // that country even when the knowledge base does not list the pair
                if (AgentWithDemonym(entities, i) is { } agent)
                {
                    for (var t = agent.FirstToken; t < agent.EndToken; t++) _groupAt[t] = _groups.Count;
                    _groups.Add(agent);
                }
                i++;
                continue;
            }
            var last = i;
            while (last + 1 < mentions.Count && Adjacent(mentions[last], mentions[last + 1]) && JoinsPhrase(entities, last, last + 1)) last++;
            var rep = i;
            for (var k = i; k <= last; k++)
                if (mentions[k].Kind == EntityKind.Person && !mentions[k].IsNominal) { rep = k; break; }
            var g = new MentionGroup(i, last, mentions[i].FirstToken, mentions[last].EndToken, new TextSpan(mentions[i].Span.Start, mentions[last].Span.End), rep);
            for (var t = g.FirstToken; t < g.EndToken; t++) _groupAt[t] = _groups.Count;
            _groups.Add(g);
            i = last + 1;
        }
    }

    /// <summary>A demonym right after an agent noun that no mention covers: the pair as an actor group.</summary>
    private MentionGroup? AgentWithDemonym(EntityLayer entities, int mention)
    {
        var m = entities.Mentions[mention];
        if (m.Kind != EntityKind.Norp || m.Actor?.Country is null || m.FirstToken == 0) return null;
        var prev = m.FirstToken - 1;
        if (_groupAt[prev] >= 0 || entities.MentionAt(prev) >= 0 || _text.Tokens[prev].Kind != TokenKind.Word) return null;
        if (!TryAgentNoun(_text.Stems[prev], out var sector) || sector.Length == 0) return null;
        return new MentionGroup(mention, mention, prev, m.EndToken, new TextSpan(_text.Tokens[prev].Stem.Start, m.Span.End), mention, sector);
    }

    /// <summary>Next to each other, or with one or two definite modifiers between (الرئيس الروسي السابق دميتري ميدفيديف).</summary>
    private bool Adjacent(EntityMention a, EntityMention b)
    {
        // a noun phrase never runs across a sentence or a line (a headline and the byline under it)
        if (_text.SentenceAt(a.Span.Start) != _text.SentenceAt(b.Span.Start)) return false;
        var gap = b.FirstToken - a.EndToken;
        if (gap == 0) return true;
        // رئيس دولة فلسطين, وزير خارجية مصر: one construct noun between a role and its country
        if (gap == 1 && a.IsNominal && b.Kind == EntityKind.Gpe && _text.Tokens[a.EndToken].Kind == TokenKind.Word &&
            !_text.Stems[a.FirstToken].StartsWith("ال", StringComparison.Ordinal) &&
            !_text.Stems[a.EndToken].StartsWith("ال", StringComparison.Ordinal) && _text.Tokens[a.EndToken].ProcliticLength == 0 &&
            !SoundPluralNominative(a.EndToken - 1)) return true;
        if (gap > 2 || !a.IsNominal || b.Kind != EntityKind.Person || b.IsNominal) return false;
        for (var t = a.EndToken; t < b.FirstToken; t++)
            if (_text.Tokens[t].Kind != TokenKind.Word || !_text.Stems[t].StartsWith("ال", StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>A sound masculine plural with its ن (متظاهرون, مسؤولون): never the first term of a construct (متظاهرون أعلام
    /// إسرائيل is no role of Israel's).</summary>
    private bool SoundPluralNominative(int token) =>
        _text.Tokens[token].EncliticLength == 0 && _text.Stems[token] is { Length: > 5 } st && st.EndsWith("ون", StringComparison.Ordinal);

    /// <summary>Whether mention <paramref name="next"/> continues the phrase of <paramref name="prev"/>: a name after a role,
    /// a genitive owner (للرئيس الأمريكي), or a name after a role-bearing head.</summary>
    private bool JoinsPhrase(EntityLayer entities, int prev, int next)
    {
        var a = entities.Mentions[prev];
        var b = entities.Mentions[next];
        if (!Governing.IsActorMention(_text, entities, next)) return false;
        if (HasConjunction(next)) return false;
        // an honorific with a pronoun (فخامته, سموه) refers to someone named elsewhere: it starts no part of this phrase
        if (_text.Tokens[b.FirstToken].EncliticLength > 0) return false;
        var prep = Governing.PrepositionOf(_text, entities, next);
        if (prep == "ل") return a.IsNominal || a.Kind == EntityKind.Org; // المبعوث الخاص للرئيس, المكتب الصحفي للرئاسة
        if (prep is not null) return false;
        if (a.IsNominal && b.Kind == EntityKind.Person && !b.IsNominal) return true; // الرئيس الروسي فلاديمير بوتين
        // an indefinite role noun in construct with its country: رئيس (دولة) فلسطين, وزير خارجية مصر (not الرئيس الفرنسي الجزائر)
        if (a.IsNominal && a.Kind is EntityKind.Person or EntityKind.Org && b.Kind is EntityKind.Gpe &&
            !_text.Stems[a.FirstToken].StartsWith("ال", StringComparison.Ordinal)) return true;
        // a name after a role and its country: رئيس دولة فلسطين محمود عباس
        if (a.Kind is EntityKind.Gpe && b.Kind == EntityKind.Person && !b.IsNominal && prev > 0 && entities.Mentions[prev - 1].IsNominal &&
            Adjacent(entities.Mentions[prev - 1], a)) return true;
        // stacked titles of one person (ولي العهد نائب رئيس مجلس الوزراء), but not two people of two countries (استقبل الرئيس
        // الجزائري وزير الخارجية الفرنسي: subject and object)
        return a.IsNominal && b.IsNominal && a.Kind == b.Kind && a.Kind == EntityKind.Person &&
               !(a.Actor?.Country is { } ca && b.Actor?.Country is { } cb && ca != cb);
    }

    private bool HasConjunction(int mention)
    {
        var e = _entities!.Mentions[mention];
        var tok = _text.Tokens[e.FirstToken];
        for (var i = tok.Start; i < e.Span.Start; i++)
            if (_text.Text[i] == 'و') return true;
        return tok.ProcliticLength > 0 && _text.Text[tok.Start] == 'و' && tok.Start < e.Span.Start + 1 && e.Span.Start > tok.Start;
    }

    /// <summary>The group covering token <paramref name="token"/>, or -1.</summary>
    public int GroupAt(int token) => token >= 0 && token < _groupAt.Length ? _groupAt[token] : -1;

    /// <summary>The preposition governing a group (its first mention).</summary>
    public string? PrepositionOf(int group)
    {
        var g = _groups[group];
        if (g.Sector is null || g.FirstToken >= _entities!.Mentions[g.First].FirstToken) return Governing.PrepositionOf(_text, _entities!, g.First);
        // an agent group starts at its noun: a preposition attached to it or standing before it
        return PrepositionAt(g.FirstToken);
    }

    /// <summary>Source and targets of a trigger; the targets are one per conjunct.</summary>
    public (Argument? Source, List<Argument> Targets) Find(TriggerHit hit, int clauseStart, int clauseEnd, int sentenceStart, int sentenceEnd, Argument? lastSubject,
        Argument? impliedSubject = null, string? speakerCountry = null)
    {
        _speakerCountry = speakerCountry;
        // a flag, effigy or portrait burned or torn (أحرقوا أعلام إسرائيل, العلم الأمريكي): the protest is aimed at its owner
        if (hit.Type == "PROTEST" && FlagOwner(hit, clauseEnd) is { } owner)
        {
            var (flagSource, _) = FindCore(hit, clauseStart, clauseEnd, sentenceStart, sentenceEnd, lastSubject, impliedSubject);
            if (flagSource is { Group: >= 0 } && flagSource.Group == owner.Group) flagSource = null;
            return (flagSource, [owner]);
        }
        return FindCore(hit, clauseStart, clauseEnd, sentenceStart, sentenceEnd, lastSubject, impliedSubject);
    }

    private (Argument? Source, List<Argument> Targets) FindCore(TriggerHit hit, int clauseStart, int clauseEnd, int sentenceStart, int sentenceEnd, Argument? lastSubject,
        Argument? impliedSubject)
    {
        Argument? source = null;
        var targets = new List<Argument>();
        var afterTrigger = hit.EndToken;
        var afterHead = hit.IsNoun ? hit.EndToken : hit.HeadToken + 1;

        // an unvocalised verb followed by على يد / من قبل is read as a passive (اعتقل ناشط على يد القوات)
        // so is a verb of violence or arrest followed by a count (قتل 13 عراقيا, اعتقل خمسة أشخاص): the counted are its patients
        var passive = hit.Passive || (!hit.IsNoun && PassiveAgent(afterTrigger, clauseEnd) >= 0) || CountedPatients(hit, afterHead, clauseStart);
        if (passive)
        {
            var subj = GroupAfter(hit, afterHead, clauseEnd, maxGap: 4);
            if (subj < 0) subj = GroupBefore(hit.FirstToken, clauseStart);
            if (subj >= 0) targets.Add(Patient(subj));
            var agent = PassiveAgent(afterTrigger, sentenceEnd);
            if (agent >= 0) source = Arg(agent, "passive-agent");
            else if (hit.Type == "ASSAULT") source = ClaimedBy(sentenceStart, sentenceEnd) ?? (hit.IsNoun ? null : CauseAgent(subj >= 0 ? Math.Max(afterHead, _groups[subj].EndToken) : afterHead, clauseEnd));
            return (source, targets);
        }

        // "بين X و Y" after a noun of meeting or fighting: X is the source, Y the target (not a crossing reopened between
        // two places: إعادة فتح معبر رفح بين مصر وقطاع غزة)
        for (var k = afterTrigger; hit.Type is "CONSULT" or "AGREE" or "COOPERATE" or "ASSAULT" or "REJECT" or "SUPPORT" && k < Math.Min(sentenceEnd, afterTrigger + 6); k++)
        {
            if (_text.Stems[k] != "بين") continue;
            var a = GroupAfterAny(k + 1, sentenceEnd);
            if (a < 0) break;
            var conj = Conjuncts(a, sentenceEnd);
            // the second party may come after the first one's titles (بين الأمير عبدالله ولي العهد نائب رئيس مجلس الوزراء وفخامة الرئيس بوش)
            if (conj.Count < 2 && SecondParty(_groups[a].EndToken, sentenceEnd) is var second and >= 0) conj.Add(second);
            if (conj.Count >= 2)
            {
                source = Arg(conj[0], "between");
                for (var c = 1; c < conj.Count; c++) targets.Add(Arg(conj[c], "between"));
                return (source, targets);
            }
            break;
        }

        var subjectAfter = -1;
        if (impliedSubject is not null && !hit.IsNoun)
        {
            // a first-person verb in a direct quote: the speaker acts, what follows the verb is the object (أدعو القوات …)
            source = impliedSubject;
        }
        else if (!hit.IsNoun && ReceivedFrom(hit, clauseStart, clauseEnd) is { } recv)
        {
            (source, var recipient) = recv;
            if (recipient is not null) targets.Add(recipient);
            return (source, targets);
        }
        else if (!hit.IsNoun && hit.FirstToken > 0 && RelativePronounAt(hit.FirstToken - 1))
        {
            // a verb right after a relative pronoun (العملية التي استهدفت المسلحين) has the antecedent as its subject; what
            // follows it is its object, not its subject
            var antecedent = hit.FirstToken >= 2 ? GroupAt(hit.FirstToken - 2) : -1;
            if (antecedent >= 0 && !PlaceOnly(antecedent) && PrepositionOf(antecedent) is null) source = Arg(antecedent, "relative-antecedent");
        }
        else if (!hit.IsNoun)
        {
            // SVO with the subject right before the verb (وزير الخارجية يلتقي الرئيس الفلسطيني): what follows is the object;
            // a verb led by و (وقدمت) continues an earlier verb and has no subject right before it
            var coordinated = CoordinatedVerb(hit);
            // a complementizer with a pronoun right before the verb (قالت الحكومة إنها تدعو فرنسا) is its subject: the
            // speaker the sentence carries; what follows is the object
            var pronounSubject = hit.FirstToken > 0 && Words.IsPronounComplementizer(_text, hit.FirstToken - 1);
            if (pronounSubject && lastSubject is not null) source = lastSubject with { Rule = "complementizer-pronoun", Coordinated = null };
            var svo = coordinated || pronounSubject ? -1 : GroupBefore(hit.FirstToken, Math.Max(clauseStart, hit.FirstToken - 2));
            if (svo >= 0 && _groups[svo].EndToken >= hit.FirstToken - 1 && VictimBefore(hit, afterHead, clauseEnd))
            {
                // the people before a verb of killing or kidnapping with no object after it are its victims (جنديان عراقيان
                // قتلا بانفجار عبوة): an unvocalised passive; the agent is what caused it, if the sentence says
                targets.Add(Patient(svo));
                source = CauseAgent(afterHead, clauseEnd) ?? (hit.Type == "ASSAULT" ? ClaimedBy(sentenceStart, sentenceEnd) : null);
                return (source, targets);
            }
            if (svo >= 0 && _groups[svo].EndToken >= hit.FirstToken - 1) source = Arg(FirstConjunct(svo, clauseStart), "svo-subject");
            // people loyal to or belonging to a body right before the verb (المتشددون الموالون لحركة طالبان اختطفوا) act for it
            else if (!coordinated && !pronounSubject && svo < 0 && AffiliatedBefore(hit.FirstToken) is var loyal and >= 0 && !VictimBefore(hit, afterHead, clauseEnd))
                source = Arg(loyal, "affiliated-subject");
            else if (!PluralVerb(hit) && !pronounSubject)
            {
                // VSO: the subject follows the verb (after fillers, time words and the expression's own words); a verb that
                // agrees in the plural (هاجموا, يتظاهرون) has its subject before it, so what follows is its object
                // (a count after a verb that takes a direct object counts its object: قصفت مجموعة من المتمردين)
                subjectAfter = GroupAfter(hit, afterHead, clauseEnd, maxGap: 4, countedPeople: hit.TargetForm != TargetForm.DirectObject);
                // جرح الوزير في تفجير سيارة: the one named after a verb of killing or wounding followed by its cause is the victim
                if (subjectAfter >= 0 && VictimVerbs.Matches(_text, hit.HeadToken) && hit.Form == "perfect" && CauseFollows(_groups[subjectAfter].EndToken, clauseEnd))
                {
                    targets.Add(Patient(subjectAfter));
                    return (CauseAgent(_groups[subjectAfter].EndToken, clauseEnd) ?? (hit.Type == "ASSAULT" ? ClaimedBy(sentenceStart, sentenceEnd) : null), targets);
                }
                if (subjectAfter >= 0) source = Arg(subjectAfter, "vso-subject");
            }
            // the coordinated verb's subject is its first verb's (استدعت الوزارة السفير … وقدمت له احتجاجا)
            if (source is null && coordinated && (lastSubject ?? (hit.Type is "ASSAULT" or "COERCE" ? ComplementSubject(sentenceStart, hit.FirstToken) : null) ??
                                                  OpeningSubject(sentenceStart, hit.FirstToken)) is { } earlier)
                source = earlier with { Rule = "coordinated-verb" };
        }
        else
        {
            // تلقى X اتصالا/برقية تهنئة من Y: Y acts on X
            if (ReceivedFrom(hit, clauseStart, clauseEnd) is { } received)
            {
                (source, var recipient) = received;
                if (recipient is not null) targets.Add(recipient);
                return (source, targets);
            }
            // a relative clause with a resumptive pronoun names the actor: اتهامات وجهتها كوريا الشمالية, هجوم شنته قوات
            // (the relative pronoun opens a clause of its own: الهجوم الذي شنته إيران)
            var rel = RelativeVerbSubject(hit.EndToken, RelativePronounAt(hit.EndToken) ? Clauses.Of(_text, hit.EndToken + 1).End : clauseEnd);
            if (rel >= 0) { source = Arg(rel, "relative-subject"); subjectAfter = rel; }
            // with no subject after it, the relative verb's subject is the one the sentence carries (غارات جوية شنتها على القطاع)
            else if (rel == NoSubjectNamed && lastSubject is not null) source = lastSubject with { Rule = "relative-pro-drop", Coordinated = null };
            // a verbal noun with a pronoun enclitic (اتهامها, رفضه, شكره): the pronoun is its agent, so what follows it, bare or
            // with ل, is its object (اتهامها حماس, دعمها لأوكرانيا, رفضه التعنت الإثيوبي)
            // a verbal noun of killing, kidnapping or arrest with a pronoun and no object after it (لدى خطفهم، بعد اعتقاله):
            // the pronoun is its patient, the last actor named before it
            if (source is null && _text.Tokens[hit.HeadToken].EncliticLength > 0 && hit.Type is "ASSAULT" or "COERCE" &&
                PatientMasdars.Matches(_text, hit.HeadToken) && ObjectAfterPossessed(hit, clauseEnd, sentenceEnd) is null &&
                GroupBefore(hit.FirstToken, sentenceStart - 1, anyPreposition: true, crossSentences: 1) is var victim and >= 0)
            {
                var by = PassiveAgent(afterTrigger, sentenceEnd);
                return (by >= 0 && by != victim ? Arg(by, "passive-agent") : null, [Patient(victim)]);
            }
            var possessed = source is null && _text.Tokens[hit.HeadToken].EncliticLength > 0;
            if (possessed && ObjectAfterPossessed(hit, clauseEnd, sentenceEnd) is { } obj) targets.Add(obj);
            // the genitive of a verbal noun: its object (اعتقال X) or its subject (هجوم X على)
            var gen = source is null && !possessed ? GroupAfter(hit, afterTrigger, clauseEnd, maxGap: 1) : -1;
            // a part of a body as the genitive (قتل العشرات من المسلحين الفلسطينيين, اعتقال عدد من أعضاء الحركة): the
            // object, for a verbal noun that takes one
            if (gen < 0 && source is null && !possessed && hit.TargetForm == TargetForm.DirectObject && afterTrigger < clauseEnd && PartitiveHead(afterTrigger) &&
                GroupAfterAny(afterTrigger + 1, Math.Min(clauseEnd, afterTrigger + 4)) is var part and >= 0 && IsPartitive(part))
                gen = part;
            // the people of a body named before as the genitive, or one or some of them (مقتل أحد جنوده، اعتقال عدد من
            // عناصرها): the object, as that body
            if (gen < 0 && source is null && !possessed && hit.TargetForm == TargetForm.DirectObject && OwnPeopleAfter(afterTrigger, clauseEnd, sentenceStart) is { } own)
                targets.Add(own);
            if (gen >= 0)
            {
                // (an active participle takes an object, not a genitive subject: مطالبين الحكومة)
                if (hit.TargetForm == TargetForm.DirectObject || hit.Form == "participle" || DemandParticiples.Matches(_text, hit.HeadToken)) targets.AddRange(Conjuncts(gen, clauseEnd).Select(m => Arg(m, "genitive-object")));
                else { source = Arg(gen, "genitive-subject"); subjectAfter = gen; }
            }
            // a pronoun enclitic on the noun (تهديده, استقباله), or a possessive له/لها after it (زيارة هي الخامسة له),
            // refers to the last named actor
            if (source is null && (_text.Tokens[hit.HeadToken].EncliticLength > 0 || PossessivePronounAfter(hit.EndToken, clauseEnd)))
            {
                // the pronoun refers to the subject of the sentence when it has one (اتهمت السلطات حماس … بعد اتهامها), else
                // to the last named person or body
                var ante = GroupBefore(hit.FirstToken, sentenceStart - 1, personOrOrg: true, anyPreposition: true, crossSentences: 2);
                if (lastSubject is { Group: >= 0 } && lastSubject.Span.End <= _text.Tokens[hit.FirstToken].Start) source = lastSubject with { Rule = "enclitic-antecedent", Coordinated = null };
                else if (ante >= 0) source = Arg(ante, "enclitic-antecedent");
            }
        }
        // a verbal noun qualified by a demonym (غارة جوية إسرائيلية, القصف الروسي, ضربة جوية أميركية) is that country's act
        // (a weak noun is a thing, not an act: الصاروخ الروسي is a Russian missile)
        if (source is null && hit.IsNoun && !hit.Weak && DemonymAgent(hit, clauseEnd) is { } byDemonym) source = byDemonym;
        // a verbal noun that is the object of a verb of carrying on or of deciding (واصل الاحتلال القصف, أكدت السلطات تعليق
        // إدخال المساعدات): the verb's subject acts
        // (an announcer of violence is no agent of it: أعلنت الشرطة مقتل ثلاثة أشخاص)
        var announcedOnly = false;
        if (source is null && hit.IsNoun && GoverningVerbSubject(hit, sentenceStart, lastSubject, out announcedOnly) is { } governor) source = governor;
        // SVO or a fronted subject: the nearest actor before the trigger in its clause, not governed by a preposition (the
        // first of coordinated subjects: وقعت الحكومة وجبهة تيغراي على اتفاق)
        if (source is null)
        {
            // (not the victims of an earlier verb: جرح الوزير في تفجير سيارة — the bombing is not the minister's)
            var before = announcedOnly ? -1 : GroupBefore(hit.FirstToken, clauseStart);
            // (the people before a verb of killing with no object after it are its victims, however far before it:
            // ثمانية أشخاص بينهم ثلاثة أجانب … قتلوا في هجوم)
            if (before >= 0 && !_patients.Contains(before) && !hit.IsNoun && targets.Count == 0 && VictimBefore(hit, afterHead, clauseEnd))
            {
                targets.Add(Patient(before));
                source = CauseAgent(afterHead, clauseEnd);
            }
            else if (before >= 0 && !_patients.Contains(before)) source = Arg(FirstConjunct(before, clauseStart), "svo-subject");
        }
        // a facility that only sits in a country (معبر رفح, سد النهضة) is acted on, never an actor
        if (source is { Group: >= 0 } && PlaceOnly(source.Group)) source = null;
        // an attack whose responsibility someone claims (تبنت حركة X الهجوم، أعلن التنظيم مسؤوليته عن، نُسب إلى المتمردين)
        if (source is null && hit.Type == "ASSAULT") source = ClaimedBy(sentenceStart, sentenceEnd);
        // the cause of a death or injury names its agent (قتلوا جراء ضربة جوية أميركية)
        if (source is null && !hit.IsNoun && hit.Type == "ASSAULT") source = CauseAgent(afterHead, clauseEnd);
        // a possessive agent noun (قواته) earlier in the sentence: the forces of the last named leader
        source ??= PossessiveAgent(Math.Max(sentenceStart, clauseStart - 12), hit.FirstToken + (hit.IsNoun ? 0 : 4), sentenceStart);
        // pro-drop: the subject of an earlier clause of the same sentence
        if (source is null && lastSubject is not null && !hit.IsNoun) source = lastSubject with { Rule = "pro-drop" };
        // a circumstantial participle (مشيدا بـ, مرحبا بـ, مطالبا بـ) describes the subject of the sentence's opening verb
        if (source is null && Circumstantial(hit) && OpeningSubject(sentenceStart, hit.FirstToken) is { } opener) source = opener with { Rule = "circumstantial-subject" };

        // targets: the phrase after a target preposition, else (transitive verbs) the direct object right after the subject
        if (targets.Count == 0 && hit.TargetForm != TargetForm.None)
        {
            var from = subjectAfter >= 0 ? _groups[subjectAfter].EndToken : afterHead;
            var limit = Math.Min(sentenceEnd, Math.Max(clauseEnd, from + 12));
            var gap = 0;
            for (var k = from; k < limit; k++)
            {
                var g = GroupAt(k);
                if (g < 0 && !IsPartToken(hit, k) && PossessiveAgentAt(k, sentenceStart) is { } body && PrepositionAt(k) is var bodyPrep &&
                    ((bodyPrep is not null && hit.TargetPrepositions.Contains(bodyPrep)) || (bodyPrep is null && hit.TargetForm == TargetForm.DirectObject && !hit.IsNoun && gap <= 1)))
                {
                    // the body of someone named before (أطاح الجيش بحكومتها)
                    targets.Add(body with { Rule = bodyPrep is null ? "possessive-object" : "prep-" + bodyPrep });
                    break;
                }
                if (g < 0 && !IsPartToken(hit, k) && hit.TargetForm == TargetForm.DirectObject && !hit.IsNoun && gap <= 1 && PrepositionAt(k) is null &&
                    MemberOf(k, limit) is var body2 and >= 0)
                {
                    targets.Add(Arg(body2, "member-of"));
                    break;
                }
                if (g < 0 && !IsPartToken(hit, k) && Followers.Matches(_text, k) && GroupAt(k + 1) is var fg and >= 0 && _groups[fg].FirstToken == k + 1 &&
                    PrepositionOf(fg) is null && PrepositionAt(k) is var followersPrep &&
                    ((followersPrep is not null && hit.TargetPrepositions.Contains(followersPrep)) || (followersPrep is null && hit.TargetForm == TargetForm.DirectObject && !hit.IsNoun && gap <= 1)))
                {
                    // the supporters or followers of someone (هجوم على أنصار زعيمة المعارضة بوتو) are acted on for them
                    targets.Add(Arg(fg, "followers-of"));
                    break;
                }
                if (g < 0 && !IsPartToken(hit, k) && DemonymPhrase(k, limit) is { } thing)
                {
                    // a thing of a country as the object (استهدف ناقلة النفط الإسرائيلية, رفض التعنت الإثيوبي)
                    var thingPrep = PrepositionAt(k);
                    if (thingPrep is not null && hit.TargetPrepositions.Contains(thingPrep)) { targets.Add(thing with { Rule = "prep-" + thingPrep }); break; }
                    if (thingPrep is null && hit.TargetForm == TargetForm.DirectObject && !hit.IsNoun && gap <= 1) { targets.Add(thing); break; }
                }
                if (g < 0 && !IsPartToken(hit, k) && gap == 0 && (!hit.IsNoun || hit.Form == "participle") && OwnerOfObject(hit, k, limit) is { } owner)
                {
                    // the author of the thing acted on (رفضت الخطوات التي تتخذها إثيوبيا, أشاد بالجهود التي تبذلها مصر)
                    targets.Add(owner);
                    break;
                }
                if (g < 0 || (source is not null && source.Group == g) || IsPartToken(hit, k))
                {
                    var tk = _text.Tokens[k];
                    var quoteMark = tk.Kind == TokenKind.Punctuation && TextNav.IsQuoteMark(_text.Text[tk.Start]);
                    // a comma-delimited adverbial between subject and object (، مساء الأحد، في مقر إقامته بالقاهرة،)
                    if (g < 0 && (TextNav.IsPunct(_text, k, '،') || TextNav.IsPunct(_text, k, ',')) && AdverbialUntilComma(k + 1, limit) is var skip and > 0)
                    {
                        k = skip - 1; // land on the closing comma: another adverbial may follow it
                        continue;
                    }
                    if (g < 0 && !IsPartToken(hit, k) && !TimeFiller(k) && !quoteMark) gap++;
                    // a word led by و opens a coordinate phrase (ومقره واشنطن): what follows is not the verb's object
                    if (g < 0 && tk.Kind == TokenKind.Word && tk.ProcliticLength > 0 && _text.Text[tk.Start] == 'و') gap += 2;
                    continue;
                }
                var prep = PrepositionOf(g);
                var viaPrep = prep is not null && hit.TargetPrepositions.Contains(prep);
                // (a partitive's head and من are not a gap: خطفت 23 من الكوريين, اعتقلت عددا من الناشطين)
                var partitive = IsPartitive(g);
                var direct = (prep is null || partitive) && hit.TargetForm == TargetForm.DirectObject && !hit.IsNoun && (gap <= 1 || (partitive && gap <= 3)) && !HasConjunction(_groups[g].First);
                if (viaPrep || direct)
                {
                    targets.AddRange(Conjuncts(g, sentenceEnd).Select(c => Arg(c, viaPrep ? "prep-" + prep : "direct-object")));
                    break;
                }
                // the owner of counted people acted on (أفرجت عن 20 أسيرا للاحتلال, اعتقلت خمسة عناصر لحماس)
                if (prep == "ل" && (CountedNounBefore(_groups[g].FirstToken) ||
                                    (hit.TargetForm == TargetForm.DirectObject && !hit.IsNoun && gap <= 3 && AffiliationWords.Matches(_text, _groups[g].FirstToken - 1))))
                {
                    targets.Add(Arg(g, "owner-of-object"));
                    break;
                }
                gap++;
                k = _groups[g].EndToken - 1;
            }
        }
        // a preposition with a pronoun by the verb (قدمت له احتجاجا, طلبت منه المغادرة): the pronoun's antecedent, the
        // last actor named before the verb other than its subject
        if (targets.Count == 0 && !hit.IsNoun && PronounTarget(hit, sentenceStart, source) is { } referent) targets.Add(referent);
        // the same after the subject of a relative clause (الهجوم الذي شنته إيران عليها): the one the pronoun refers back to
        if (targets.Count == 0 && source is { Rule: "relative-subject", Group: >= 0 } && _groups[source.Group].EndToken is var afterRel &&
            afterRel < sentenceEnd && PrepositionPronoun(afterRel) is { } relPrep && hit.TargetPrepositions.Contains(relPrep) &&
            PronounAntecedent(hit.FirstToken, sentenceStart, source, lastSubject, personOrOrg: false) is { } relReferent)
            targets.Add(relReferent);
        // an expression that ends in a verbal noun with a pronoun enclitic (أعرب عن رفضه): what follows is its object
        if (targets.Count == 0 && hit.EndToken - 1 > hit.HeadToken && _text.Tokens[hit.EndToken - 1].EncliticLength > 0 &&
            ObjectAfterPossessed(hit, sentenceEnd, sentenceEnd) is { } exprObject && exprObject.Group != source?.Group)
            targets.Add(exprObject);
        // coordinated subjects: of a reciprocal act (اتفقت الولايات المتحدة وإيران, اشتبك الجيش والمسلحون) the first acts on the
        // others; of any other act each one acts (مصر والسودان أعربتا عن رفضهما, طالبت فرنسا وألمانيا بـ)
        if (source is { Group: >= 0 } && source.Rule is "vso-subject" or "svo-subject" && Conjuncts(source.Group, sentenceEnd) is { Count: > 1 } subjects)
        {
            if (targets.Count == 0 && hit.Type is "AGREE" or "CONSULT" or "COOPERATE" or "ASSAULT")
                for (var c = 1; c < subjects.Count; c++) targets.Add(Arg(subjects[c], "coordinated-subject"));
            else if (hit.Type is not ("AGREE" or "CONSULT"))
                source = source with { Coordinated = [.. subjects.Skip(1).Where(g => targets.All(t => t.Group != g)).Select(g => Arg(g, source.Rule))] };
        }
        // an attack's victims told by its consequence (الهجوم، الذي أودى بحياة سبعة أفغان; تفجير أسفر عن مقتل جنديين أميركيين)
        if (targets.Count == 0 && hit.Type == "ASSAULT" && hit.IsNoun && ConsequenceVictims(hit.EndToken, sentenceEnd) is var victims and >= 0 &&
            (source is null || source.Group != victims))
            targets.AddRange(Conjuncts(victims, sentenceEnd).Select(Patient));
        // a protest is aimed at what it protests against: احتجاجا على زيارة بوش, ضد أنابوليس, للتنديد بإعدام الرئيس العراقي
        if (targets.Count == 0 && hit.Type == "PROTEST" && ProtestObject(hit.FirstToken, sentenceEnd, source?.Group ?? -1) is var po and >= 0 && (source is null || source.Group != po))
            targets.Add(Arg(po, "protest-object"));
        // or at the body whose seat it goes to or stands at (أمام السفارة الأردنية، إلى مقر رئيس الوزراء، حول مقر سفارة إستونيا)
        // (not for a weak noun, which the site would make an event: لمسيرة المنتخب … أمام أوزبكستان)
        if (targets.Count == 0 && hit.Type == "PROTEST" && !(hit.IsNoun && hit.Weak) && ProtestSite(hit.EndToken, Math.Max(clauseEnd, Math.Min(sentenceEnd, hit.EndToken + 12))) is { } site &&
            (source is null || source.Group < 0 || source.Group != site.Group))
            targets.Add(site);
        // or at whom its demands are addressed (مطالبين الحكومة التركية بالتدخل، داعين رئيس الوزراء إلى …)
        if (targets.Count == 0 && hit.Type == "PROTEST" && DemandAddressee(hit.EndToken, sentenceEnd) is var da and >= 0 && (source is null || source.Group != da))
            targets.Add(Arg(da, "demand-addressee"));
        if (source is not null) targets.RemoveAll(t => t.Group >= 0 && t.Group == source.Group);
        // a warning or threat without a named recipient is aimed at the other party the sentence names after it
        // (حذر ميدفيديف من أن الحرب قد تؤدي إلى صراع بين روسيا والولايات المتحدة → USA)
        if (targets.Count == 0 && hit.Type == "THREATEN" && OtherParty(hit, sentenceEnd, source) is { } other) targets.Add(other);
        return (source, targets);
    }

    private bool PlaceOnly(int group)
    {
        var rep = _entities!.Mentions[_groups[group].Representative];
        return rep.Kind == EntityKind.Fac && rep.EntryId is not null && rep.Actor?.Sector is null;
    }

    private static readonly WordSet RoundCounts = WordSet.Of("عشرات", "العشرات", "مئات", "المئات", "آلاف", "الآلاف", "الاف", "ألوف", "الألوف");

    /// <summary>A word that only counts the people after it: a round count in construct (مئات الطلاب, آلاف المتظاهرين) or the
    /// من of a partitive (العشرات من المتظاهرين, نحو 1500 من المحتجين).</summary>
    private bool CountBeforePeople(int token) =>
        RoundCounts.Matches(_text, token) || (_text.Stems[token] == "من" && token > 0 && PartitiveHead(token - 1));

    /// <summary>The preposition governing the word at a token: attached (بـ, لـ) or the word before it.</summary>
    private string? PrepositionAt(int token)
    {
        return Words.AttachedPreposition(_text, token) ?? (token > 0 && IsPrepositionWord(token - 1) ? _text.Stems[token - 1] : null);
    }

    /// <summary>A preposition written as its own word (normalised: على → علي, إلى → الي).</summary>
    private bool IsPrepositionWord(int token) => _text.Stems[token] is "في" or "من" or "علي" or "الي" or "مع" or "عن" or "ضد" or "بين";

    private string? _dominantCountry;

    private string? _speakerCountry;

    private bool _dominantDone;

    /// <summary>A mention's head noun without the article (الجيش → جيش), to find the same body named earlier.</summary>
    private string HeadNoun(int token)
    {
        var stem = _text.Stems[token];
        return stem.StartsWith("ال", StringComparison.Ordinal) && stem.Length > 3 ? stem[2..] : stem;
    }

    /// <summary>How many earlier mentions a body without a country looks back over for the same body named with one.</summary>
    private const int ContextWindow = 400;

    private string? ContextCountry(int beforeToken, string sector, string head)
    {
        if (_entities is null) return null;
        // the mentions are in text order: start at the last one before the token, and look back a bounded way
        var mentions = _entities.Mentions;
        var (lo, hi) = (0, mentions.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (mentions[mid].FirstToken < beforeToken) lo = mid + 1; else hi = mid;
        }
        for (var i = lo - 1; i >= Math.Max(0, lo - ContextWindow); i--)
        {
            var m = mentions[i];
            if (m.Actor is { Country: { } c, Sector: { } s } && s == sector && HeadNoun(m.FirstToken) == head) return c;
        }
        // people (متظاهرون, مواطنون) are no body of the document's country: the place of their act says where they are from
        if (sector == "CVL") return null;
        // in someone's words, "the government" with no country is the speaker's own
        if (_speakerCountry is not null) return _speakerCountry;
        if (!_dominantDone)
        {
            _dominantDone = true;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var total = 0;
            foreach (var m in _entities.Mentions)
            {
                if (m.Kind is not (EntityKind.Gpe or EntityKind.Person or EntityKind.Org) || m.Actor?.Country is not { Length: 3 } c) continue;
                counts[c] = counts.GetValueOrDefault(c) + 1;
                total++;
            }
            var best = counts.OrderByDescending(kv => kv.Value).FirstOrDefault();
            if (total >= 3 && best.Value * 2 > total) _dominantCountry = best.Key;
        }
        return _dominantCountry;
    }

    /// <summary>A noun trigger that refers back to an event already told (هذا التحذير).</summary>
    public bool IsAnaphoric(TriggerHit hit) => hit.FirstToken > 0 && Demonstratives.Matches(_text, hit.FirstToken - 1);

    private static bool IsPartToken(TriggerHit hit, int token) => token >= hit.FirstToken && token < hit.EndToken && hit.PartTokens.Contains(token);

    private Argument Arg(int group, string rule)
    {
        var g = _groups[group];
        var m = _entities!.Mentions[g.Representative];
        var actor = m.Actor;
        if (g.Sector is { } agentSector && actor?.Country is { } agentCountry)
            return new Argument(g.Span, new ActorRef(null, null, agentCountry + agentSector, agentCountry, agentSector), group, rule);
        if (actor is null && m.Antecedent >= 0) actor = _entities.Mentions[m.Antecedent].Actor;
        if (actor is null)
            for (var k = g.First; k <= g.Last && actor is null; k++) actor = _entities.Mentions[k].Actor;
        // a body named without its country (الجيش, الحكومة, السلطات) is the one of the same kind named earlier with a
        // country (جيش ميانمار … الجيش), else of the country the document is mostly about
        if (actor is { Country: null, Sector: { } sector } && ContextCountry(g.FirstToken, sector, HeadNoun(m.FirstToken)) is { } cc)
            actor = actor with { Country = cc, Code = cc + sector };
        return new Argument(g.Span, actor, group, rule);
    }

    /// <summary>The first group starting in [from, limit) with only fillers, time words, quotation marks and the trigger's
    /// own words before it, not governed by a preposition.</summary>
    private int GroupAfter(TriggerHit hit, int from, int limit, int maxGap, bool countedPeople = false)
    {
        var gap = 0;
        for (var k = from; k < limit && gap <= maxGap; k++)
        {
            var g = GroupAt(k);
            if (g >= 0 && _groups[g].FirstToken == k)
                return PrepositionOf(g) is null || IsPartitive(g) ? g : -1;
            if (IsPartToken(hit, k)) continue;
            // a part of a body (قوة من الشرطة, عناصر من الجيش, العشرات من المستوطنين) acts for it
            if (PartitiveHead(k)) { gap++; continue; }
            if (countedPeople && CountBeforePeople(k)) { gap++; continue; }
            var tok = _text.Tokens[k];
            if (TimeFiller(k) || TextNav.IsPunct(_text, k, '،') || TextNav.IsPunct(_text, k, ',') || Words.IsCount(_text, k) ||
                (tok.Kind == TokenKind.Punctuation && TextNav.IsQuoteMark(_text.Text[tok.Start]))) { gap++; continue; }
            return -1;
        }
        return -1;
    }

    private int GroupAfterAny(int from, int limit)
    {
        for (var k = from; k < Math.Min(limit, from + 6); k++)
        {
            var g = GroupAt(k);
            if (g >= 0) return g;
        }
        return -1;
    }

    /// <summary>The nearest group ending before <paramref name="before"/> and at or after <paramref name="floor"/>.</summary>
    private int GroupBefore(int before, int floor, bool personOrOrg = false, bool anyPreposition = false, int crossSentences = 0)
    {
        if (_entities is null) return -1;
        var start = Math.Max(0, floor);
        if (crossSentences > 0)
        {
            var s = _text.SentenceAt(_text.Tokens[Math.Min(before, _text.Tokens.Count - 1)].Start);
            start = _text.TokensOf(Math.Max(0, s - crossSentences)).Start.Value;
        }
        for (var k = before - 1; k >= start; k--)
        {
            var g = GroupAt(k);
            if (g < 0) continue;
            k = _groups[g].FirstToken;
            var rep = _entities.Mentions[_groups[g].Representative];
            if (personOrOrg && rep.Kind is not (EntityKind.Person or EntityKind.Org) && !(rep.IsNominal && rep.Actor is not null)) continue;
            if (!anyPreposition && ((PrepositionOf(g) is not null && !IsPartitive(g)) || ConjunctOfGoverned(g))) continue;
            return g;
        }
        return -1;
    }

    private static readonly WordSet OneOf = WordSet.Of("أحد", "احد", "إحدى", "احدى");

    /// <summary>An agent noun with a pronoun enclitic right after a verbal noun, or after أحد/إحدى or a partitive head (أحد جنوده،
    /// عدد من عناصرها): the body of its antecedent, or null.</summary>
    private Argument? OwnPeopleAfter(int from, int clauseEnd, int sentenceStart)
    {
        var k = from;
        if (k < clauseEnd && OneOf.Matches(_text, k)) k++;
        else if (k < clauseEnd && PartitiveHead(k)) k += _text.Stems[k + 1] == "من" ? 2 : 3;
        return k < clauseEnd && PossessiveAgentAt(k, sentenceStart) is { } body ? body with { Rule = "possessive-object" } : null;
    }

    /// <summary>The group and the ones coordinated with it (X و Y، Z و W), within the limit.</summary>
    private List<int> Conjuncts(int first, int limit)
    {
        var list = new List<int> { first };
        var cur = first;
        while (true)
        {
            var k = _groups[cur].EndToken;
            if (k >= limit) break;
            var comma = TextNav.IsPunct(_text, k, '،') || TextNav.IsPunct(_text, k, ',');
            if (comma) k++;
            // X و Y, and X أو Y (لم تطلب مساعدة من مصر أو السودان: one event per conjunct)
            var waToken = k < limit && _text.Stems[k] is "و" or "او";
            if (waToken) k++;
            var g = k < limit ? GroupAt(k) : -1;
            if (g < 0 || g == cur || _groups[g].FirstToken != k) break;
            var joined = waToken || HasConjunction(_groups[g].First) || (comma && list.Count > 0 && NextIsCoordinated(g, limit));
            if (!joined) break;
            list.Add(g);
            cur = g;
        }
        return list;
    }

    /// <summary>The first group of the coordination that <paramref name="group"/> ends (X و Y → X).</summary>
    private int FirstConjunct(int group, int floor)
    {
        var g = group;
        while (g > 0 && HasConjunction(_groups[g].First))
        {
            var prev = g - 1;
            var between = _groups[g].FirstToken - _groups[prev].EndToken;
            if (_groups[prev].FirstToken < floor || between > 1 || PrepositionOf(prev) is not null) break;
            if (between == 1 && !(TextNav.IsPunct(_text, _groups[prev].EndToken, '،') || _text.Stems[_groups[prev].EndToken] == "و")) break;
            g = prev;
        }
        return g;
    }

    /// <summary>A conjunct whose first conjunct is governed by a preposition (في تل أبيب وواشنطن): governed too.</summary>
    private bool ConjunctOfGoverned(int group)
    {
        var g = FirstConjunct(group, 0);
        if (g == group && HasConjunction(_groups[group].First) && group > 0)
        {
            // FirstConjunct stops at a governed conjunct; look at the one right before
            var prev = group - 1;
            var between = _groups[group].FirstToken - _groups[prev].EndToken;
            return between <= 1 && PrepositionOf(prev) is not null;
        }
        return g != group && PrepositionOf(g) is not null;
    }

    /// <summary>In a comma list (X، Y و Z) a conjunct after a comma is coordinated when the list ends with و.</summary>
    private bool NextIsCoordinated(int group, int limit)
    {
        var k = _groups[group].EndToken;
        if (k < limit && (TextNav.IsPunct(_text, k, '،') || TextNav.IsPunct(_text, k, ','))) k++;
        var g = k < limit ? GroupAt(k) : -1;
        return g >= 0 && HasConjunction(_groups[g].First);
    }
}
