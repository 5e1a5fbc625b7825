using System.Globalization;
using Hadath.Corpus.Store;

namespace Hadath.Server.Corpus;

/// <summary>A time bucket of the timeline: day (2025-08-06), ISO week (2025-W32) or month (2025-08).</summary>
public enum TimeBucket { Day, Week, Month }

/// <summary>Events per type per time bucket. <c>Counts[i][j]</c> is the number of events of <c>Types[i]</c> in <c>Buckets[j]</c>.</summary>
public sealed record Timeline(string Bucket, IReadOnlyList<string> Buckets, IReadOnlyList<TimelineSeries> Series, long Undated, bool Truncated);

/// <summary>One event type's counts over the timeline's buckets.</summary>
public sealed record TimelineSeries(string Type, IReadOnlyList<long> Counts, long Total);

/// <summary>An actor of the network: events as source and as target.</summary>
public sealed record NetworkNode(string Id, string Label, string? Name, string? Code, string? Country, string? Sector, long AsSource, long AsTarget);

/// <summary>A dyad: events from one actor to another, by type.</summary>
public sealed record NetworkEdge(string Source, string Target, long Weight, IReadOnlyDictionary<string, long> Types);

/// <summary>The actor network: actors with events, and directed dyads weighted by event counts.</summary>
public sealed record Network(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges, bool Truncated);

/// <summary>Events located in one country (ISO 3166 alpha-3).</summary>
public sealed record CountryCount(string Country, long Events);

/// <summary>Events at one named place with coordinates.</summary>
public sealed record PlaceCount(string Name, string? Country, double Lat, double Lon, long Events);

/// <summary>Events on the map: per country and per place.</summary>
public sealed record EventMap(string By, IReadOnlyList<CountryCount> Countries, IReadOnlyList<PlaceCount> Places, long Unlocated, bool Truncated);

/// <summary>An actor with its event counts.</summary>
public sealed record ActorSummary(string Id, string Label, string? Name, string? Code, string? Country, string? Sector, long AsSource, long AsTarget, long Events);

/// <summary>
/// Aggregations the dashboard draws, computed in one pass over exported events (clusters), at most
/// <c>limit</c> of them: pure functions with no store or HTTP in sight.
/// </summary>
public static class EventAggregates
{
    /// <summary>Parses day, week or month (default day); null for anything else.</summary>
    public static TimeBucket? ParseBucket(string? s) => (s ?? "day").Trim().ToLowerInvariant() switch
    {
        "day" or "" => TimeBucket.Day,
        "week" => TimeBucket.Week,
        "month" => TimeBucket.Month,
        _ => null,
    };

    /// <summary>The day an event happened: its own date when it is a day, else the first date of its cluster.</summary>
    public static DateOnly? DayOf(EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return ParseDay(e.Date) ?? ParseDay(e.FirstDate);
    }

