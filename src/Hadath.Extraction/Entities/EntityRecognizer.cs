using Hadath.Arabic;
using Hadath.Core.Model;
using Hadath.Knowledge.Kb;
using Hadath.Extraction.Common;

namespace Hadath.Extraction.Entities;

/// <summary>
/// Finds the entities of a document and links them to the knowledge base: gazetteer spotting over the tokens
/// (with proclitics taken off: وبوتين, للكرملين, لأوكرانيا), longest match first; agent nouns with a country
/// (الرئيس الروسي, القوات الروسية, مسؤولون أوكرانيون, إدارة ترامب); title + name and given name + name for people the
/// knowledge base does not know; within-document coreference of partial names (بوتين after فلاديمير بوتين) and of
/// role nouns (الرئيس → the last named president). Writes the <see cref="EntityLayer"/> (every mention, nominal
/// ones included) and the named entities of the output. Built once; thread-safe; keeps no state between documents.
/// </summary>
public sealed class EntityRecognizer : IPipelineComponent
{
    private readonly KnowledgeBase _kb;

    public EntityRecognizer(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        _kb = knowledgeBase;
    }

    public string Name => "entities";
    public IReadOnlyCollection<string> Requires { get; } = ["tokens"];
    public IReadOnlyCollection<string> Provides { get; } = ["entities"];

    public KnowledgeBase KnowledgeBase => _kb;

