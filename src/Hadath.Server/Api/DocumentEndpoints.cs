using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Hadath.Core.Diagnostics;
using Hadath.Core.Input;
using Hadath.Core.Model;
using Hadath.Corpus;
using Hadath.Corpus.Ingest;
using Hadath.Corpus.Net;
using Hadath.Corpus.Store;
using Hadath.Extraction;
using Hadath.Server.Corpus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Hadath.Server.Api;

/// <summary>A request to store documents: a text, or the URL of a page or of an RSS/Atom feed.</summary>
public sealed record IngestBody(
    [property: Description("The Arabic text to store (with id, published, url, title, source); or give url or feed instead.")] string? Text,
    [property: Description("Id of the document in its origin.")] string? Id,
    [property: Description("Publication date (YYYY-MM-DD); for a fetched page without one, too.")] string? Published,
    [property: Description("With text: where it comes from. Without text: an http(s) page or feed to fetch.")] string? Url,
    [property: Description("An http(s) RSS/Atom feed to fetch: every item is stored.")] string? Feed,
    [property: Description("Headline.")] string? Title,
    [property: Description("Outlet.")] string? Source,
    [property: Description("For a feed: fetch every item's page instead of the feed's summary.")] bool? FollowLinks);

/// <summary>A document the ingestion stored or found already stored.</summary>
public sealed record IngestedDocument(long? Id, string Key, string? ExternalId, string? Url, string? Title, bool Added);

/// <summary>A record that could not be stored.</summary>
public sealed record IngestFailure(string Origin, string? Id, string Code, string Message);

/// <summary>What <c>POST /v1/documents</c> did.</summary>
/// <summary>The answer of POST /v1/documents when the server hands documents to the workers (<c>--nats</c>).</summary>
public sealed record QueuedResponse(long Queued, long Unreadable, IReadOnlyList<IngestFailure> Failures);

public sealed record IngestResponse(long Added, long Skipped, long Failed, long Mentions, IReadOnlyList<IngestedDocument> Documents, IReadOnlyList<IngestFailure> Failures);

/// <summary>A stored document in a listing.</summary>
public sealed record DocumentSummary(long Id, string? ExternalId, string? Url, string? Title, string? Published, int Chars, string Snippet);

/// <summary>A page of stored documents.</summary>
public sealed record DocumentPage(IReadOnlyList<DocumentSummary> Items, long? NextAfter);

/// <summary><c>/v1/documents</c>: store (text, page URL or feed URL), read one, list.</summary>
public static class DocumentEndpoints
{
    /// <summary>Most feed items stored from one request.</summary>
    public const int MaxFeedItems = 500;

    public static void MapRead(RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/documents/{id}", GetDocument)
            .WithName("GetDocument").WithTags("documents")
            .WithSummary("A stored document: text, metadata and its analysis")
            .Produces<StoredDocument>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/documents", ListDocuments)
            .WithName("ListDocuments").WithTags("documents")
            .WithSummary("Stored documents in id order, after the id given")
            .Produces<DocumentPage>();
    }

    public static void MapWrite(RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapPost("/documents", IngestAsync)
            .WithName("IngestDocuments").WithTags("documents")
            .WithSummary("Analyse and store a text, a page (url) or every item of a feed (feed); needs X-Api-Key")
            .WithDescription("URLs are fetched through the corpus's guarded fetcher: http(s) only, private, loopback, link-local, multicast and reserved addresses refused (E301), redirects, size and time capped. Documents already stored are not added again.")
            .Accepts<IngestBody>("application/json")
            .Produces<IngestResponse>(StatusCodes.Status201Created)
            .Produces<IngestResponse>(StatusCodes.Status200OK)
            .Produces<QueuedResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult GetDocument(string id, CorpusStores stores)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            return Problems.Of(ServerErrors.InvalidParameter, $"\"{Queries.Shorten(id)}\" is not a document id");
        using var lease = stores.Read();
        var doc = lease.Store.GetDocument(n);
        return doc is null ? Problems.Of(ServerErrors.NotFound, $"no document {n}") : TypedResults.Json(doc, ApiJson.Options);
    }

