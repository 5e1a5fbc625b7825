using Hadath.Arabic;
using Hadath.Extraction.Common;

namespace Hadath.Extraction.Events;

/// <summary>An event argument: an entity mention, or a synthetic actor (قواته → the forces of the last named leader).</summary>
internal sealed record Argument(TextSpan Span, ActorRef? Actor, int Mention, string Rule);

/// <summary>
/// Assigns source and target to a trigger from Arabic clause structure: verb–subject–object and subject–verb–object
/// order, the preposition that introduces the target (على, مع, إلى, ضد, ل, من, بـ), passives (على يد, من قبل),
/// coordination (one target per conjunct in "مع كل من الصين وكوريا الشمالية وإيران"), the genitive of a verbal noun,
/// "بين X و Y", pronoun enclitics and possessives (قواته → the forces of the last named leader), and pro-drop within a
/// sentence. An actor that the text does not name is left null rather than guessed.
/// </summary>
internal sealed class ArgumentFinder(ArabicText text, EntityLayer? entities)
{
    private static readonly WordSet Fillers = WordSet.Of("قد", "أمس", "اليوم", "يوم", "مساء", "صباح", "أيضا", "أيضاً", "كذلك", "الأحد", "الإثنين", "الاثنين", "الثلاثاء",
        "الأربعاء", "الخميس", "الجمعة", "السبت", "الماضي", "الماضية", "رسميا", "رسمياً", "مجددا", "مجدداً", "فجر", "ليل", "ليلة", "ظهر", "الليلة", "الأسبوع", "الشهر", "العام");
    private static readonly WordSet PassiveAgents = WordSet.Of("يد", "قبل", "أيدي");

    /// <summary>Agent nouns that, with a pronoun enclitic, stand for an organisation of the referent (قواته, حكومتها).</summary>
    private static readonly (string Noun, string Sector)[] PossessiveAgents =
    [
        ("قوات", "MIL"), ("جيش", "MIL"), ("جنود", "MIL"), ("قواتها", "MIL"), ("مقاتلي", "MIL"), ("مقاتلو", "MIL"), ("حكومة", "GOV"), ("إدارة", "GOV"),
        ("شرطة", "COP"), ("أجهزة", "SPY"), ("دبلوماسيي", "GOV"), ("وزراء", "GOV"), ("أنصار", "CVL"), ("مؤيدي", "CVL"), ("مؤيدو", "CVL"),
    ];
    private static readonly Dictionary<string, string> PossessiveAgentIndex = PossessiveAgents.ToDictionary(p => Normalizer.Normalize(p.Noun), p => p.Sector);

    public ArabicText Text { get; } = text;