    public void Process(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = Execute(context.Text, context.Published);
        var mentions = run.Mentions;
        context.Set(new EntityLayer(mentions, context.Text.Tokens.Count));
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (!Reported(m) || (m.IsNominal && !run.NamedBodies.Contains(i))) continue;
            context.Output.Entities.Add(new EntityOut
            {
                Text = m.Span.Of(context.Text.Text).ToString(),
                Start = m.Span.Start,
                End = m.Span.End,
                Type = TypeName(m.Kind),
                Actor = m.Actor is { } a && (a.Id is not null || a.Country is not null) ? new ActorInfo(a.Id, a.Name, a.Code, a.Country, a.Sector) : null,
            });
        }
    }

    /// <summary>
    /// True for mentions that may be written to the output: named ones, and nominal bodies of two or more words; of
    /// these, the component reports only bodies whose agent noun names an institution (الجيش الروسي, إدارة ترامب,
    /// وزارة الخارجية), not groups of people (القوات الروسية, السلطات الإسرائيلية), which stay in the entity layer.
    /// </summary>
    public static bool Reported(EntityMention m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Kind == EntityKind.Norp) return false;
        // a body is reported when its words name it (الجيش الروسي, إدارة ترامب, مجلس الوزراء), not a bare noun (الحكومة, قوة)
        return !m.IsNominal || (m.Kind == EntityKind.Org && m.EndToken - m.FirstToken >= 2);
    }

    public static string TypeName(EntityKind kind) => kind switch
    {
        EntityKind.Person => "PERSON",
        EntityKind.Org => "ORG",
        EntityKind.Gpe => "GPE",
        EntityKind.Loc => "LOC",
        EntityKind.Fac => "FAC",
        _ => "NORP",
    };

    /// <summary>All mentions of a text, in text order, with actors resolved for <paramref name="published"/>.</summary>
    public List<EntityMention> Recognize(ArabicText text, DateOnly? published) => Execute(text, published).Mentions;

    private Run Execute(ArabicText text, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        var run = new Run(_kb, text, published);
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            var (from, to) = text.TokensOf(s).GetOffsetAndLength(text.Tokens.Count);
            run.Sentence(from, from + to);
        }
        run.DefaultCountries();
        return run;
    }

    /// <summary>The state of one document's recognition.</summary>
    private sealed class Run
    {
        private readonly KnowledgeBase _kb;
        private readonly ArabicText _text;
        private readonly DateOnly? _date;
        private readonly TokenKeys _keys;
        private readonly NameTrie _trie;
        // entry index → first mention of it (for partial names and weak variants)
        private readonly Dictionary<int, int> _seenEntry = [];
        // token id of an unknown person's family name → its mention
        private readonly Dictionary<int, int> _seenSurname = [];

        public Run(KnowledgeBase kb, ArabicText text, DateOnly? date)
        {
            _kb = kb;
            _text = text;
            _date = date;
            _trie = kb.Trie;
            _keys = new TokenKeys(text, kb.Trie, ArabicLexicon.Default);
        }

        public List<EntityMention> Mentions { get; } = [];

        /// <summary>Nominal mentions that name an institution and are reported as ORG entities.</summary>
        public HashSet<int> NamedBodies { get; } = [];

        /// <summary>
        /// People and places the knowledge base does not know, and bodies named without a country (مجلس الوزراء), take
        /// the country of the nearest earlier mention with one in the same sentence, else the document's most
        /// mentioned country: news names its own country's people and offices without saying whose they are.
        /// </summary>
        public void DefaultCountries()
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var m in Mentions)
                if (m.EntryId is not null && m.Actor?.Country is { Length: 3 } c && _kb.CountryCodes.Contains(c) && m.Actor.Sector is not ("IGO" or "MED"))
                    counts[c] = counts.GetValueOrDefault(c) + 1;
            var main = counts.Count == 0 ? null : counts.MaxBy(kv => kv.Value).Key;
            for (var i = 0; i < Mentions.Count; i++)
            {
                var m = Mentions[i];
                var unknown = m.EntryId is null && !m.IsNominal && m.Kind is EntityKind.Person or EntityKind.Gpe or EntityKind.Org && m.Actor?.Country is null;
                var body = m.IsNominal && m.Kind == EntityKind.Org && m.Actor?.Country is null && m.Antecedent < 0 && m.EndToken - m.FirstToken >= 2;
                if (!unknown && !body) continue;
                var sentence = _text.SentenceAt(m.Span.Start);
                string? country = null;
                for (var j = i - 1; j >= 0 && country is null; j--)
                {
                    if (_text.SentenceAt(Mentions[j].Span.Start) != sentence) break;
                    // a person takes only one close by (الوزير الأردني سمير الرفاعي, رئيس وزراء الصومال نور عدي): an actor
                    // further back in the sentence is as often the one acting on him (ردت إسرائيل عبر اغتيال عماد مغنية)
                    if (m.Kind == EntityKind.Person && Mentions[j].EndToken < m.FirstToken - 3) break;
                    // (a news outlet or an international body quoted on the way says nothing of whose the name is)
                    if (Mentions[j].Actor is { Country: { Length: 3 } cj, Sector: not ("MED" or "IGO") } && _kb.CountryCodes.Contains(cj)) country = cj;
                }
                country ??= main;
                if (country is null) continue;
                var sector = m.Actor?.Sector;
                m.Actor = new ActorRef(null, null, country + sector, country, sector);
            }
        }

        private readonly record struct Match(int Start, int End, int Prefix, int Node, bool Elided = false)
        {
            /// <summary>Where the mention starts in its first token: after the proclitics, but at لل when the article is elided (للأمم المتحدة).</summary>
            public int SpanPrefix => Elided ? Prefix - 1 : Prefix;
        }

        // the sentence being read is about sport: club names (النصر, ليفربول) name clubs
        private bool _sports;

        public void Sentence(int from, int to)
        {
            var sports = 0;
            for (var i = from; i < to && sports < 2; i++) sports += NameWords.SportsWeight(_text, i);
            _sports = sports >= 2;
            var t = from;
            var afterTitle = false;
            while (t < to)
            {
                var next = Step(t, to, ref afterTitle);
                t = next > t ? next : t + 1;
            }
        }

        /// <summary>Recognises what starts at token <paramref name="t"/>; returns the token after it.</summary>
        private int Step(int t, int to, ref bool afterTitle)
        {
            var title = afterTitle;
            afterTitle = false;
            var m = Longest(t, to, title, out var entry, out var agent);
            if (agent >= 0 && entry < 0 && _kb.Agents[agent].Has(AgentFlags.Cue))
                return CuePhrase(m, to, agent);
            if (agent >= 0 && entry < 0 && !_kb.Agents[agent].Has(AgentFlags.Head) && HeadAt(m.Node) is var headAgent and >= 0)
            {
                // وزارة المالية, هيئة الطاقة الذرية: a body named by a head noun and its complement
                var h = HeadPhrase(m, to, headAgent);
                if (h > m.End) return h;
            }
            if (agent >= 0 && entry < 0 && _kb.Agents[agent].Has(AgentFlags.Head))
            {
                var h = HeadPhrase(m, to, agent);
                if (h > m.End) return h;
                // a head alone: "الفريق" may still be a title (الفريق أول …)
                var title2 = SecondAgent(m.Node, agent);
                if (title2 >= 0) return AgentPhrase(m, to, title2, ref afterTitle);
                return m.End;
            }
            if (agent >= 0 && entry < 0)
                return AgentPhrase(m, to, agent, ref afterTitle);
            if (entry >= 0 && _kb.Entries[entry].Kind == KbKind.Person && m.End < to && m.Prefix == 0 && NameWords.Is(_text, m.End, NameWords.Connectors))
            {
                // حمد بن خليفة is not حمد: a longer name the knowledge base does not know
                var longer = UnknownPerson(t, to, afterTitle: true);
                if (longer > m.End) return longer;
            }
            if (entry >= 0 && _kb.Entries[entry].Kind == KbKind.Place && m.End < to && NameWords.Is(_text, m.End, NameWords.ClubSuffixes))
            {
                var country = _kb.Entries[entry].Country;
                Add(m.Start, m.End + 1, m.SpanPrefix, EntityKind.Org, new ActorRef(null, null, country + "BUS", country, "BUS"), nominal: false, entryId: null, place: null);
                return m.End + 1;
            }
            // صلاة المغرب, بعد أذان المغرب: the sunset prayer, not Morocco
            if (entry >= 0 && m.End == t + 1 && m.Prefix == 0 && _text.Stems[t] == "المغرب" && NameWords.Is(_text, t - 1, NameWords.PrayerWords))
                return m.End;
            if (entry >= 0)
            {
                AddEntry(m, entry);
                return m.End;
            }
            if (Parenthesised(t, m, out var agency)) return agency;
            if (Acronym(t)) return t + 1;
            if (m.End > t && OnlyDemonym(m, out var dem))
            {
                var d = _kb.Demonyms[dem];
                Add(m.Start, m.End, m.SpanPrefix, EntityKind.Norp, new ActorRef(null, null, d.Country, d.Country, null), nominal: true, entryId: null, place: null);
                // البرازيلي فيليبي ماسا, الروسية ماريا شارابوفا: a definite singular nisba introduces a person like a title
                afterTitle = m.End == t + 1 && m.End < to && SingularNisba(t, m.Prefix) && (IsGivenName(m.End, out var weakName) && !weakName || NameWords.IsForeignLike(_text, m.End));
                return m.End;
            }
            if (NameWords.Is(_text, t, NameWords.Honorifics))
            {
                afterTitle = true;
                return t + 1;
            }
            if (Surname(t)) return t + 1;
            if (UnknownPlace(t, to) is var place && place > t) return place;
            var end = UnknownPerson(t, to, title);
            if (end == t) end = BracketedNumberPerson(t, to);
            return end > t ? end : t + 1;
        }

        // ------------------------------------------------------------ matching

        /// <summary>The longest acceptable match at <paramref name="t"/>, with the entry or agent it stands for (-1 if none).</summary>
        private Match Longest(int t, int to, bool afterTitle, out int entry, out int agent)
        {
            Span<TokenKeys.Variant> variants = stackalloc TokenKeys.Variant[6];
            var nv = _keys.Variants(t, variants);
            var best = new Match(t, t, 0, -1);
            entry = -1;
            agent = -1;
            for (var v = 0; v < nv; v++)
            {
                var node = _trie.Next(NameTrie.Root, variants[v].Id);
                var k = t + 1;
                while (node >= 0)
                {
                    var payloads = _trie.At(node);
                    if (payloads.Length > 0 && k > best.End)
                    {
                        var cand = new Match(t, k, variants[v].Prefix, node, variants[v].Elided);
                        var e = ChooseEntry(payloads, cand, afterTitle);
                        var a = ChooseAgent(payloads);
                        var other = e < 0 && a < 0 && HasKind(payloads, NameKind.Demonym);
                        if (e >= 0 || a >= 0 || other)
                        {
                            best = cand;
                            entry = e;
                            agent = a;
                        }
                    }
                    if (k >= to) break;
                    node = _trie.Next(node, _keys.Id(k));
                    k++;
                }
            }
            return best;
        }

        private static bool HasKind(ReadOnlySpan<NameRef> payloads, NameKind kind)
        {
            foreach (var p in payloads)
                if (p.Kind == kind) return true;
            return false;
        }

        private bool OnlyDemonym(Match m, out int demonym)
        {
            demonym = -1;
            if (m.Node < 0) return false;
            foreach (var p in _trie.At(m.Node))
                if (p.Kind == NameKind.Demonym) { demonym = p.Index; return true; }
            return false;
        }

        /// <summary>True when token <paramref name="t"/> (from <paramref name="prefix"/>) is a definite singular nisba: الفرنسي, الفرنسية.</summary>
        private bool SingularNisba(int t, int prefix)
        {
            var w = _text.Tokens[t].Span.Of(_text.Text)[prefix..];
            return w.Length > 4 && w.StartsWith("ال", StringComparison.Ordinal) && (w[^1] == 'ي' || w.EndsWith("ية", StringComparison.Ordinal) || w.EndsWith("يه", StringComparison.Ordinal));
        }

        private int ChooseAgent(ReadOnlySpan<NameRef> payloads)
        {
            foreach (var p in payloads)
                if (p.Kind == NameKind.Agent) return p.Index;
            return -1;
        }

        /// <summary>The best entry among the payloads that the context supports, or -1.</summary>
        private int ChooseEntry(ReadOnlySpan<NameRef> payloads, Match m, bool afterTitle)
        {
            var best = -1;
            var bestRank = int.MaxValue;
            foreach (var p in payloads)
            {
                if (p.Kind != NameKind.Entry) continue;
                var e = _kb.Entries[p.Index];
                // weak: a person after a title, a country or city after a locative cue, a club in a sentence about sport,
                // anything after its first full mention
                // (a city needs a place noun: في صور is "in pictures", مدينة صور is Tyre)
                if (p.Weak && !_seenEntry.ContainsKey(p.Index) && !(e.Kind switch
                    {
                        KbKind.Country => NameWords.Is(_text, m.Start - 1, NameWords.PlaceCues),
                        KbKind.Place => NameWords.Is(_text, m.Start - 1, NameWords.PlaceNouns),
                        KbKind.Person => afterTitle,
                        KbKind.Organisation when !e.IsClub => afterTitle, // صحيفة الأهرام: a cue vouches for a weak name
                        KbKind.Organisation when e.IsClub => ClubReading(m),
                        _ => false,
                    })) continue;
                if (e.Kind == KbKind.Place && e.Tier == 2 && !NameWords.Is(_text, m.Start - 1, NameWords.PlaceCues)) continue;
                if (e.Kind == KbKind.Place && e.Tier >= 3 && !NameWords.Is(_text, m.Start - 1, NameWords.SingularPlaceNouns)) continue;
                var rank = Rank(e);
                if (rank < bestRank) { best = p.Index; bestRank = rank; }
            }
            return best;
        }

        /// <summary>
        /// A club's weak name (a common word or a city: النصر, ليفربول) names the club in a sentence about sport, unless a place word or a locative preposition reads it
        /// as the city (في ليفربول), a definite noun before it reads it as an adjective (الدوري العربي), or it says
        /// which national team (منتخب الشباب).
        /// </summary>
        private bool ClubReading(Match m)
        {
            if (!_sports) return false;
            if (NameWords.IsPlaceNoun(_text, m.Start - 1) || NameWords.Is(_text, m.Start - 1, NameWords.Locatives)) return false;
            if (NameWords.Is(_text, m.Start - 1, NameWords.TeamNouns)) return false; // منتخب الشباب is the youth team
            if (m.End - m.Start == 1 && m.Prefix == 0 && m.Start > 0 && _text.Tokens[m.Start].Span.Of(_text.Text).StartsWith("ال", StringComparison.Ordinal)
                && _text.Tokens[m.Start - 1].Span.Of(_text.Text).StartsWith("ال", StringComparison.Ordinal) && NameWords.IsCommonWord(_text, m.Start - 1)) return false;
            return true;
        }

        private static int Rank(KbEntry e) => e.Kind switch
        {
            KbKind.Country => 0,
            KbKind.Landmark => 1,
            KbKind.Organisation => 2,
            KbKind.Person => 3,
            _ => e.IsCapital ? 4 : 5 + (e.Tier - 1) * 2 + (e.Population >= 1_000_000 ? 0 : 1) + (int)Math.Min(1000, 1_000_000_000 / Math.Max(1, e.Population)) * 0 + (int)(1000 - Math.Min(999, Math.Log(e.Population + 1) * 50)),
        };

        // ------------------------------------------------------------ entries

        private void AddEntry(Match m, int entry)
        {
            var e = _kb.Entries[entry];
            var antecedent = _seenEntry.TryGetValue(entry, out var first) ? first : -1;
            var index = Add(m.Start, m.End, m.SpanPrefix, Kind(e.Type), ActorOf(e), nominal: false, e.Id, PlaceOf(e));
            if (antecedent >= 0) Mentions[index].Antecedent = antecedent;
            else _seenEntry[entry] = index;
        }

        private static EntityKind Kind(KbType t) => t switch
        {
            KbType.Person => EntityKind.Person,
            KbType.Org => EntityKind.Org,
            KbType.Gpe => EntityKind.Gpe,
            KbType.Loc => EntityKind.Loc,
            KbType.Fac => EntityKind.Fac,
            _ => EntityKind.Norp,
        };

        private ActorRef ActorOf(KbEntry e)
        {
            switch (e.Kind)
            {
                case KbKind.Person:
                    var role = e.RoleOn(_date);
                    return role is null
                        ? new ActorRef(e.Id, e.Name, e.Country, e.Country, null)
                        : new ActorRef(e.Id, e.Name, role.Code, role.Country, role.Sector);
                case KbKind.Country:
                    return new ActorRef(e.Id, e.Name, e.Cameo, e.Country, null);
                case KbKind.Place:
                    var c = _kb.CountryEntry(e.Country);
                    return new ActorRef(e.Id, e.Name, c?.Cameo ?? e.Country, e.Country, null);
                default:
                    return new ActorRef(e.Id, e.Name, e.Country is null ? null : e.Country + e.Sector, e.Country, e.Sector);
            }
        }

        private static Place? PlaceOf(KbEntry e) =>
            e.Kind is KbKind.Place or KbKind.Country or KbKind.Landmark ? new Place(e.Name, e.Country, e.Lat, e.Lon) : null;

        private int Add(int first, int end, int prefix, EntityKind kind, ActorRef? actor, bool nominal, string? entryId, Place? place)
        {
            var start = _text.Tokens[first].Start + prefix;
            var stop = _text.Tokens[end - 1].End;
            Mentions.Add(new EntityMention
            {
                Span = new TextSpan(start, stop), FirstToken = first, EndToken = end, Kind = kind, Actor = actor,
                IsNominal = nominal, EntryId = entryId, Place = place,
            });
            return Mentions.Count - 1;
        }

        // ------------------------------------------------------------ agent phrases

        /// <summary>A head agent at the trie node, or -1.</summary>
        private int HeadAt(int node)
        {
            if (node < 0) return -1;
            foreach (var p in _trie.At(node))
                if (p.Kind == NameKind.Agent && _kb.Agents[p.Index].Has(AgentFlags.Head)) return p.Index;
            return -1;
        }

        /// <summary>Another agent at the same trie node than <paramref name="agent"/> (a form listed twice), or -1.</summary>
        private int SecondAgent(int node, int agent)
        {
            foreach (var p in _trie.At(node))
                if (p.Kind == NameKind.Agent && p.Index != agent && !_kb.Agents[p.Index].Has(AgentFlags.Head)) return p.Index;
            return -1;
        }

        /// <summary>
        /// An organisation named by a head noun: head + a known name, place or country (جامعة القاهرة, منتخب مصر), or an
        /// indefinite head + up to three name words (حزب العمال, جبهة الإنقاذ), then optionally a nisba. Returns the
        /// token after it, or the head's end when nothing follows.
        /// </summary>
        private int HeadPhrase(Match m, int to, int agentIndex)
        {
            var agent = _kb.Agents[agentIndex];
            var end = m.End;
            string? country = null;
            var e = -1;
            var n = end < to ? Longest(end, to, false, out e, out _) : new Match(end, end, 0, -1);
            var head = _text.Tokens[m.Start];
            // a definite head (النادي, الفريق, اللواء) names nothing by itself: at most a nisba follows (المنتخب المصري)
            var definite = m.End - m.Start == 1 && _text.Text.AsSpan(head.Start + m.Prefix, head.Length - m.Prefix).StartsWith("ال", StringComparison.Ordinal);
            if (definite && agent.IsFacility) return m.End; // الملعب الأرجنتيني is a pitch, not a named stadium
            if (definite)
            {
                if (end >= to || Longest(end, to, false, out var de0, out var da0) is var d0 && !(d0.End > end && de0 < 0 && da0 < 0 && OnlyDemonym(d0, out _))) return m.End;
            }
            else if (e >= 0 && n.Prefix == 0)
            {
                var entry = _kb.Entries[e];
                // وكالة فرانس برس, جزيرة هونغ كونغ: the organisation or place is named already; a person is not a body's name
                // (مطار القاهرة, ميناء حيفا: a facility is named after its place)
                // but a facility or a university is named after a person (مسجد الحسن الثاني, ستاد الملك عبدالله, جامعة الملك فهد)
                var namesake = entry.Kind == KbKind.Person && (agent.IsFacility || agent.Sector == "EDU");
                if (!namesake && (entry.Kind is KbKind.Organisation or KbKind.Person || (agent.IsPlace && !(agent.IsFacility && entry.Kind is KbKind.Place or KbKind.Country)))) return end;
                country = entry.Kind == KbKind.Person ? null : entry.Country;
                end = n.End;
            }
            else
            {
                var words = 0;
                while (end < to && words < 3 && NameWords.IsNameLike(_text, end, allowArticle: true) && _text.Tokens[end].Length >= 3
                       && !(agent.IsPlace && NameWords.IsCommonWord(_text, end)) && !HasClitic(end) && !NameWords.IsAdverbial(_text, end)
                       && !NameWords.IsPlaceNoun(_text, end))
                {
                    var x = Longest(end, to, false, out var xe, out var xa);
                    if (x.End > end && (xa >= 0 || OnlyDemonym(x, out _))) break;
                    if (x.End > end && xe >= 0) { country ??= _kb.Entries[xe].Kind == KbKind.Person ? null : _kb.Entries[xe].Country; end = x.End; words++; continue; }
                    end++;
                    words++;
                }
                if (words == 0) return m.End;
            }
            if (end < to)
            {
                var d = Longest(end, to, false, out var de, out var da);
                if (d.End > end && de < 0 && da < 0 && OnlyDemonym(d, out var dem))
                {
                    country ??= _kb.Demonyms[dem].Country;
                    end = d.End;
                }
            }
            // مطار دمشق الدولي
            if (agent.IsFacility && end < to && NameWords.Is(_text, end, NameWords.FacilityQualifiers)) end++;
            var sector = agent.Sector;
            var actor = country is null ? null : new ActorRef(null, null, country + sector, country, sector);
            Add(m.Start, end, m.SpanPrefix, agent.IsFacility ? EntityKind.Fac : agent.IsPlace ? EntityKind.Loc : EntityKind.Org, actor, nominal: false, entryId: null, place: null);
            return end;
        }

        /// <summary>
        /// A name after a cue noun, without the noun: فريق الغرافة, نادي برشلونة, لفريق "الكوكب". A known organisation is
        /// itself; a place or country names the club of that place; otherwise up to three words between quotes, or up to
        /// three words no dictionary knows (فريق العمل is no club). Returns the token after it.
        /// </summary>
        private int CuePhrase(Match m, int to, int agentIndex)
        {
            var agent = _kb.Agents[agentIndex];
            // المجلة الجديدة: a definite cue refers back, no name follows it
            var cue = _text.Tokens[m.Start];
            if (_text.Text.AsSpan(cue.Start + m.Prefix, cue.Length - m.Prefix).StartsWith("ال", StringComparison.Ordinal)) return m.End;
            var start = m.End;
            var quoted = start < to && IsQuote(start);
            if (quoted) start++;
            if (start >= to) return m.End;
            if (quoted)
            {
                // صحيفة " واشنطن تايمز ": the whole quoted name, whatever it holds (a known name as a whole is itself)
                var close = start;
                while (close < to && close - start < 5 && !IsQuote(close) && _text.Tokens[close].Kind == TokenKind.Word) close++;
                if (close > start && close < to && IsQuote(close) && !(Longest(start, to, false, out var qe, out _).End == close && qe >= 0))
                {
                    Add(start, close, 0, EntityKind.Org, null, nominal: false, entryId: null, place: null);
                    return close;
                }
            }
            var n = Longest(start, to, true, out var e, out var a);
            if (n.End > start && e >= 0)
            {
                var entry = _kb.Entries[e];
                if (entry.Kind is KbKind.Place or KbKind.Country && n.Prefix == 0)
                {
                    var actor = entry.Country is null ? null : new ActorRef(null, null, entry.Country + agent.Sector, entry.Country, agent.Sector);
                    Add(start, n.End, 0, EntityKind.Org, actor, nominal: false, entryId: null, place: null);
                }
                else AddEntry(n, e);
                return n.End;
            }
            if (n.End > start) return m.End;
            var end = start;
            // between quotes any words; else words no dictionary knows (فريق العمل is a work team), but a newspaper is
            // named by common words with the article (صحيفة الأهرام, جريدة الحياة)
            var common = quoted || (agent.Sector == "MED" && NameWords.HasArticle(_text, start));
            while (end < to && end - start < 3 && !IsQuote(end) && NameWords.IsNameLike(_text, end, allowArticle: true) && !HasClitic(end)
                   && (common || !NameWords.IsDictionaryWord(_text, end)) && (end == start || Longest(end, to, false, out _, out _).End <= end)
                   && !(end > start && _text.Tokens[end].ProcliticLength > 0 && _text.Text[_text.Tokens[end].Start] is 'و' or 'ف'))
                end++;
            if (end == start) return m.End;
            // شركة توتال الفرنسية: a nisba after the name says whose it is
            ActorRef? owner = null;
            if (end < to && Longest(end, to, false, out var de, out var da) is var d && d.End > end && de < 0 && da < 0 && OnlyDemonym(d, out var dem))
            {
                var c = _kb.Demonyms[dem].Country;
                owner = new ActorRef(null, null, c + agent.Sector, c, agent.Sector);
            }
            Add(start, end, 0, EntityKind.Org, owner, nominal: false, entryId: null, place: null);
            return end;
        }

        private static readonly WordSet RulingWords = WordSet.Of("الحاكم", "الحاكمة", "الحاكمين");

        /// <summary>The country named by "في + country" right after a body (or after الحاكم), or null.</summary>
        private string? LocalCountry(int end, int to)
        {
            if (end < to && RulingWords.Matches(_text, end)) end++;
            if (end + 1 >= to || _text.Stems[end] != "في") return null;
            var n = Longest(end + 1, to, false, out var e, out _);
            return n.End > end + 1 && e >= 0 && _kb.Entries[e].Kind == KbKind.Country ? _kb.Entries[e].Country : null;
        }

        private bool PluralVerbOrCoordinated(int t)
        {
            var tok = _text.Tokens[t];
            if (tok.Kind != TokenKind.Word) return false;
            // (a word led by و is left to the rules above: names are coordinated with و too)
            return NameWords.IsPluralPerfectVerb(_text, t) && !IsGivenName(t, out _);
        }

        private bool IsQuote(int t) => _text.Tokens[t] is { Length: 1 } q && _text.Text[q.Start] is '"' or '«' or '»' or '“' or '”';

        private int AgentPhrase(Match m, int to, int agentIndex, ref bool afterTitle)
        {
            var agent = _kb.Agents[agentIndex];
            var end = m.End;
            string? country = null;
            ActorRef? linked = null;
            var sector = agent.Sector;
            var isOrg = agent.IsOrg;
            var role = agent.Role;
            var pendingEntity = -1; // a country or body after a person noun: its own mention
            Match pending = default;
            for (var hop = 0; hop < 3 && end < to; hop++)
            {
                var n = Longest(end, to, false, out var e, out var a);
                if (n.End <= end) break;
                // only a genitive ل joins (للرئاسة, للكرملين); و and ف start another phrase (والأمن, ومجلس الوزراء)
                if (n.Prefix > 0 && _text.Text[_text.Tokens[end].Start + n.Prefix - 1] != 'ل') break;
                if (e < 0 && a < 0 && OnlyDemonym(n, out var dem))
                {
                    country ??= _kb.Demonyms[dem].Country;
                    end = n.End;
                    continue;
                }
                if (e >= 0)
                {
                    // a body whose demonym gave its country already ends there (اتهمت السلطات الإسرائيلية قطر: قطر is the object)
                    if (country is not null) break;
                    var entry = _kb.Entries[e];
                    if (entry.Kind == KbKind.Person && agent.Has(AgentFlags.Title)) break; // الرئيس فلاديمير بوتين
                    // الجيش الإسرائيلي دان حالوتس: after the body's country a person is in apposition, not its owner
                    if (entry.Kind == KbKind.Person && (country is not null || end > m.End)) break;
                    if (entry.Kind == KbKind.Place && entry.Tier > 1) break;
                    var actor = ActorOf(entry);
                    if (actor.Country is null) break;
                    country ??= actor.Country;
                    linked = actor;
                    // جيش ميانمار is one body; حكومة كوريا الجنوبية, إدارة ترامب name their owner, a mention of its own
                    if (isOrg && entry.Kind != KbKind.Organisation && (n.Prefix == 0 || entry.Kind == KbKind.Person) && !OwnedBody(agent, m)) end = n.End;
                    else { pendingEntity = e; pending = n; }
                    break;
                }
                if (a >= 0 && n.Prefix > 0)
                {
                    // المكتب الصحفي للرئاسة الروسية: a body of a body
                    var inner = _kb.Agents[a];
                    if (!inner.IsOrg) break;
                    end = n.End;
                    sector ??= inner.Sector;
                    continue;
                }
                break;
            }
            // الجيش في مالي, المجلس العسكري الحاكم في مالي: a local body named with no country is of the country it is in
            if (country is null && agent.Has(AgentFlags.Local) && LocalCountry(end, to) is { } local) country = local;
            var kind = isOrg ? EntityKind.Org : EntityKind.Person;
            ActorRef? actorRef = null;
            var antecedent = -1;
            if (country is not null && sector is not null)
                actorRef = new ActorRef(linked?.Id, linked?.Name, country + sector, country, sector);
            else if (country is not null)
                actorRef = new ActorRef(null, null, country, country, null);
            var nameFollows = agent.Has(AgentFlags.Title) && pendingEntity < 0 && end < to && StartsPersonName(end, to);
            if (!nameFollows && !isOrg && role is not null && agent.Has(AgentFlags.Title))
            {
                antecedent = FindRoleHolder(role, country);
                if (antecedent >= 0)
                {
                    var ant = Mentions[antecedent];
                    actorRef = ant.Actor;
                    kind = EntityKind.Person;
                }
            }
            if (actorRef is null && agent.Has(AgentFlags.Bare) && sector is not null)
                actorRef = new ActorRef(null, null, sector, null, sector);
            var keep = actorRef is not null || agent.Has(AgentFlags.Bare) || nameFollows;
            var namedBody = isOrg && agent.Has(AgentFlags.Institution) && end - m.Start >= 2; // وزارة الخارجية, مجلس الوزراء
            if (namedBody && actorRef is null && sector is not null) actorRef = new ActorRef(null, null, sector, null, sector);
            if (namedBody || (keep && !(agent.Has(AgentFlags.Weak) && country is null && antecedent < 0 && !nameFollows)))
            {
                var i = Add(m.Start, end, m.SpanPrefix, kind, actorRef, nominal: true, entryId: null, place: null);
                if (isOrg && agent.Has(AgentFlags.Institution) && end - m.Start >= 2) NamedBodies.Add(i);
                Mentions[i].Antecedent = antecedent;
            }
            if (pendingEntity >= 0)
            {
                AddEntry(pending, pendingEntity);
                end = pending.End;
            }
            afterTitle = nameFollows;
            // المتحدث باسم وزارة الخارجية الإثيوبية: the spokesperson speaks for the body named next
            if (role == "spokes" && country is null && !nameFollows && end < to && pendingEntity < 0)
            {
                if (Mentions.Count == 0 || Mentions[^1].FirstToken != m.Start)
                    Add(m.Start, end, m.SpanPrefix, EntityKind.Person, null, nominal: true, entryId: null, place: null);
                var spokes = Mentions.Count - 1;
                var dummy = false;
                var next = Step(end, to, ref dummy);
                if (Mentions.Count > spokes + 1 && Mentions[spokes + 1].FirstToken == end && Mentions[spokes + 1].Actor is { Country: not null } body)
                    Mentions[spokes].Actor = new ActorRef(null, null, body.Code, body.Country, body.Sector);
                return Math.Max(next, end + 1);
            }
            return end;
        }

        /// <summary>A body in construct state before its owner (حكومة السودان, إدارة بوش), not a definite one before a nisba (الحكومة السعودية).</summary>
        private bool OwnedBody(Agent agent, Match m)
        {
            if (!agent.Has(AgentFlags.Owner) || m.End - m.Start != 1) return false;
            var head = _text.Tokens[m.Start].Span;
            return !_text.Text.AsSpan(head.Start + m.Prefix, head.Length - m.Prefix).StartsWith("ال", StringComparison.Ordinal);
        }

        /// <summary>The last person mention whose role on the document's date is <paramref name="role"/> (and country, when given).</summary>
        private int FindRoleHolder(string role, string? country)
        {
            // a role noun refers to someone named recently: look back over a bounded number of mentions
            for (var i = Mentions.Count - 1; i >= Math.Max(0, Mentions.Count - 1000); i--)
            {
                var m = Mentions[i];
                if (m.Kind != EntityKind.Person || m.IsNominal || m.EntryId is null) continue;
                var e = _kb.Find(m.EntryId);
                var r = e?.RoleOn(_date);
                if (r?.Role == role && (country is null || r.Country == country)) return i;
            }
            return -1;
        }

        /// <summary>A place the knowledge base does not know, named after a place noun: مدينة ينبع, قرية كفر عقب.</summary>
        private int UnknownPlace(int t, int to)
        {
            if (!NameWords.IsPlaceNoun(_text, t) || t + 1 >= to) return t;
            var n = t + 1;
            if (Longest(n, to, false, out _, out _).End > n) return t; // a known place or body: matched on its own
            if (!NameWords.IsNameLike(_text, n, allowArticle: true) || NameWords.IsDictionaryWord(_text, n) || IsGivenName(n, out _)) return t;
            var end = n + 1;
            // a second word when it is not a dictionary word either (كفر عقب, بيت لاهيا)
            if (end < to && NameWords.IsNameLike(_text, end, allowArticle: true) && !NameWords.IsDictionaryWord(_text, end) && Longest(end, to, false, out _, out _).End <= end) end++;
            Add(n, end, 0, EntityKind.Gpe, null, nominal: false, entryId: null, place: null);
            return end;
        }

        /// <summary>A news agency cited by its nisba between brackets at a dateline: (الفرنسية).</summary>
        private bool Parenthesised(int t, Match m, out int next)
        {
            next = t;
            if (m.End != t + 1 || m.Prefix != 0 || !OnlyDemonym(m, out var dem)) return false;
            if (t == 0 || t + 1 >= _text.Tokens.Count) return false;
            if (_text.Text[_text.Tokens[t - 1].Start] != '(' || _text.Text[_text.Tokens[t + 1].Start] != ')') return false;
            var country = _kb.Demonyms[dem].Country;
            Add(t, t + 1, 0, EntityKind.Org, new ActorRef(null, null, country + "MED", country, "MED"), nominal: false, entryId: null, place: null);
            next = t + 1;
            return true;
        }

        private static readonly System.Buffers.SearchValues<char> LatinLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

        /// <summary>A Latin-script name in Arabic text (IBM, Apple, Sony Ericsson) is an organisation or a brand.</summary>
        private bool Acronym(int t)
        {
            static bool Capitalised(ReadOnlySpan<char> w)
            {
                if (w.Length < 2 || !char.IsAsciiLetterUpper(w[0]) || w.ContainsAnyExcept(LatinLetters)) return false;
                if (w.Length >= 4) return true;
                foreach (var ch in w)
                    if (!char.IsAsciiLetterUpper(ch)) return false; // short words only as acronyms (IBM, BBC)
                return true;
            }
            var tok = _text.Tokens[t];
            if (tok.Kind != TokenKind.Foreign || tok.Length > 30 || !Capitalised(tok.Span.Of(_text.Text))) return false;
            var end = t + 1;
            while (end < _text.Tokens.Count && end - t < 4 && _text.Tokens[end].Kind == TokenKind.Foreign && Capitalised(_text.Tokens[end].Span.Of(_text.Text))) end++;
            Add(t, end, 0, EntityKind.Org, null, nominal: false, entryId: null, place: null);
            return true;
        }

        // ------------------------------------------------------------ unknown names

        private bool HasPrepositionProclitic(int t) => Words.AttachedPreposition(_text, t) is not null;

        private bool StartsPersonName(int t, int to)
        {
            if (HasPrepositionProclitic(t)) return false;
            var m = Longest(t, to, true, out var e, out _);
            if (e >= 0 && _kb.Entries[e].Kind == KbKind.Person) return true;
            if (e >= 0 || m.End > t && !IsGivenName(t, out _)) return false;
            // the indefinite accusative of a common noun (أجرى الرئيس اتصالا هاتفيا, أصدر الوزير بيانا) is the verb's object
            var tok = _text.Tokens[t];
            if (tok.Length > 3 && _text.Text[tok.Start + tok.Length - 1] == 'ا' && NameWords.IsAnyWord(_text, t) && !IsGivenName(t, out _)) return false;
            return NameWords.IsNameLike(_text, t, allowArticle: false);
        }

        /// <summary>
        /// A name followed by a number in brackets, a scorer's minute or a person's age (توريس ( 20 ), إيمرسون ( 30 عاما )):
        /// one or two words no dictionary knows, or a given name and a word, right before "( number". Returns the token
        /// after it, or <paramref name="t"/>.
        /// </summary>
        private int BracketedNumberPerson(int t, int to)
        {
            var end = t;
            while (end < to && end - t < 2 && NameWords.IsNameLike(_text, end, allowArticle: false) && _text.Tokens[end].ProcliticLength == 0
                   && (NameWords.IsForeignLike(_text, end) || (end == t && IsGivenName(end, out var w) && !w) || (end > t && !NameWords.IsDictionaryWord(_text, end)))
                   && Longest(end, to, false, out _, out _).End <= end)
                end++;
            if (end == t || end + 1 >= to || end + 1 >= _text.Tokens.Count) return t;
            if (_text.Tokens[end] is not { Length: 1 } b || _text.Text[b.Start] != '(' || _text.Tokens[end + 1].Kind != TokenKind.Number) return t;
            if (t > 0 && NameWords.IsNameLike(_text, t - 1, allowArticle: true) && _text.Tokens[t - 1].ProcliticLength == 0 && !NameWords.IsDictionaryWord(_text, t - 1)) return t; // not the end of a longer name
            if (NameWords.Is(_text, t - 1, NameWords.NumberWords)) return t; // مليار شيكل ( 225 مليون دولار )
            Add(t, end, 0, EntityKind.Person, null, nominal: false, entryId: null, place: null);
            return end;
        }

        /// <summary>True when a foreign name particle (فان, دا) at <paramref name="t"/> comes before a foreign-looking word: فان دايك.</summary>
        private bool ForeignParticle(int t, int to) =>
            NameWords.Is(_text, t, NameWords.ForeignParticles) && t + 1 < to && NameWords.IsForeignLike(_text, t + 1) && Longest(t + 1, to, false, out _, out _).End <= t + 1;

        /// <summary>True when the match is one word, without proclitics, that names a known person: a family name.</summary>
        private bool KnownSurname(Match m, int entry) =>
            entry >= 0 && _kb.Entries[entry].Kind == KbKind.Person && m.End == m.Start + 1 && m.Prefix == 0;

        /// <summary>True when the token alone is a weak name of a known person (عباس, الشرع).</summary>
        private bool WeakPersonName(int t)
        {
            var node = _trie.Next(NameTrie.Root, _keys.Id(t));
            if (node < 0) return false;
            foreach (var p in _trie.At(node))
                if (p.Kind == NameKind.Entry && p.Weak && _kb.Entries[p.Index].Kind == KbKind.Person) return true;
            return false;
        }

        private bool IsGivenName(int t, out bool weak)
        {
            weak = false;
            var node = _trie.Next(NameTrie.Root, _keys.Id(t));
            if (node < 0) return false;
            var found = false;
            foreach (var p in _trie.At(node))
                if (p.Kind == NameKind.GivenName) { weak |= p.Weak; found = true; }
            return found;
        }

        /// <summary>A personal name the knowledge base does not know: after a title, or a given name followed by a family name.</summary>
        private int UnknownPerson(int t, int to, bool afterTitle)
        {
            // a name after a title carries no preposition (تعهد الوزير بمحاسبة: بمحاسبة is no name)
            if (afterTitle && HasPrepositionProclitic(t)) return t;
            // بالفوز, للشؤون: a preposition on a dictionary word starts no name, even after a title
            // (a given name that reads so is a name: واين is not و + أين)
            if (_text.Tokens[t].ProcliticLength > 0 && NameWords.IsDictionaryStem(_text, t) && !IsGivenName(t, out _) && !ForeignParticle(t, to)) return t;
            var given = IsGivenName(t, out var weak);
            if (!afterTitle && !given && NameWords.IsSpeechVerb(_text, t - 1) && WeakPersonName(t))
            {
                // وقال عباس: a known person's weak name after a verb of speech is a person, though not surely that one
                Add(t, t + 1, 0, EntityKind.Person, null, nominal: false, entryId: null, place: null);
                return t + 1;
            }
            if (!afterTitle && !given)
            {
                // وقال فيرغسون / روبرتو باجيو: foreign-looking words after a verb of speech, or two of them together
                var speech = NameWords.IsSpeechVerb(_text, t - 1);
                if (speech && !NameWords.IsForeignLike(_text, t) && NameWords.IsNameLike(_text, t, allowArticle: true) && _text.Tokens[t].ProcliticLength == 0
                    && !NameWords.IsDictionaryWord(_text, t) && Longest(t, to, false, out _, out _).End <= t)
                {
                    // وقال البرادعي: one word after a verb of speech that no dictionary knows
                    Add(t, t + 1, 0, EntityKind.Person, null, nominal: false, entryId: null, place: null);
                    return t + 1;
                }
                // جائزة نوبل: a prize is named after a person (a word without the article that names no thing)
                if (NameWords.Is(_text, t - 1, NameWords.PrizeNouns) && NameWords.IsNameLike(_text, t, allowArticle: false) && _text.Tokens[t].ProcliticLength == 0
                    && !NameWords.IsNoun(_text, t) && Longest(t, to, false, out _, out _).End <= t)
                {
                    Add(t, t + 1, 0, EntityKind.Person, null, nominal: false, entryId: null, place: null);
                    return t + 1;
                }
                // فان باستن, دا سيلفا: a foreign name particle before a foreign-looking word starts a name
                var particle = ForeignParticle(t, to);
                if (!particle && !NameWords.IsForeignLike(_text, t)) return t;
                // كيني ميلر: a foreign-looking word before a known person's family name is that person's given name
                if (!particle && t + 1 < to && NameWords.IsForeignLike(_text, t) && !NameWords.LooksInflected(_text, t)
                    && Longest(t + 1, to, false, out var se, out _) is var sm && sm.End == t + 2 && KnownSurname(sm, se))
                {
                    Add(t, t + 2, 0, EntityKind.Person, null, nominal: false, entryId: null, place: null);
                    return t + 2;
                }
                var first = particle ? t + 1 : t;
                var pair = first + 1 < to && NameWords.IsForeignLike(_text, first + 1) && Longest(first + 1, to, false, out _, out _).End <= first + 1;
                // إن شوماخر, وكان كافو: a subject after إن, كان, لكن that no dictionary knows and that reads as no verb
                var subject = NameWords.Is(_text, t - 1, NameWords.SubjectParticles) && !HasClitic(t) && !NameWords.LooksInflected(_text, t);
                if (!speech && !pair && !subject && !particle) return t;
                var stop = pair ? first + 2 : first + 1;
                while (stop < to && stop - t < 3 && NameWords.IsForeignLike(_text, stop) && Longest(stop, to, false, out _, out _).End <= stop) stop++;
                var i = Add(t, stop, 0, EntityKind.Person, null, nominal: false, entryId: null, place: null);
                if (stop - t >= 2) _seenSurname.TryAdd(_keys.Id(stop - 1) is var sid and >= 0 ? sid : SurnameKey(stop - 1), i);
                return stop;
            }
            // a weak given name (أمل, عمر) starts a name only before another given name or a word that is not a common word
            if (!afterTitle && weak && !(t + 1 < to && NameWords.IsNameLike(_text, t + 1, allowArticle: true) &&
                                         ((IsGivenName(t + 1, out var w2) && !w2) || !NameWords.IsCommonWord(_text, t + 1)))) return t;
            if (!NameWords.IsNameLike(_text, t, allowArticle: false) && !NameWords.Is(_text, t, NameWords.Connectors)) return t;
            var end = t + 1;
            var words = 1;
            var joined = 0; // words taken after a connector (أبو غزة, بن خليفة)
            while (end < to && end - t < 7)
            {
                if (NameWords.Is(_text, end, NameWords.NameInternal) && !NameWords.Is(_text, end - 1, NameWords.Connectors))
                {
                    end++; // زين الدين, عبد الله
                    continue;
                }
                if (NameWords.Is(_text, end - 1, NameWords.Connectors) || NameWords.Is(_text, end, NameWords.Connectors))
                {
                    if (!NameWords.IsNameLike(_text, end, allowArticle: true) && !NameWords.Is(_text, end, NameWords.Connectors)) break;
                    if (NameWords.Is(_text, end, NameWords.Connectors) && end + 1 >= to) break;
                    // أبو غزة, بن خليفة: a word after a connector that makes a family name (not عبد, which makes a given name)
                    if (!NameWords.Is(_text, end, NameWords.Connectors) && !NameWords.Is(_text, end - 1, NameWords.GivenNameConnectors)) joined++;
                    end++;
                    continue;
                }
                if (NameWords.IsAdverbial(_text, end)) break; // موسى نموذجا, اينشتاين انذاك
                // a verb in the plural (عبد العزيز احتجزوا, عبد الله وهتفوا) starts the next clause
                if (PluralVerbOrCoordinated(end)) break;
                if (words >= 2 && !IsGivenName(end, out _) && (words >= 4 || NameWords.IsDictionaryWord(_text, end))) break;
                // أحمد أبو غزة مدير: past a connector's word, a dictionary word without the article ends the name too
                if (words + joined >= 2 && !NameWords.HasArticle(_text, end) && NameWords.IsDictionaryWord(_text, end) && !IsGivenName(end, out _)) break;
                if (!NameWords.IsNameLike(_text, end, allowArticle: true) || HasClitic(end)) break;
                // a known entity or agent is not part of the name, but a known person's family name after a given name
                // is (أحمد المالكي is not نوري المالكي): one name, not linked to the known person
                var m = Longest(end, to, false, out var e, out var a);
                if (m.End > end && words == 1 && given && !weak && KnownSurname(m, e)) { end = m.End; words++; continue; }
                if (m.End > end && (e >= 0 || a >= 0 || OnlyDemonym(m, out _))) break;
                end++;
                words++;
            }
            while (end - t > 1 && NameWords.Is(_text, end - 1, NameWords.Connectors)) end--;
            // وقال عمرو, وكان حمدان: a given name alone is a person after a verb of speech or a subject particle
            if (end - t < 2 && !afterTitle && !(given && !weak && !NameWords.Is(_text, t, NameWords.Connectors)
                                                && (NameWords.IsSpeechVerb(_text, t - 1) || NameWords.Is(_text, t - 1, NameWords.SubjectParticles)))) return t;
            // الوزير المختص, الرئيس السابق, رئيس قسم التحقيقات: a name does not start with a common word
            // (unless a connector, a given name or a foreign-looking word comes next: سلامة موسى, حشر بن مكتوم)
            if (!given && NameWords.IsCommonWord(_text, t) && (end - t < 2 || !(NameWords.IsForeignLike(_text, t + 1)
                || (NameWords.Is(_text, t + 1, NameWords.Connectors) && !NameWords.Is(_text, t + 1, NameWords.ForeignParticles)) || IsGivenName(t + 1, out _)))) return t;
            // الوزير الإيراني X: the title says whose the person is
            var titled = afterTitle && Mentions.Count > 0 && Mentions[^1].IsNominal && Mentions[^1].EndToken == t ? Mentions[^1].Actor : null;
            var index = Add(t, end, 0, EntityKind.Person, titled?.Country is null ? null : titled, nominal: false, entryId: null, place: null);
            if (end - t >= 2)
            {
                var last = _keys.Id(end - 1);
                if (last < 0) last = SurnameKey(end - 1);
                _seenSurname.TryAdd(last, index);
            }
            return end;
        }

        /// <summary>
        /// True when a word carries a proclitic before a dictionary word (بالمرتبة, لتدريبات) or a pronoun written apart
        /// (قول ه, نفس ها): a preposition, a conjunction or a possessive does not go with a family name, so the name
        /// ends before it. (A split before an unknown stem is not trusted, ب+لاتر is بلاتر; nor are attached enclitics:
        /// شيخاني, يزبك end like a pronoun.)
        /// </summary>
        private bool HasClitic(int t)
        {
            var tok = _text.Tokens[t];
            if (tok.ProcliticLength > 0 && NameWords.IsDictionaryStem(_text, t)) return true;
            return t + 1 < _text.Tokens.Count && NameWords.Is(_text, t + 1, NameWords.Pronouns) && _text.Tokens[t + 1].Start == tok.End + 1;
        }

        // surnames of unknown people are remembered by their own ids, outside the trie's vocabulary
        private readonly Dictionary<string, int> _extraKeys = new(StringComparer.Ordinal);

        private int SurnameKey(int token)
        {
            var key = Normalizer.Normalize(_text.Tokens[token].Span.Of(_text.Text), NameKey.Options);
            if (!_extraKeys.TryGetValue(key, out var id)) _extraKeys[key] = id = -2 - _extraKeys.Count;
            return id;
        }

        /// <summary>A family name alone, after the full name occurred (شابس after غرانت شابس).</summary>
        private bool Surname(int t)
        {
            if (_seenSurname.Count == 0 || _text.Tokens[t].Kind != TokenKind.Word) return false;
            var id = _keys.Id(t);
            if (id < 0)
            {
                var key = Normalizer.Normalize(_text.Tokens[t].Span.Of(_text.Text), NameKey.Options);
                if (!_extraKeys.TryGetValue(key, out id)) return false;
            }
            if (!_seenSurname.TryGetValue(id, out var ant)) return false;
            var index = Add(t, t + 1, 0, EntityKind.Person, Mentions[ant].Actor, nominal: false, entryId: Mentions[ant].EntryId, place: null);
            Mentions[index].Antecedent = ant;
            return true;
        }
    }
}