    /// <summary>The bucket label of a day.</summary>
    public static string BucketOf(DateOnly day, TimeBucket bucket)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue);
        return bucket switch
        {
            TimeBucket.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}"),
            TimeBucket.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Events per type per bucket, types by descending total, buckets in time order.</summary>
    public static Timeline Timeline(IEnumerable<EventRecord> events, TimeBucket bucket, int limit)
    {
        ArgumentNullException.ThrowIfNull(events);
        var counts = new Dictionary<(string Type, string Bucket), long>();
        var buckets = new SortedSet<string>(StringComparer.Ordinal);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        long undated = 0;
        var truncated = false;
        var n = 0;
        foreach (var e in events)
        {
            if (n++ >= limit) { truncated = true; break; }
            if (DayOf(e) is not { } day) { undated++; continue; }
            var b = BucketOf(day, bucket);
            buckets.Add(b);
            var type = string.IsNullOrEmpty(e.Type) ? "-" : e.Type;
            counts[(type, b)] = counts.GetValueOrDefault((type, b)) + 1;
            totals[type] = totals.GetValueOrDefault(type) + 1;
        }
        var order = buckets.ToList();
        var series = totals.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new TimelineSeries(kv.Key, [.. order.Select(b => counts.GetValueOrDefault((kv.Key, b)))], kv.Value))
            .ToList();
        return new Timeline(bucket.ToString().ToLowerInvariant(), order, series, undated, truncated);
    }

    /// <summary>The key that identifies an actor across events: CAMEO code, else knowledge-base id, else country, else name.</summary>
    public static string? ActorKey(ActorRecord? a) =>
        a is null ? null
        : !string.IsNullOrWhiteSpace(a.Code) ? a.Code
        : !string.IsNullOrWhiteSpace(a.Id) ? a.Id
        : !string.IsNullOrWhiteSpace(a.Country) ? a.Country
        : !string.IsNullOrWhiteSpace(a.Name) ? a.Name
        : !string.IsNullOrWhiteSpace(a.Text) ? a.Text.Trim()
        : null;

    /// <summary>Actors with event counts, most active first, optionally those whose name, code, country or mention contains <paramref name="query"/>.</summary>
    public static IReadOnlyList<ActorSummary> Actors(IEnumerable<EventRecord> events, string? query, int limit, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(events);
        var acc = Accumulate(events, limit, out truncated, edges: null);
        IEnumerable<ActorAcc> all = acc.Values;
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim();
            all = all.Where(a => a.Matches(q));
        }
        return [.. all.OrderByDescending(a => a.AsSource + a.AsTarget).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.ToSummary())];
    }

    /// <summary>The dyad network: the <paramref name="maxNodes"/> most active actors and the dyads between them.</summary>
    public static Network Network(IEnumerable<EventRecord> events, int maxNodes, int limit)
    {
        ArgumentNullException.ThrowIfNull(events);
        var edges = new Dictionary<(string From, string To), Dictionary<string, long>>();
        var acc = Accumulate(events, limit, out var truncated, edges);
        var kept = acc.Values.OrderByDescending(a => a.AsSource + a.AsTarget).ThenBy(a => a.Key, StringComparer.Ordinal).Take(Math.Max(1, maxNodes)).ToList();
        var keys = new HashSet<string>(kept.Select(a => a.Key), StringComparer.Ordinal);
        var edgeList = edges.Where(kv => keys.Contains(kv.Key.From) && keys.Contains(kv.Key.To))
            .Select(kv => new NetworkEdge(kv.Key.From, kv.Key.To, kv.Value.Values.Sum(), new SortedDictionary<string, long>(kv.Value, StringComparer.Ordinal)))
            .OrderByDescending(e => e.Weight).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal)
            .ToList();
        var nodes = kept.Select(a => a.ToSummary()).Select(s => new NetworkNode(s.Id, s.Label, s.Name, s.Code, s.Country, s.Sector, s.AsSource, s.AsTarget)).ToList();
        return new Network(nodes, edgeList, truncated || kept.Count < acc.Count);
    }

    /// <summary>
    /// Events per country and per place. <paramref name="byActors"/> false counts the event's location (country and
    /// coordinates); true counts the countries of its source and target instead (once each per event).
    /// </summary>
    public static EventMap Map(IEnumerable<EventRecord> events, bool byActors, int limit)
    {
        ArgumentNullException.ThrowIfNull(events);
        var countries = new Dictionary<string, long>(StringComparer.Ordinal);
        var places = new Dictionary<(string Name, string? Country, double Lat, double Lon), long>();
        long unlocated = 0;
        var truncated = false;
        var n = 0;
        foreach (var e in events)
        {
            if (n++ >= limit) { truncated = true; break; }
            if (byActors)
            {
                var s = Country(e.Source?.Country);
                var t = Country(e.Target?.Country);
                if (s is null && t is null) { unlocated++; continue; }
                if (s is not null) countries[s] = countries.GetValueOrDefault(s) + 1;
                if (t is not null && t != s) countries[t] = countries.GetValueOrDefault(t) + 1;
                continue;
            }
            var loc = e.Location;
            var c = Country(loc?.Country);
            if (loc is null || (c is null && loc.Lat is null)) { unlocated++; continue; }
            if (c is not null) countries[c] = countries.GetValueOrDefault(c) + 1;
            if (loc.Lat is { } lat && loc.Lon is { } lon && double.IsFinite(lat) && double.IsFinite(lon) && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180)
            {
                var name = !string.IsNullOrWhiteSpace(loc.Text) ? loc.Text.Trim() : loc.Name ?? "";
                var k = (name, c, Math.Round(lat, 4), Math.Round(lon, 4));
                places[k] = places.GetValueOrDefault(k) + 1;
            }
        }
        return new EventMap(byActors ? "actors" : "location",
            [.. countries.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new CountryCount(kv.Key, kv.Value))],
            [.. places.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Name, StringComparer.Ordinal).Select(kv => new PlaceCount(kv.Key.Name, kv.Key.Country, kv.Key.Lat, kv.Key.Lon, kv.Value))],
            unlocated, truncated);
    }

    /// <summary>An ISO 3166 alpha-3 country code (upper case), or null for organisation codes and anything else.</summary>
    private static string? Country(string? code) =>
        code is { Length: 3 } && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : null;

    private static DateOnly? ParseDay(string? s) =>
        s is { Length: 10 } && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static Dictionary<string, ActorAcc> Accumulate(IEnumerable<EventRecord> events, int limit, out bool truncated,
        Dictionary<(string From, string To), Dictionary<string, long>>? edges)
    {
        var acc = new Dictionary<string, ActorAcc>(StringComparer.Ordinal);
        truncated = false;
        var n = 0;
        foreach (var e in events)
        {
            if (n++ >= limit) { truncated = true; break; }
            var s = Add(acc, e.Source, asSource: true);
            var t = Add(acc, e.Target, asSource: false);
            if (edges is null || s is null || t is null || s == t) continue;
            if (!edges.TryGetValue((s, t), out var types)) edges[(s, t)] = types = new Dictionary<string, long>(StringComparer.Ordinal);
            var type = string.IsNullOrEmpty(e.Type) ? "-" : e.Type;
            types[type] = types.GetValueOrDefault(type) + 1;
        }
        return acc;
    }

    private static string? Add(Dictionary<string, ActorAcc> acc, ActorRecord? a, bool asSource)
    {
        if (ActorKey(a) is not { } key) return null;
        if (!acc.TryGetValue(key, out var x)) acc[key] = x = new ActorAcc(key);
        x.Add(a!, asSource);
        return key;
    }

    private sealed class ActorAcc(string key)
    {
        private readonly Dictionary<string, long> _texts = new(StringComparer.Ordinal);

        public string Key { get; } = key;
        public string? Name { get; private set; }
        public string? Code { get; private set; }
        public string? Country { get; private set; }
        public string? Sector { get; private set; }
        public long AsSource { get; private set; }
        public long AsTarget { get; private set; }

        public void Add(ActorRecord a, bool asSource)
        {
            if (asSource) AsSource++;
            else AsTarget++;
            Name ??= NullIfBlank(a.Name);
            Code ??= NullIfBlank(a.Code);
            Country ??= NullIfBlank(a.Country);
            Sector ??= NullIfBlank(a.Sector);
            if (!string.IsNullOrWhiteSpace(a.Text))
            {
                var t = a.Text.Trim();
                _texts[t] = _texts.GetValueOrDefault(t) + 1;
            }
        }

        /// <summary>The mention most often used for the actor (Arabic, as in the articles), else its canonical name or key.</summary>
        public string Label => _texts.Count > 0
            ? _texts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key
            : Name ?? Key;

        public bool Matches(string q) =>
            Key.Contains(q, StringComparison.OrdinalIgnoreCase)
            || (Name?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)
            || (Code?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)
            || string.Equals(Country, q, StringComparison.OrdinalIgnoreCase)
            || _texts.Keys.Any(t => t.Contains(q, StringComparison.Ordinal));

        public ActorSummary ToSummary() => new(Key, Label, Name, Code, Country, Sector, AsSource, AsTarget, AsSource + AsTarget);

        private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
    }
}
