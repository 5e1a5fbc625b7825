using Hadath.Arabic;

namespace Hadath.Extraction;

// The annotation layers that pipeline components share through AnalysisContext.Set/Get.
// Entities form one exclusive layer (no two mentions overlap); times, quantities, quotes and event
// triggers are separate, possibly overlapping, span groups. Every mention points into the original
// text by character offsets and into ArabicText.Tokens by a [FirstToken, EndToken) range.

public enum EntityKind : byte { Person, Org, Gpe, Loc, Fac, Norp }

/// <summary>What an entity stands for in the knowledge base, with its role resolved for the document's date.</summary>
public sealed record ActorRef(string? Id, string? Name, string? Code, string? Country, string? Sector)
{
    public static ActorRef Unknown { get; } = new(null, null, null, null, null);
}

public sealed class EntityMention
{
    public required TextSpan Span { get; init; }
    public required int FirstToken { get; init; }
    public required int EndToken { get; init; }
    public required EntityKind Kind { get; init; }
    /// <summary>The actor it is linked to, or null when the knowledge base does not know it.</summary>
    public ActorRef? Actor { get; set; }
    /// <summary>The earlier mention this one refers to (بوتين → فلاديمير بوتين; الرئيس → the last named president), or -1.</summary>
    public int Antecedent { get; set; } = -1;
    /// <summary>True for a role noun or title without a name (الرئيس الروسي, محللون غربيون).</summary>
    public bool IsNominal { get; init; }
    /// <summary>For places: canonical name and coordinates where the gazetteer has them.</summary>
    public Place? Place { get; init; }
    /// <summary>Knowledge-base entry id that matched, for explanations.</summary>
    public string? EntryId { get; init; }
}

public sealed record Place(string Name, string? Country, double? Lat, double? Lon);

public sealed class EntityLayer
{
    private readonly int[] _byToken;

    public EntityLayer(IReadOnlyList<EntityMention> mentions, int tokenCount)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        Mentions = mentions;
        _byToken = new int[tokenCount];
        Array.Fill(_byToken, -1);
        for (var i = 0; i < mentions.Count; i++)
            for (var t = mentions[i].FirstToken; t < mentions[i].EndToken && t < tokenCount; t++) _byToken[t] = i;
    }

    /// <summary>Mentions in text order.</summary>
    public IReadOnlyList<EntityMention> Mentions { get; }

    /// <summary>The index of the mention covering token <paramref name="token"/>, or -1.</summary>
    public int MentionAt(int token) => token >= 0 && token < _byToken.Length ? _byToken[token] : -1;
}

public sealed class TimeMention
{
    public required TextSpan Span { get; init; }
    public required int FirstToken { get; init; }
    public required int EndToken { get; init; }
    /// <summary>2025-08-06, 2025-W31, 2025-08, 2025, 2025-SP, a duration (P3H), or null when unresolved.</summary>
    public string? Value { get; set; }
    /// <summary>date, week, month, year, season, duration, time, set.</summary>
    public required string Kind { get; init; }
    /// <summary>True when the value depends on an anchor date (اليوم, أمس, الأسبوع الماضي, يوم الثلاثاء).</summary>
    public bool IsRelative { get; init; }
    /// <summary>The anchor used to resolve a relative expression (the publication date by default).</summary>
    public DateOnly? Anchor { get; set; }
}

public sealed class TimeLayer(IReadOnlyList<TimeMention> mentions)
{
    public IReadOnlyList<TimeMention> Mentions { get; } = mentions;
}

public sealed class QuantityMention
{
    public required TextSpan Span { get; init; }
    public required double Value { get; init; }
    /// <summary>The counted noun, singular (غواصة, متظاهر, ساعة) or a normalised unit (hour, ordinal).</summary>
    public string? Unit { get; init; }
}

public sealed class QuantityLayer(IReadOnlyList<QuantityMention> mentions)
{
    public IReadOnlyList<QuantityMention> Mentions { get; } = mentions;
}

public sealed class QuoteMention
{
    /// <summary>The quoted or reported words (without quotation marks).</summary>
    public required TextSpan Span { get; init; }
    public required bool Direct { get; init; }
    /// <summary>The speech verb or phrase (قال, أضاف, بحسب, في بيان).</summary>
    public TextSpan? Cue { get; init; }
    public string? CueText { get; init; }
    /// <summary>The entity mention index of the speaker (resolved across sentences for وأضاف / الرئيس), or -1.</summary>
    public int Speaker { get; set; } = -1;
    /// <summary>The speaker's words in the text when no entity covers them (محللون غربيون), else null.</summary>
    public TextSpan? SpeakerSpan { get; set; }
    public ActorRef? SpeakerActor { get; set; }
    public int Sentence { get; init; }
}

public sealed class QuoteLayer(IReadOnlyList<QuoteMention> mentions)
{
    public IReadOnlyList<QuoteMention> Mentions { get; } = mentions;
}
