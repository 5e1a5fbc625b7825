using System.ComponentModel;
using Hadath.Corpus.Store;
using Hadath.Server.Corpus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Hadath.Server.Api;

/// <summary><c>GET /v1/search</c>: Arabic full-text search over documents or quotes.</summary>
public static class SearchEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/search", Search)
            .WithName("Search").WithTags("search")
            .WithSummary("Documents (or quotes with their speakers) matching an Arabic query, best first, with snippets whose matched words are marked")
            .Produces<Page<SearchHit>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult Search(CorpusStores stores, ServerOptions options, [AsParameters] PageQuery page,
        [FromQuery(Name = "q"), Description("Arabic words; a word matches its forms with clitics and the hamza and ta marbuta variants.")] string? q,
        [FromQuery(Name = "quotes"), Description("Search quotes instead of documents.")] string? quotes,
        [FromQuery(Name = "from"), Description("Published on or after (YYYY-MM-DD).")] string? from,
        [FromQuery(Name = "to"), Description("Published on or before (YYYY-MM-DD).")] string? to,
        [FromQuery(Name = "mark_open"), Description("Put before a matched word in snippets (default \"[\", at most 8 characters).")] string? markOpen,
        [FromQuery(Name = "mark_close"), Description("Put after a matched word in snippets (default \"]\").")] string? markClose)
    {
        if (string.IsNullOrWhiteSpace(q)) return Problems.Of(ServerErrors.InvalidParameter, "q is missing: give the words to search for");
        if (q.Length > Queries.MaxValueLength) return Problems.Of(ServerErrors.InvalidParameter, $"q is longer than {Queries.MaxValueLength} characters");
        if (markOpen is { Length: > 8 } || markClose is { Length: > 8 }) return Problems.Of(ServerErrors.InvalidParameter, "mark_open and mark_close have at most 8 characters");
        var paging = page.ToPaging(options.MaxPageSize, 20);
        var query = new SearchQuery(q.Trim())
        {
            Quotes = Queries.Bool(quotes, "quotes"),
            From = Queries.Date(from, "from"),
            To = Queries.Date(to, "to"),
            MarkOpen = string.IsNullOrEmpty(markOpen) ? "[" : markOpen,
            MarkClose = string.IsNullOrEmpty(markClose) ? "]" : markClose,
        };
        using var lease = stores.Read();
        var hits = lease.Store.Search(query, paging);
        return TypedResults.Json(new Page<SearchHit>(hits, paging.Limit, paging.Offset, hits.Count == paging.Limit ? paging.Offset + hits.Count : null), ApiJson.Options);
    }
}
