using Hadath.Core.Model;

namespace Hadath.Corpus.Store;

/// <summary>
/// The corpus store: analysed documents with their sentences, entities, actors, event mentions clustered into events,
/// quotes, times and per-document failures, plus Arabic full-text search. Implemented on SQLite
/// (<see cref="SqliteCorpusStore"/>); the schema and queries are kept portable so that a PostgreSQL implementation can
/// satisfy the same interface (docs/corpus.md).
/// Writes are batched: a batch is one transaction, so a document and all its rows commit together.
/// </summary>
public interface ICorpusStore : IDisposable
{
    /// <summary>Stores analysed documents in one transaction. Documents whose key is already stored are skipped.</summary>
    AddResult AddDocuments(IReadOnlyList<DocumentToStore> batch);

    /// <summary>Records documents that could not be read or analysed (counted per origin, id and code).</summary>
    void AddFailures(IReadOnlyList<FailureRecord> failures);

    /// <summary>True when a document with this key is stored.</summary>
    bool HasDocument(string key);

    /// <summary>The subset of <paramref name="keys"/> already stored.</summary>
    IReadOnlySet<string> ExistingKeys(IReadOnlyCollection<string> keys);

    /// <summary>A stored document with its analysis, or null.</summary>
    StoredDocument? GetDocument(long id);

    /// <summary>Events (clusters of mentions) that have at least one mention matching the filter, newest first.</summary>
    IReadOnlyList<EventHit> QueryEvents(EventFilter filter, Paging paging);

    /// <summary>Event mentions matching the filter, newest first.</summary>
    IReadOnlyList<MentionHit> QueryMentions(EventFilter filter, Paging paging);

    /// <summary>Documents (or, with <see cref="SearchQuery.Quotes"/>, quotes) matching an Arabic query, best first, with highlighted snippets.</summary>
    IReadOnlyList<SearchHit> Search(SearchQuery query, Paging paging);

    /// <summary>Counts and aggregates over the events matching the filter.</summary>
    CorpusStats Stats(EventFilter filter);

    /// <summary>Streams events (clusters) for export, oldest first.</summary>
    IEnumerable<EventRecord> ExportEvents(EventFilter filter);

    /// <summary>Streams event mentions for export, oldest first.</summary>
    IEnumerable<MentionRecord> ExportMentions(EventFilter filter);

    /// <summary>Stored documents in id order after <paramref name="afterId"/>, for re-analysis.</summary>
    IReadOnlyList<StoredText> ReadDocuments(long afterId, int count);

    /// <summary>Replaces the analyses of stored documents in one transaction (after a lexicon change).</summary>
    int Reanalyse(IReadOnlyList<Reanalysis> batch);

    /// <summary>Recorded failures, most recent first.</summary>
    IReadOnlyList<FailureRecord> Failures(Paging paging);
}

/// <summary>A document ready to store: its input, its analysis and its key.</summary>
public sealed record DocumentToStore(InputDocument Input, AnalyzedDocument Analysis, string Key, string TextHash, string? Origin, string AnalyzerVersion);

/// <summary>The outcome of <see cref="ICorpusStore.AddDocuments"/>.</summary>
public sealed record AddResult(int Added, int Skipped, int Mentions);

/// <summary>A document that could not be ingested.</summary>
public sealed record FailureRecord(string Origin, string? ExternalId, string Code, string Message, int Occurrences = 1, string? LastSeen = null);

/// <summary>A stored document's text and metadata, for re-analysis.</summary>
public sealed record StoredText(long Id, string Key, InputDocument Input);

/// <summary>A new analysis of a stored document.</summary>
public sealed record Reanalysis(long Id, AnalyzedDocument Analysis, string AnalyzerVersion);

/// <summary>A stored document as returned by <see cref="ICorpusStore.GetDocument"/>.</summary>
public sealed record StoredDocument(long Id, string Key, string? ExternalId, string? Url, string? Title, string? Source, string? Origin,
    string? Published, string Text, string IngestedAt, string AnalysedAt, string AnalyzerVersion, AnalyzedDocument? Analysis);

/// <summary>A pointer to a stored document.</summary>
public sealed record DocumentRef(long Id, string? ExternalId, string? Url, string? Title, string? Published);

