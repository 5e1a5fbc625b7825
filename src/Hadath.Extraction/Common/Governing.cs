using Hadath.Arabic;

namespace Hadath.Extraction.Common;

/// <summary>What governs a mention: the preposition before it (attached or a separate word).</summary>
internal static class Governing
{
    private static readonly WordSet PrepositionWords = WordSet.Of("على", "مع", "إلى", "ضد", "من", "في", "عن", "بين", "لدى", "تجاه", "نحو", "حول", "عبر", "قرب", "داخل",
        "بحق", "بحقه", "إزاء", "أمام", "خلال", "منذ", "بعد", "قبل", "عند", "لصالح", "بشأن", "حيال", "وسط", "فوق", "تحت", "قبالة");
    private static readonly WordSet KullMin = WordSet.Of("كل", "كلا", "كلتا");

    /// <summary>The normalised preposition that governs a mention: an attached ب/ل/ك or the word before (على, مع, إلى…), skipping "كل من".</summary>
    public static string? PrepositionOf(ArabicText Text, EntityLayer entities, int mention)
    {
        var e = entities.Mentions[mention];
        var tok = Text.Tokens[e.FirstToken];
        // an attached preposition: in the proclitics or between the token start and the entity span
        var attachedEnd = Math.Max(e.Span.Start, tok.Start + tok.ProcliticLength);
        for (var i = attachedEnd - 1; i >= tok.Start; i--)
        {
            var c = Text.Text[i];
            if (c is 'ب') return "ب";
            if (c is 'ل') return "ل";
            if (c is 'ك') return "ك";
        }
        var k = e.FirstToken - 1;
        // a place noun before a place name is governed with it (على مدينة الفاشر, بمدينة حلب)
        if (k >= 0 && e.Kind is EntityKind.Gpe or EntityKind.Loc && Entities.NameWords.IsPlaceNoun(Text, k))
        {
            var place = Text.Tokens[k];
            for (var i = place.Start; i < place.Start + place.ProcliticLength; i++)
                if (Text.Text[i] is 'ب' or 'ل' or 'ك') return Text.Text[i].ToString();
            k--;
        }
        if (k >= 0 && Text.Stems[k] == "من" && k - 1 >= 0 && KullMin.Matches(Text, k - 1)) k -= 2; // مع كل من
        if (k >= 0 && PrepositionWords.Matches(Text, k))
        {
            var stem = Text.Stems[k];
            return stem.Length > 1 && stem[0] is 'و' or 'ف' && !PrepositionWords.Contains(stem) ? stem[1..] : stem;
        }
        return null;
    }

    /// <summary>
    /// Whether a mention can be an event's actor or a speaker: a named or nominal actor, a place standing for its
    /// government, or a people (الروس, التونسيين) — but not a demonym adjective that modifies a noun (العلاقات الروسية).
    /// </summary>
    public static bool IsActorMention(ArabicText text, EntityLayer entities, int mention)
    {
        var m = entities.Mentions[mention];
        if (m.Kind == EntityKind.Norp)
        {
            var stem = text.Stems[m.EndToken - 1];
            // a nisba after a count is a noun, the people counted (مليونا لبناني, ألف فلسطيني)
            if (stem.EndsWith('ي') && m.FirstToken > 0 && Words.IsCount(text, m.FirstToken - 1)) return true;
            if (stem.EndsWith("ية", StringComparison.Ordinal) || stem.EndsWith("يه", StringComparison.Ordinal) || stem.EndsWith('ي')) return false;
            return true;
        }
        if (m.Kind is EntityKind.Loc) return m.Actor?.Code is not null;
        return m.Actor is not null || m.Kind is EntityKind.Person or EntityKind.Org or EntityKind.Gpe or EntityKind.Fac;
    }
}