    /// <summary>Source and targets of a trigger; the targets are one per conjunct.</summary>
    public (Argument? Source, List<Argument> Targets) Find(TriggerHit hit, int clauseStart, int clauseEnd, int sentenceStart, int sentenceEnd, Argument? lastSubject)
    {
        Argument? source = null;
        var targets = new List<Argument>();
        var afterTrigger = hit.EndToken;

        // an unvocalised verb followed by على يد / من قبل is read as a passive (اعتقل ناشط على يد القوات)
        var passive = hit.Passive || (!hit.IsNoun && PassiveAgent(afterTrigger, clauseEnd) >= 0);
        if (passive)
        {
            // the subject after (or before) the passive verb is the target; على يد / من قبل introduces the source
            var subj = MentionAfter(afterTrigger, clauseEnd, allowPreposition: false, maxGap: 4);
            if (subj < 0) subj = MentionBefore(hit.FirstToken, clauseStart);
            if (subj >= 0) targets.Add(Arg(subj, "passive-subject"));
            var agent = PassiveAgent(afterTrigger, sentenceEnd);
            if (agent >= 0) source = Arg(agent, "passive-agent");
            return (source, targets);
        }

        // "بين X و Y" after a noun of meeting or fighting: X is the source, Y the target
        if (hit.IsNoun && afterTrigger < clauseEnd + 2)
        {
            for (var k = afterTrigger; k < Math.Min(sentenceEnd, afterTrigger + 4); k++)
            {
                if (Text.Stems[k] != "بين") continue;
                var a = MentionAfter(k + 1, sentenceEnd, allowPreposition: false, maxGap: 2);
                if (a < 0) break;
                var conj = Conjuncts(a, sentenceEnd);
                if (conj.Count >= 2)
                {
                    source = Arg(conj[0], "between");
                    for (var c = 1; c < conj.Count; c++) targets.Add(Arg(conj[c], "between"));
                    return (source, targets);
                }
                break;
            }
        }

        var subjectAfter = -1;
        if (!hit.IsNoun)
        {
            // VSO: the subject follows the verb (after fillers and time words)
            subjectAfter = MentionAfter(afterTrigger, clauseEnd, allowPreposition: false, maxGap: 4);
            if (subjectAfter >= 0) source = Arg(subjectAfter, "vso-subject");
        }
        else
        {
            // the genitive of a verbal noun: its object (اعتقال X) or its subject (هجوم X على)
            var gen = MentionAfter(afterTrigger, clauseEnd, allowPreposition: false, maxGap: 1);
            if (gen >= 0)
            {
                if (hit.TargetForm == TargetForm.DirectObject) targets.AddRange(Conjuncts(gen, clauseEnd).Select(m => Arg(m, "genitive-object")));
                else { source = Arg(gen, "genitive-subject"); subjectAfter = gen; }
            }
            // a pronoun enclitic on the noun (تهديده, استقباله) refers to the last named actor
            if (source is null && Text.Tokens[hit.HeadToken].EncliticLength > 0)
            {
                var ante = MentionBefore(hit.FirstToken, sentenceStart - 1, personOrOrg: true, anyPreposition: true, crossSentences: 2);
                if (ante >= 0) source = Arg(ante, "enclitic-antecedent");
            }
        }
        // SVO or a fronted subject: the nearest actor before the trigger in its clause, not governed by a preposition
        if (source is null)
        {
            var before = MentionBefore(hit.FirstToken, clauseStart);
            if (before >= 0) source = Arg(before, "svo-subject");
        }
        // a possessive agent noun (قواته) in the clause: the forces of the last named leader
        source ??= PossessiveAgent(Math.Max(clauseStart, hit.FirstToken - 4), hit.FirstToken + (hit.IsNoun ? 0 : 4), sentenceStart);
        // pro-drop: the subject of an earlier clause of the same sentence
        if (source is null && lastSubject is not null && !hit.IsNoun) source = lastSubject with { Rule = "pro-drop" };
        if (source is null && hit.IsNoun)
        {
            // a noun inside a clause whose verb has a subject: رد ترامب على التحذير بإصدار أمر بإعادة تمركز
            var subj = MentionBefore(hit.FirstToken, sentenceStart, personOrOrg: false, anyPreposition: false, maxDistance: 12);
            if (subj >= 0) source = Arg(subj, "clause-subject");
        }

        // targets: the entity after a target preposition, else (transitive verbs) the direct object
        if (targets.Count == 0 && hit.TargetForm != TargetForm.None)
        {
            var from = subjectAfter >= 0 && entities is not null ? entities.Mentions[subjectAfter].EndToken : afterTrigger;
            var limit = Math.Min(sentenceEnd, Math.Max(clauseEnd, from + 12));
            for (var k = from; k < limit; k++)
            {
                var m = entities?.MentionAt(k) ?? -1;
                if (m < 0 || !IsActorLike(m) || (source is not null && source.Mention == m)) continue;
                var prep = PrepositionOf(m);
                var ok = prep is not null && hit.TargetPrepositions.Contains(prep)
                         || (prep is null && hit.TargetForm == TargetForm.DirectObject && !hit.IsNoun);
                if (ok)
                {
                    targets.AddRange(Conjuncts(m, sentenceEnd).Select(c => Arg(c, prep is null ? "direct-object" : "prep-" + prep)));
                    break;
                }
                k = entities!.Mentions[m].EndToken - 1;
            }
        }
        if (source is not null) targets.RemoveAll(t => t.Mention >= 0 && t.Mention == source.Mention);
        return (source, targets);
    }

    private Argument Arg(int mention, string rule)
    {
        var m = entities!.Mentions[mention];
        var actor = m.Actor;
        if (actor is null && m.Antecedent >= 0) actor = entities.Mentions[m.Antecedent].Actor;
        return new Argument(m.Span, actor, mention, rule);
    }

    private bool IsActorLike(int m)
    {
        var e = entities!.Mentions[m];
        return e.Actor is not null || e.Kind is EntityKind.Person or EntityKind.Org or EntityKind.Gpe or EntityKind.Norp;
    }

    /// <summary>The first actor-like mention starting in [from, limit) with only fillers and time words before it.</summary>
    private int MentionAfter(int from, int limit, bool allowPreposition, int maxGap)
    {
        if (entities is null) return -1;
        var gap = 0;
        for (var k = from; k < limit && gap <= maxGap; k++)
        {
            var m = entities.MentionAt(k);
            if (m >= 0 && entities.Mentions[m].FirstToken == k)
            {
                if (!IsActorLike(m)) return -1;
                if (!allowPreposition && PrepositionOf(m) is not null) return -1;
                return m;
            }
            if (Fillers.Matches(Text, k) || TextNav.IsPunct(Text, k, '،') || TextNav.IsPunct(Text, k, ',')) { gap++; continue; }
            if (Text.Tokens[k].Kind == TokenKind.Number) { gap++; continue; }
            return -1;
        }
        return -1;
    }