/// <summary>What events to select. Every filter is optional; values compare case-insensitively.</summary>
public sealed record EventFilter
{
    /// <summary>Source or target: actor id, CAMEO code (RUSGOV), name, or country code.</summary>
    public string? Actor { get; init; }
    /// <summary>Source: country (RUS), CAMEO code (RUSGOV), actor id or name.</summary>
    public string? Source { get; init; }
    /// <summary>Target: country (USA), CAMEO code (USAGOV), actor id or name.</summary>
    public string? Target { get; init; }
    /// <summary>Source, target or location country.</summary>
    public string? Country { get; init; }
    /// <summary>PLOVER type (CONSULT), or a CAMEO code prefix (04, 043).</summary>
    public string? Type { get; init; }
    /// <summary>asserted, negated, hypothetical, future or question.</summary>
    public string? Modality { get; init; }
    /// <summary>Reporter: name, code, id, or words of the reporter's mention.</summary>
    public string? Reporter { get; init; }
    /// <summary>Effective date from (inclusive).</summary>
    public DateOnly? From { get; init; }
    /// <summary>Effective date to (inclusive).</summary>
    public DateOnly? To { get; init; }
    /// <summary>Only mentions of this stored document.</summary>
    public long? DocumentId { get; init; }

    public static EventFilter All { get; } = new();
}

/// <summary>A page of results.</summary>
public sealed record Paging(int Limit = 50, int Offset = 0)
{
    public static Paging Unbounded { get; } = new(int.MaxValue, 0);
}

/// <summary>An event: a cluster of mentions, with its representative mention (the contract's event object).</summary>
public sealed record EventHit(string Cluster, EventOut Event, string? FirstDate, string? LastDate, int Mentions, int DocumentCount, IReadOnlyList<DocumentRef> Documents);

/// <summary>One event mention with its document.</summary>
public sealed record MentionHit(long MentionId, string Cluster, string? EffectiveDate, EventOut Event, DocumentRef Document);

/// <summary>A full-text query.</summary>
public sealed record SearchQuery(string Text)
{
    /// <summary>Search quotes (with their speakers) instead of whole documents.</summary>
    public bool Quotes { get; init; }
    /// <summary>Publication date from (inclusive).</summary>
    public DateOnly? From { get; init; }
    /// <summary>Publication date to (inclusive).</summary>
    public DateOnly? To { get; init; }
    /// <summary>Marks put around matched words in snippets.</summary>
    public string MarkOpen { get; init; } = "[";
    public string MarkClose { get; init; } = "]";
}

/// <summary>A search hit: a document (or quote) with a snippet whose matched words are marked, and their offsets in the document text.</summary>
public sealed record SearchHit(DocumentRef Document, double Score, string Snippet, IReadOnlyList<SpanOut> Highlights, QuoteOut? Quote);

/// <summary>A labelled count.</summary>
public sealed record CountRow(string Key, long Count);

/// <summary>Goldstein sum of one dyad in one ISO week.</summary>
public sealed record GoldsteinRow(string Week, string Dyad, double Sum, long Events);

/// <summary>Corpus statistics.</summary>
public sealed record CorpusStats(long Documents, long Events, long Mentions, long Failures,
    IReadOnlyList<CountRow> EventsPerDay, IReadOnlyList<CountRow> EventsPerType, IReadOnlyList<CountRow> EventsPerDyad,
    IReadOnlyList<CountRow> TopActors, IReadOnlyList<GoldsteinRow> GoldsteinPerDyadWeek);

/// <summary>An actor as exported.</summary>
public sealed record ActorRecord(string? Text, string? Id, string? Name, string? Code, string? Country, string? Sector);

/// <summary>An event (cluster) as exported: the representative mention's attributes and the cluster's counts.</summary>
public sealed record EventRecord(string Cluster, long ExportId, string Type, string? Mode, IReadOnlyList<string> Context, string? Cameo, string? CameoRoot,
    int? QuadClass, double? Goldstein, ActorRecord? Source, ActorRecord? Target, string Modality, string? Date, string? FirstDate, string? LastDate,
    LocationOut? Location, int Mentions, int DocumentCount, int SourceCount, string? Url, string? Title, string? EventText, string? AddedDate,
    long RepresentativeMention, string MentionId, int Sentence, SpanOut? Evidence, ActorRecord? Reporter);

/// <summary>An event mention as exported.</summary>
public sealed record MentionRecord(long MentionId, string Cluster, long ClusterExportId, string MentionKey, string? EffectiveDate, string? EventDate, EventOut Event,
    DocumentRef Document, string? DocumentSource, int DocumentLength, string? IngestedAt);
