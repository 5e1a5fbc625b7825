using Hadath.Arabic;
using Hadath.Knowledge;
using Hadath.Knowledge.Triggers;

namespace Hadath.Extraction.Events;

/// <summary>The trigger lexicon (data/lexicons/triggers.tsv) as the event coder's trigger source.</summary>
public sealed class LexiconTriggerSource(TriggerLexicon lexicon) : ITriggerSource
{
    private readonly Dictionary<TriggerEntry, (IReadOnlyList<string> Preps, TargetForm Form, bool SubjectIsTarget)> _markers = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<TriggerHit> Find(ArabicText text, int sentence, Func<int, bool>? insideName = null)
    {
        var matches = lexicon.Match(text, sentence, insideName);
        if (matches.Count == 0) return [];
        var hits = new List<TriggerHit>(matches.Count);
        foreach (var m in matches)
        {
            var (preps, form, subjectIsTarget) = Markers(m.Entry);
            var coding = m.Entry.Coding;
            hits.Add(new TriggerHit
            {
                FirstToken = m.FirstToken, EndToken = m.EndToken, HeadToken = m.HeadToken,
                Type = m.Type, Mode = coding.Mode?.Name, Cameo = coding.Cameo.Code, Contexts = coding.Contexts,
                IsNoun = m.Form is TriggerForm.Masdar or TriggerForm.Noun or TriggerForm.Participle
                         || (m.Form == TriggerForm.Exact && m.Entry.Pos is TriggerPos.Noun or TriggerPos.Masdar or TriggerPos.Participle),
                TargetPrepositions = preps, TargetForm = form,
                Passive = m.Voice == TriggerVoice.Passive || subjectIsTarget,
                Weak = m.Strength == TriggerStrength.Weak,
                EntryId = $"{m.Entry.Id} ({m.Entry.Source})",
                Lemma = m.Entry.Forms,
                PartTokens = m.Tokens,
                Form = m.Form.ToString().ToLowerInvariant(),
            });
        }
        return hits;
    }

    private (IReadOnlyList<string>, TargetForm, bool) Markers(TriggerEntry entry)
    {
        lock (_gate)
        {
            if (_markers.TryGetValue(entry, out var cached)) return cached;
            var preps = new List<string>();
            var form = entry.TargetMarkers.Count == 0 ? TargetForm.None : TargetForm.Preposition;
            var subj = false;
            foreach (var marker in entry.TargetMarkers)
            {
                switch (marker)
                {
                    case "obj" or "gen": form = TargetForm.DirectObject; break;
                    case "subj": subj = true; break;
                    default: preps.Add(Normalizer.Normalize(marker, NormalizationOptions.Lexical)); break;
                }
            }
            var result = ((IReadOnlyList<string>)preps, form, subj);
            _markers[entry] = result;
            return result;
        }
    }
}

/// <summary>The PLOVER/CAMEO ontology as the event coder's code table.</summary>
public sealed class KnowledgeOntology(Ontology ontology) : IEventOntology
{
    public EventCodes Describe(string ploverType, string? cameo, string? mode, IReadOnlyList<string> contexts)
    {
        var type = ontology.Type(ploverType);
        var code = ontology.Cameo(cameo) ?? (type is null ? null : ontology.Cameo(type.GenericCameo));
        if (type is null) return new EventCodes(cameo, cameo is { Length: >= 2 } ? cameo[..2] : null, null, null, mode, contexts);
        if (code is null) return new EventCodes(null, null, (int)type.QuadClass, null, mode, contexts);
        // a type changed by a rule (لن يوافق → REJECT) takes that type's generic CAMEO code
        if (code.Plover is { } p && !ReferenceEquals(p.Type, type) && ontology.Cameo(type.GenericCameo) is { } generic) code = generic;
        return new EventCodes(code.Code, code.Root, (int)type.QuadClass, code.Goldstein, mode, contexts);
    }
}
