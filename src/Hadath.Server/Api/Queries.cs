using System.ComponentModel;
using System.Globalization;
using Hadath.Core.Input;
using Hadath.Corpus.Store;
using Microsoft.AspNetCore.Mvc;

namespace Hadath.Server.Api;

/// <summary>The filters of <c>hadath events</c> as query parameters (all optional), validated into an <see cref="EventFilter"/>.</summary>
public sealed class EventQuery
{
    private static readonly string[] Modalities = ["asserted", "negated", "hypothetical", "future", "question"];

    [FromQuery(Name = "actor"), Description("Source or target: actor id, CAMEO code (RUSGOV), name, country (RUS) or words of the mention.")]
    public string? Actor { get; set; }

    [FromQuery(Name = "source"), Description("Source: country, CAMEO code, actor id or name.")]
    public string? Source { get; set; }

    [FromQuery(Name = "target"), Description("Target: country, CAMEO code, actor id or name.")]
    public string? Target { get; set; }

    [FromQuery(Name = "country"), Description("Source, target or location country (ISO 3166 alpha-3).")]
    public string? Country { get; set; }

    [FromQuery(Name = "type"), Description("PLOVER type (CONSULT) or CAMEO code prefix (04, 043).")]
    public string? Type { get; set; }

    [FromQuery(Name = "modality"), Description("asserted, negated, hypothetical, future or question.")]
    public string? Modality { get; set; }

    [FromQuery(Name = "reporter"), Description("Who reports the event: name, code, or words of the reporter's mention.")]
    public string? Reporter { get; set; }

    [FromQuery(Name = "from"), Description("Events on or after this date (YYYY-MM-DD).")]
    public string? From { get; set; }

    [FromQuery(Name = "to"), Description("Events on or before this date (YYYY-MM-DD).")]
    public string? To { get; set; }

    [FromQuery(Name = "document"), Description("Only events of this stored document (id).")]
    public string? Document { get; set; }

    /// <summary>The filter; <see cref="ApiException"/> E405 names the first invalid parameter.</summary>
    public EventFilter ToFilter()
    {
        var modality = Clean(Modality, "modality");
        if (modality is not null && !Modalities.Contains(modality.ToLowerInvariant()))
            throw new ApiException(ServerErrors.InvalidParameter, $"modality \"{Queries.Shorten(modality)}\" is not one of {string.Join(", ", Modalities)}");
        var from = Queries.Date(From, "from");
        var to = Queries.Date(To, "to");
        if (from is { } f && to is { } t && f > t)
            throw new ApiException(ServerErrors.InvalidParameter, $"from ({f:yyyy-MM-dd}) is after to ({t:yyyy-MM-dd})");
        return new EventFilter
        {
            Actor = Clean(Actor, "actor"),
            Source = Clean(Source, "source"),
            Target = Clean(Target, "target"),
            Country = Clean(Country, "country"),
            Type = Clean(Type, "type"),
            Modality = modality,
            Reporter = Clean(Reporter, "reporter"),
            From = from,
            To = to,
            DocumentId = Queries.Id(Document, "document"),
        };
    }

    private static string? Clean(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (v.Length > Queries.MaxValueLength) throw new ApiException(ServerErrors.InvalidParameter, $"{name} is longer than {Queries.MaxValueLength} characters");
        return v;
    }
}

/// <summary>Paging parameters.</summary>
public sealed class PageQuery
{
    [FromQuery(Name = "limit"), Description("Results per page (default 50, at most the server's page size).")]
    public string? Limit { get; set; }

    [FromQuery(Name = "offset"), Description("Results to skip (default 0).")]
    public string? Offset { get; set; }

    /// <summary>The page; <see cref="ApiException"/> E405 for a limit out of range or a negative offset.</summary>
    public Paging ToPaging(int maxLimit, int defaultLimit = 50)
    {
        var limit = Queries.Int(Limit, "limit", 1, maxLimit) ?? Math.Min(defaultLimit, maxLimit);
        var offset = Queries.Int(Offset, "offset", 0, 10_000_000) ?? 0;
        return new Paging(limit, offset);
    }
}

/// <summary>Parsing of single query values, with E405 problems that name the parameter.</summary>
public static class Queries
{
    /// <summary>Longest accepted text value.</summary>
    public const int MaxValueLength = 200;

    public static DateOnly? Date(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new ApiException(ServerErrors.InvalidParameter, $"{name} \"{Shorten(value)}\" is not a date (YYYY-MM-DD)");
        return d;
    }

    public static int? Int(string? value, string name, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new ApiException(ServerErrors.InvalidParameter, $"{name} \"{Shorten(value)}\" is not a whole number from {min} to {max}");
        return n;
    }

    public static long? Id(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            throw new ApiException(ServerErrors.InvalidParameter, $"{name} \"{Shorten(value)}\" is not a document id");
        return n;
    }

    public static bool Bool(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        return value.Trim().ToLowerInvariant() switch
        {
            "1" or "true" or "yes" => true,
            "0" or "false" or "no" => false,
            _ => throw new ApiException(ServerErrors.InvalidParameter, $"{name} \"{Shorten(value)}\" is not true or false"),
        };
    }

    /// <summary>A published date given with a document (ISO date, ISO timestamp or 20250806), as the CLI accepts it.</summary>
    public static DateOnly? Published(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!InputReader.TryParseDate(value, out var d))
            throw new ApiException(Hadath.Core.Diagnostics.ErrorCode.InvalidPublished, $"{name} \"{Shorten(value)}\" is not an ISO date (YYYY-MM-DD)");
        return d;
    }

    /// <summary>A value cut for an error message.</summary>
    public static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