    private static JsonHttpResult<DocumentPage> ListDocuments(CorpusStores stores, ServerOptions options,
        [FromQuery(Name = "after"), Description("List documents with a larger id (default 0).")] string? after,
        [FromQuery(Name = "limit"), Description("Documents per page (default 50).")] string? limit)
    {
        var afterId = Queries.Int(after, "after", 0, int.MaxValue) ?? 0;
        var n = Queries.Int(limit, "limit", 1, Math.Min(options.MaxPageSize, 200)) ?? 50;
        using var lease = stores.Read();
        var docs = lease.Store.ReadDocuments(afterId, n);
        var items = docs.Select(d => new DocumentSummary(d.Id, d.Input.Id, d.Input.Url, d.Input.Title,
            d.Input.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Input.Text.Length, Snippet(d.Input.Text))).ToList();
        return TypedResults.Json(new DocumentPage(items, items.Count == n ? items[^1].Id : null), ApiJson.Options);
    }

    private static async Task<IResult> IngestAsync(HttpContext context, Pipeline pipeline, AnalysisGate gate, CorpusStores stores,
        SafeHttpFetcher fetcher, ServerOptions options)
    {
        var ct = context.RequestAborted;
        if (RequestBody.KindOf(context.Request) != BodyKind.Json)
            return Problems.Of(ServerErrors.UnsupportedMediaType, $"send application/json: {{\"text\": …}}, {{\"url\": …}} or {{\"feed\": …}}, not {context.Request.ContentType}");
        var body = await RequestBody.ReadAsync(context.Request, options.MaxRequestBytes, ct).ConfigureAwait(false);
        var (records, problem) = await RecordsOfAsync(body, fetcher, options, ct).ConfigureAwait(false);
        if (problem is not null) return problem;
        if (options.Enqueue is { } enqueue)
        {
            // distributed ingestion: the workers analyse and store; the write is acknowledged when the broker has it
            var readable = records.Where(r => r.Record.Document is not null).ToList();
            var unreadable = records.Where(r => r.Record.Document is null)
                .Select(r => new IngestFailure(r.Origin, r.Record.Id, r.Record.Error!.Code, r.Record.Error.Message)).ToList();
            var queued = readable.Count == 0 ? 0 : await enqueue(readable, ct).ConfigureAwait(false);
            return TypedResults.Json(new QueuedResponse(queued, unreadable.Count, unreadable), ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
        }

        var keyed = records.Where(r => r.Record.Document is not null)
            .Select(r => (Record: r, Key: DocumentKey.Of(r.Record.Document!.Text, r.Record.Document.Url))).ToList();
        var keys = keyed.Select(k => k.Key).Distinct(StringComparer.Ordinal).ToList();

        using var slot = await gate.TryEnterAsync(ct).ConfigureAwait(false);
        if (slot is null) return AnalyzeEndpoints.Busy(context, gate);
        var (report, before, after) = await stores.WriteAsync(store =>
        {
            var known = Lookup(stores, keys);
            var r = new Ingestor(store, pipeline, new IngestOptions { Threads = 1, BatchSize = 64, FailuresListed = 100 }).Ingest(records, ct: ct);
            return (r, known, Lookup(stores, keys));
        }, ct).ConfigureAwait(false);

        // One text that could not be analysed (too large, empty…) is the request's problem, not a partial success.
        if (records.Count == 1 && report.Failed == 1 && report.Failures.Count == 1)
            return Problems.Of(report.Failures[0].Code, report.Failures[0].Message);

        var documents = new List<IngestedDocument>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (r, key) in keyed)
        {
            if (!listed.Add(key) || !after.TryGetValue(key, out var id)) continue;
            var d = r.Record.Document!;
            documents.Add(new IngestedDocument(id, key, d.Id, d.Url, d.Title, !before.ContainsKey(key)));
        }
        var failures = report.Failures.Select(f => new IngestFailure(f.Origin, f.ExternalId, f.Code, f.Message)).ToList();
        var response = new IngestResponse(report.Added, report.Skipped, report.Failed, report.Mentions, documents, failures);
        if (report.Added == 0) return TypedResults.Json(response, ApiJson.Options);
        var first = documents.FirstOrDefault(d => d.Added);
        context.Response.StatusCode = StatusCodes.Status201Created;
        if (first?.Id is { } firstId) context.Response.Headers.Location = $"/v1/documents/{firstId.ToString(CultureInfo.InvariantCulture)}";
        return TypedResults.Json(response, ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static IReadOnlyDictionary<string, long> Lookup(CorpusStores stores, IReadOnlyCollection<string> keys) =>
        stores.DatabasePath is { } path ? CorpusLookup.IdsOf(path, keys) : new Dictionary<string, long>();

    /// <summary>The records a request asks to store, or the problem with the request.</summary>
    private static async Task<(List<SourcedRecord> Records, IResult? Problem)> RecordsOfAsync(byte[] body, SafeHttpFetcher fetcher, ServerOptions options, CancellationToken ct)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return ([], Problems.Of(ErrorCode.InvalidJson, $"the body is not valid JSON: {e.Message}"));
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return ([], Problems.Of(ErrorCode.InvalidJson, "the body is JSON but not an object"));
            if (root.TryGetProperty("text", out var text) && text.ValueKind != JsonValueKind.Null)
            {
                var record = InputReader.ParseJsonLine(body, "api", 1);
                if (record.Document is null) return ([], Problems.Of(record.Error!.Code, AnalyzeEndpoints.BodyMessage(record.Error.Message)));
                var doc = record.Document;
                if (doc.Url is { } u && !IsHttpUrl(u, out _))
                    return ([], Problems.Of(ServerErrors.InvalidParameter, "url must be an absolute http(s) URL"));
                return ([new SourcedRecord(record, "api")], null);
            }
            var feed = String(root, "feed");
            var url = feed ?? String(root, "url");
            if (url is null)
                return ([], Problems.Of(ErrorCode.MissingText, "give \"text\" (the article), \"url\" (a page to fetch) or \"feed\" (an RSS/Atom feed)"));
            // Only an absolute http(s) URL reaches the reader: anything else would be read as a local path.
            if (!IsHttpUrl(url, out var uri))
                return ([], Problems.Of(CorpusErrors.UrlRefused, $"\"{Queries.Shorten(url)}\" is not an absolute http(s) URL"));
            var published = Queries.Published(String(root, "published"), "published");
            var followLinks = root.TryGetProperty("follow_links", out var fl) && fl.ValueKind == JsonValueKind.True;
            var sources = new InputSources(new SourceOptions { Published = published, FollowLinks = followLinks, MaxFileBytes = options.Fetch.MaxBytes }, fetcher);
            var records = await Task.Run(() => sources.Read([uri!.AbsoluteUri], ct).Take(MaxFeedItems).ToList(), ct).ConfigureAwait(false);
            if (records.Count == 1 && records[0].Record is { Document: null, Error: { } err })
                return ([], Problems.Of(err.Code, err.Message));
            return (records, null);
        }
    }

    private static bool IsHttpUrl(string s, out Uri? uri) =>
        Uri.TryCreate(s.Trim(), UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var el) && el.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(el.GetString()) ? el.GetString()!.Trim() : null;

    private static string Snippet(string text)
    {
        var t = text.AsSpan().Trim();
        var cut = t.Length <= 200 ? t : t[..200];
        return cut.Length < t.Length ? string.Concat(cut, "…") : cut.ToString();
    }
}
