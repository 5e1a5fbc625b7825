using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Hadath.Corpus.Export;
using Hadath.Corpus.Store;
using Hadath.Server.Corpus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Hadath.Server.Api;

/// <summary>A page of results, with the offset of the next page when there may be one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Limit, int Offset, int? NextOffset);

/// <summary>An actor list, with whether it was cut at the aggregation limit.</summary>
public sealed record ActorPage(IReadOnlyList<ActorSummary> Items, int Limit, int Offset, int Total, bool Truncated);

/// <summary>Events, exports, statistics and the dashboard's aggregations, all under the filters of <c>hadath events</c>.</summary>
public static class EventEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/events", Events)
            .WithName("Events").WithTags("events")
            .WithSummary("Events (clusters of mentions) matching the filters, newest first; ?mentions=true lists the mentions instead")
            .Produces<Page<EventHit>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        v1.MapGet("/events/export", ExportAsync)
            .WithName("ExportEvents").WithTags("events")
            .WithSummary("All events matching the filters as CSV or JSON Lines (a download), oldest first")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: AnalyzeEndpoints.JsonLines)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        v1.MapGet("/stats", Stats)
            .WithName("Stats").WithTags("events")
            .WithSummary("Counts over the events matching the filters: per day, type, dyad, top actors, Goldstein per dyad and week")
            .Produces<CorpusStats>();
        v1.MapGet("/actors", Actors)
            .WithName("Actors").WithTags("events")
            .WithSummary("Actors of the events matching the filters, most active first; ?q= keeps those whose name, code or mention contains it")
            .Produces<ActorPage>();
        v1.MapGet("/timeline", TimelineOf)
            .WithName("Timeline").WithTags("dashboard")
            .WithSummary("Events per type per day, ISO week or month")
            .Produces<Timeline>();
        v1.MapGet("/network", NetworkOf)
            .WithName("Network").WithTags("dashboard")
            .WithSummary("The actor network: actors and directed dyads weighted by event counts")
            .Produces<Network>();
        v1.MapGet("/map", MapOf)
            .WithName("Map").WithTags("dashboard")
            .WithSummary("Events per country and place: by event location (default) or by the countries of source and target (?by=actors)")
            .Produces<EventMap>();
    }

    private static IResult Events([AsParameters] EventQuery query, [AsParameters] PageQuery page, CorpusStores stores, ServerOptions options,
        [FromQuery(Name = "mentions"), Description("List event mentions (one per article sentence) instead of events.")] string? mentions)
    {
        var filter = query.ToFilter();
        var paging = page.ToPaging(options.MaxPageSize);
        using var lease = stores.Read();
        if (Queries.Bool(mentions, "mentions"))
            return TypedResults.Json(PageOf(lease.Store.QueryMentions(filter, paging), paging), ApiJson.Options);
        return TypedResults.Json(PageOf(lease.Store.QueryEvents(filter, paging), paging), ApiJson.Options);
    }

    private static Page<T> PageOf<T>(IReadOnlyList<T> items, Paging paging) =>
        new(items, paging.Limit, paging.Offset, items.Count == paging.Limit ? paging.Offset + items.Count : null);

    private static async Task<IResult> ExportAsync(HttpContext context, [AsParameters] EventQuery query, CorpusStores stores,
        [FromQuery(Name = "format"), Description("csv (default) or jsonl.")] string? format)
    {
        var filter = query.ToFilter();
        var f = (format ?? "csv").Trim().ToLowerInvariant();
        if (f is not ("csv" or "jsonl"))
            return Problems.Of(ServerErrors.InvalidParameter, $"format \"{Queries.Shorten(format!)}\" is not csv or jsonl");
        var ct = context.RequestAborted;
        // The exporters write synchronously; buffer (in memory, then a temp file) and copy to the response asynchronously.
        await using var buffer = new FileBufferingWriteStream();
        using (var lease = stores.Read())
        {
            var events = lease.Store.ExportEvents(filter);
            if (f == "csv")
            {
                await using var w = new StreamWriter(buffer, new UTF8Encoding(true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
                TabularExporter.WriteEventsCsv(events, w);
            }
            else
            {
                foreach (var e in events)
                {
                    ct.ThrowIfCancellationRequested();
                    JsonSerializer.Serialize(buffer, e, ApiJson.Options);
                    buffer.Write("\n"u8);
                }
            }
        }
        var response = context.Response;
        response.ContentType = f == "csv" ? "text/csv; charset=utf-8" : AnalyzeEndpoints.JsonLines + "; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"hadath-events.{f}\"";
        await buffer.DrainBufferAsync(response.Body, ct).ConfigureAwait(false);
        return TypedResults.Empty;
    }

    private static JsonHttpResult<CorpusStats> Stats([AsParameters] EventQuery query, CorpusStores stores)
    {
        var filter = query.ToFilter();
        using var lease = stores.Read();
        return TypedResults.Json(lease.Store.Stats(filter), ApiJson.Options);
    }

    private static IResult Actors([AsParameters] EventQuery query, [AsParameters] PageQuery page, CorpusStores stores, ServerOptions options,
        [FromQuery(Name = "q"), Description("Keep actors whose name, code, country or mention contains this.")] string? q)
    {
        var filter = query.ToFilter();
        var paging = page.ToPaging(options.MaxPageSize);
        if (q is { Length: > Queries.MaxValueLength }) return Problems.Of(ServerErrors.InvalidParameter, $"q is longer than {Queries.MaxValueLength} characters");
        using var lease = stores.Read();
        var all = EventAggregates.Actors(lease.Store.ExportEvents(filter), q, options.MaxAggregatedEvents, out var truncated);
        var items = all.Skip(paging.Offset).Take(paging.Limit).ToList();
        return TypedResults.Json(new ActorPage(items, paging.Limit, paging.Offset, all.Count, truncated), ApiJson.Options);
    }

    private static IResult TimelineOf([AsParameters] EventQuery query, CorpusStores stores, ServerOptions options,
        [FromQuery(Name = "bucket"), Description("day (default), week or month.")] string? bucket)
    {
        var filter = query.ToFilter();
        if (EventAggregates.ParseBucket(bucket) is not { } b)
            return Problems.Of(ServerErrors.InvalidParameter, $"bucket \"{Queries.Shorten(bucket!)}\" is not day, week or month");
        using var lease = stores.Read();
        return TypedResults.Json(EventAggregates.Timeline(lease.Store.ExportEvents(filter), b, options.MaxAggregatedEvents), ApiJson.Options);
    }

    private static JsonHttpResult<Network> NetworkOf([AsParameters] EventQuery query, CorpusStores stores, ServerOptions options,
        [FromQuery(Name = "max_nodes"), Description("Most actors drawn (default 60, at most 300).")] string? maxNodes)
    {
        var filter = query.ToFilter();
        var n = Queries.Int(maxNodes, "max_nodes", 1, 300) ?? 60;
        using var lease = stores.Read();
        return TypedResults.Json(EventAggregates.Network(lease.Store.ExportEvents(filter), n, options.MaxAggregatedEvents), ApiJson.Options);
    }

    private static IResult MapOf([AsParameters] EventQuery query, CorpusStores stores, ServerOptions options,
        [FromQuery(Name = "by"), Description("location (default): where events happened; actors: the countries of source and target.")] string? by)
    {
        var filter = query.ToFilter();
        var mode = (by ?? "location").Trim().ToLowerInvariant();
        if (mode is not ("location" or "actors"))
            return Problems.Of(ServerErrors.InvalidParameter, $"by \"{Queries.Shorten(by!)}\" is not location or actors");
        using var lease = stores.Read();
        return TypedResults.Json(EventAggregates.Map(lease.Store.ExportEvents(filter), mode == "actors", options.MaxAggregatedEvents), ApiJson.Options);
    }
}