    /// <summary>The nearest actor-like mention ending before <paramref name="before"/> and at or after <paramref name="floor"/>.</summary>
    private int MentionBefore(int before, int floor, bool personOrOrg = false, bool anyPreposition = false, int crossSentences = 0, int maxDistance = int.MaxValue)
    {
        if (entities is null) return -1;
        var start = Math.Max(0, floor);
        if (crossSentences > 0)
        {
            var s = Text.SentenceAt(Text.Tokens[Math.Min(before, Text.Tokens.Count - 1)].Start);
            start = Text.TokensOf(Math.Max(0, s - crossSentences)).Start.Value;
        }
        for (var k = before - 1; k >= start && before - k <= maxDistance; k--)
        {
            var m = entities.MentionAt(k);
            if (m < 0) continue;
            var e = entities.Mentions[m];
            k = e.FirstToken;
            if (!IsActorLike(m)) continue;
            if (personOrOrg && e.Kind is not (EntityKind.Person or EntityKind.Org) && !(e.IsNominal && e.Actor is not null)) continue;
            if (!anyPreposition && PrepositionOf(m) is not null) continue;
            return m;
        }
        return -1;
    }

    /// <summary>على يد X / من قبل X / بيد X after a passive verb.</summary>
    private int PassiveAgent(int from, int limit)
    {
        for (var k = from; k < Math.Min(limit, from + 12); k++)
        {
            if (!PassiveAgents.Matches(Text, k) || k == 0) continue;
            var prev = Text.Stems[k - 1];
            if (prev is "علي" or "من" || Text.Tokens[k].ProcliticLength > 0)
            {
                var m = MentionAfter(k + 1, limit, allowPreposition: false, maxGap: 1);
                if (m >= 0) return m;
            }
        }
        return -1;
    }

    /// <summary>An agent noun with a pronoun enclitic (قواته): the agent of the last named country or leader.</summary>
    private Argument? PossessiveAgent(int from, int to, int sentenceStart)
    {
        for (var k = Math.Max(0, from); k < Math.Min(to, Text.Tokens.Count); k++)
        {
            var tok = Text.Tokens[k];
            if (tok.Kind != TokenKind.Word) continue;
            var stem = Text.Stems[k];
            string? sector = null;
            if (tok.EncliticLength > 0 && PossessiveAgentIndex.TryGetValue(stem, out var s1)) sector = s1;
            else
            {
                foreach (var suffix in (ReadOnlySpan<string>)["ه", "ها", "هم"])
                    if (stem.Length > suffix.Length + 2 && stem.EndsWith(suffix, StringComparison.Ordinal) && PossessiveAgentIndex.TryGetValue(stem[..^suffix.Length], out var s2)) { sector = s2; break; }
            }
            if (sector is null) continue;
            var ante = MentionBefore(k, sentenceStart - 1, personOrOrg: false, anyPreposition: true, crossSentences: 3);
            if (ante < 0) continue;
            var a = entities!.Mentions[ante];
            var actor = a.Actor ?? (a.Antecedent >= 0 ? entities.Mentions[a.Antecedent].Actor : null);
            if (actor?.Country is null) continue;
            var code = actor.Country + sector;
            return new Argument(tok.Span, new ActorRef(null, null, code, actor.Country, sector), -1, "possessive");
        }
        return null;
    }

    /// <summary>The mention and the ones coordinated with it (X و Y، Z و W), within the limit.</summary>
    private List<int> Conjuncts(int first, int limit)
    {
        var list = new List<int> { first };
        var cur = first;
        while (true)
        {
            var k = entities!.Mentions[cur].EndToken;
            if (k >= limit) break;
            if (TextNav.IsPunct(Text, k, '،') || TextNav.IsPunct(Text, k, ',')) k++;
            if (k < limit && Text.Stems[k] == "و") k++;
            var m = k < limit ? entities.MentionAt(k) : -1;
            if (m < 0 || m == cur || entities.Mentions[m].FirstToken != k || !IsActorLike(m)) break;
            // the next conjunct must be joined by و (a proclitic or a token) or a comma
            var joined = k > entities.Mentions[cur].EndToken || HasProclitic(m, 'و');
            if (!joined) break;
            list.Add(m);
            cur = m;
        }
        return list;
    }

    private bool HasProclitic(int mention, char c)
    {
        var e = entities!.Mentions[mention];
        var tok = Text.Tokens[e.FirstToken];
        for (var i = tok.Start; i < e.Span.Start; i++)
            if (Text.Text[i] == c) return true;
        for (var i = 0; i < tok.ProcliticLength; i++)
            if (Text.Text[tok.Start + i] == c && tok.Start + i < e.Span.Start + 1) return true;
        return false;
    }

    /// <summary>The normalised preposition that governs a mention (see <see cref="Governing.PrepositionOf"/>).</summary>
    public string? PrepositionOf(int mention) => Governing.PrepositionOf(Text, entities!, mention);
}
