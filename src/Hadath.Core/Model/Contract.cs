using System.Text.Json.Serialization;

namespace Hadath.Core.Model;

// The analysed-document contract (docs/output-contract.md). Field names are snake_case in JSON.
// Offsets are .NET string indices into the input text; End is exclusive.

/// <summary>A document as it arrives: JSON Lines input or a plain-text file.</summary>
public sealed class InputDocument
{
    public string? Id { get; init; }
    public string Text { get; init; } = "";
    public DateOnly? Published { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
}

public sealed class AnalyzedDocument
{
    public string? Id { get; set; }
    public string? Published { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    public List<SentenceOut> Sentences { get; set; } = [];
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<TokenOut>? Tokens { get; set; }
    public List<EntityOut> Entities { get; set; } = [];
    public List<EventOut> Events { get; set; } = [];
    public List<QuoteOut> Quotes { get; set; } = [];
    public List<TimeOut> Times { get; set; } = [];
    public List<QuantityOut> Quantities { get; set; } = [];
    /// <summary>With <c>--explain</c>: triggers the event coder found but did not code, and why.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<DroppedTriggerOut>? DroppedTriggers { get; set; }
    public ErrorOut? Error { get; set; }

    public static AnalyzedDocument Failed(string? id, string code, string message) =>
        new() { Id = id, Error = new ErrorOut(code, message) };
}

public sealed record ErrorOut(string Code, string Message);

public sealed record SentenceOut(int Start, int End);

/// <summary>A token of the text layer, exposed only when asked (<c>--tokens</c>).</summary>
public sealed record TokenOut(string Text, int Start, int End, string Kind, IReadOnlyList<string>? Segments);

/// <summary>What an actor is in the knowledge base, without its mention.</summary>
public sealed record ActorInfo(string? Id, string? Name, string? Code, string? Country, string? Sector);

public sealed class EntityOut
{
    public string Text { get; set; } = "";
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>PERSON, ORG, GPE, LOC, FAC or NORP.</summary>
    public string Type { get; set; } = "";
    public ActorInfo? Actor { get; set; }
}

/// <summary>An actor with the mention that names it.</summary>
public sealed class ActorOut
{
    public string? Text { get; set; }
    public int? Start { get; set; }
    public int? End { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public string? Country { get; set; }
    public string? Sector { get; set; }
}

public sealed record SpanOut(string Text, int Start, int End);

public sealed class LocationOut
{
    public string Text { get; set; } = "";
    public int Start { get; set; }
    public int End { get; set; }
    public string? Name { get; set; }
    public string? Country { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
}

public sealed class EventOut
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Mode { get; set; }
    public List<string> Context { get; set; } = [];
    public string? Cameo { get; set; }
    public string? CameoRoot { get; set; }
    public int? QuadClass { get; set; }
    public double? Goldstein { get; set; }
    public ActorOut? Source { get; set; }
    public ActorOut? Target { get; set; }
    /// <summary>asserted, negated, hypothetical, future or question.</summary>
    public string Modality { get; set; } = "asserted";
    public ActorOut? Reporter { get; set; }
    public string? Date { get; set; }
    public string? DateText { get; set; }
    /// <summary>explicit, relative, publication or unknown.</summary>
    public string DateType { get; set; } = "unknown";
    public LocationOut? Location { get; set; }
    public SpanOut? Anchor { get; set; }
    public SpanOut? Evidence { get; set; }
    public int Sentence { get; set; }
    public double Confidence { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cluster { get; set; }
    /// <summary>Which lexicon entry and rules produced the event; only with <c>--explain</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExplainOut? Explain { get; set; }
}

public sealed record ExplainOut(string Lexicon, string Entry, IReadOnlyList<string> Rules);

/// <summary>A trigger the event coder found but did not code (<c>--explain</c> only): its type, lexicon entry, words and the
/// reason, a short code before a colon and a gloss after it.</summary>
public sealed record DroppedTriggerOut(string Type, string Entry, string Text, int Start, int End, string Reason);

public sealed class QuoteOut
{
    public string Text { get; set; } = "";
    public int Start { get; set; }
    public int End { get; set; }
    public bool Direct { get; set; }
    public ActorOut? Speaker { get; set; }
    public string? Cue { get; set; }
}

public sealed class TimeOut
{
    public string Text { get; set; } = "";
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>2025-08-06, 2025-W31, 2025-08, 2025, 2025-SP, a duration P3H, or null.</summary>
    public string? Value { get; set; }
    /// <summary>date, week, month, year, season, duration, time or set.</summary>
    public string? Kind { get; set; }
}

public sealed class QuantityOut
{
    public string Text { get; set; } = "";
    public int Start { get; set; }
    public int End { get; set; }
    public double Value { get; set; }
    public string? Unit { get; set; }
}
