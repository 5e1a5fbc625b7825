using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hadath.Core.Model;

namespace Hadath.Corpus.Clustering;

/// <summary>Where an event mention falls for clustering: its group (type, polarity, dyad), its day and its facets.</summary>
/// <param name="Group">Type, polarity and the two actors' countries (sorted for undirected types); with the document key when the mention has no date at all.</param>
/// <param name="Day">The effective day as a day number (<see cref="DateOnly.DayNumber"/>), or null when neither the mention nor its document is dated.</param>
/// <param name="Facet">"place|source sector|target sector", each part "" when unknown (see <see cref="EventClustering.Facet"/>).</param>
/// <param name="EffectiveDate">The effective day as YYYY-MM-DD, or null.</param>
public readonly record struct MentionKey(string Group, int? Day, string Facet, string? EffectiveDate);

/// <summary>One (day, facet) cell of a group with its number of mentions.</summary>
public readonly record struct ClusterAtom(int? Day, string Facet, int Mentions);

/// <summary>
/// Event clustering across documents, as GDELT's Mentions table does within its own events, but across articles:
/// mentions of the same event type, polarity and actors within a day of each other, and with compatible details
/// (place, the actors' sectors: equal, or unknown on one side) are one event. Cluster assignment is a pure function of
/// the set of (day, facet) cells of a group, so documents may arrive in any order, and several writers that each
/// recompute the groups they touch agree on every cluster key.
/// </summary>
public static class EventClustering
{
    /// <summary>Two days of the same group belong together when they are at most this many days apart…</summary>
    public const int WindowDays = 1;

    /// <summary>…and a cluster spans at most this many days (a daily series is cut into several events).</summary>
    public const int MaxSpanDays = 3;

    /// <summary>PLOVER types with no direction: a meeting of A and B is the meeting of B and A.</summary>
    public static bool IsUndirected(string type) => string.Equals(type, "CONSULT", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The group key of an actor: its country ("RUS"), else "id:…", else "code:…", else "-". The sector is a facet, not
    /// part of the group: the same actor is often coded RUSGOV in one sentence and only RUS ("إلى موسكو") in the next.
    /// </summary>
    public static string ActorKey(ActorOut? a)
    {
        if (a is null) return "-";
        if (!string.IsNullOrEmpty(a.Country)) return a.Country.ToUpperInvariant();
        if (!string.IsNullOrEmpty(a.Id)) return "id:" + a.Id;
        if (!string.IsNullOrEmpty(a.Code)) return "code:" + a.Code.ToUpperInvariant();
        return "-";
    }

    private static string Sector(ActorOut? a) => a is { Country.Length: > 0, Sector.Length: > 0 } ? a.Sector.ToUpperInvariant() : "";

    /// <summary>The day an event is counted on: its own date when it is a full day, else the document's publication date.</summary>
    public static DateOnly? EffectiveDate(EventOut e, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Date is { Length: 10 } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        return published;
    }

    /// <summary>The place key of an event: its location's country, else its normalised name, else "".</summary>
    public static string PlaceKey(LocationOut? location)
    {
        if (location is null) return "";
        if (!string.IsNullOrEmpty(location.Country)) return location.Country.ToUpperInvariant();
        var name = location.Name ?? location.Text;
        return string.IsNullOrWhiteSpace(name) ? "" : Search.ArabicSearchTerms.Key(name);
    }

    /// <summary>"place|source sector|target sector" (source and target in group order).</summary>
    public static string Facet(string place, string sourceSector, string targetSector) => string.Concat(place, "|", sourceSector, "|", targetSector);

    /// <summary>The clustering key of one mention. <paramref name="documentKey"/> keeps undated mentions within their document.</summary>
    public static MentionKey KeyOf(EventOut e, DateOnly? published, string documentKey)
    {
        ArgumentNullException.ThrowIfNull(e);
        var type = (e.Type ?? "").ToUpperInvariant();
        var src = ActorKey(e.Source);
        var tgt = ActorKey(e.Target);
        var (ss, ts) = (Sector(e.Source), Sector(e.Target));
        if (IsUndirected(type) && (string.CompareOrdinal(src, tgt) > 0 || (src == tgt && string.CompareOrdinal(ss, ts) > 0)))
        {
            (src, tgt) = (tgt, src);
            (ss, ts) = (ts, ss);
        }
        var polarity = string.Equals(e.Modality, "negated", StringComparison.OrdinalIgnoreCase) ? "-" : "+";
        var date = EffectiveDate(e, published);
        var group = string.Concat(type, "|", polarity, "|", src, "|", tgt);
        if (date is null) group = string.Concat(group, "|doc:", documentKey);
        return new MentionKey(group, date?.DayNumber, Facet(PlaceKey(e.Location), ss, ts), date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Assigns every (day, facet) cell of one group to a cluster key. Days are sorted and cut into chunks: a new chunk
    /// starts after a gap of more than <see cref="WindowDays"/> or when the chunk would span more than
    /// <see cref="MaxSpanDays"/>. Within a chunk, facets are taken most specific first (most known parts, then most
    /// mentions, then ordinal order); each becomes an event unless it is compatible (every part equal or unknown on
    /// one side) with one taken before, whose event it joins. Undated cells are clustered the same way among themselves.
    /// </summary>
    public static Dictionary<(int? Day, string Facet), string> Assign(string group, IEnumerable<ClusterAtom> atoms)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(atoms);
        var result = new Dictionary<(int? Day, string Facet), string>();
        var byDay = new SortedDictionary<int, List<ClusterAtom>>();
        var undated = new List<ClusterAtom>();
        foreach (var a in atoms)
        {
            if (a.Day is not { } d) { undated.Add(a); continue; }
            if (!byDay.TryGetValue(d, out var list)) byDay[d] = list = [];
            list.Add(a);
        }
        if (undated.Count > 0) AssignChunk(group, null, undated, result);
        var chunk = new List<ClusterAtom>();
        int? chunkStart = null, last = null;
        foreach (var (day, list) in byDay)
        {
            if (chunkStart is not null && (day - last!.Value > WindowDays || day - chunkStart.Value >= MaxSpanDays))
            {
                AssignChunk(group, chunkStart.Value, chunk, result);
                chunk.Clear();
                chunkStart = null;
            }
            chunkStart ??= day;
            last = day;
            chunk.AddRange(list);
        }
        if (chunkStart is not null) AssignChunk(group, chunkStart.Value, chunk, result);
        return result;
    }

    private static void AssignChunk(string group, int? start, List<ClusterAtom> chunk, Dictionary<(int? Day, string Facet), string> result)
    {
        var mentions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in chunk) mentions[a.Facet] = mentions.GetValueOrDefault(a.Facet) + a.Mentions;
        var order = mentions.Keys
            .Select(f => (Facet: f, Parts: f.Split('|')))
            .OrderByDescending(x => x.Parts.Count(p => p.Length > 0))
            .ThenByDescending(x => mentions[x.Facet])
            .ThenBy(x => x.Facet, StringComparer.Ordinal)
            .ToList();
        var heads = new List<string[]>();
        var keyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (facet, parts) in order)
        {
            string[]? head = null;
            foreach (var h in heads)
                if (Compatible(h, parts)) { head = h; break; }
            if (head is null)
            {
                heads.Add(parts);
                head = parts;
            }
            keyOf[facet] = ClusterKey(group, start, string.Join('|', head));
        }
        foreach (var a in chunk) result[(a.Day, a.Facet)] = keyOf[a.Facet];
    }

    private static bool Compatible(string[] a, string[] b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
            if (a[i].Length > 0 && b[i].Length > 0 && !string.Equals(a[i], b[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>A cluster key: 20 hex digits of SHA-256 over the group, the chunk's first day and the head facet.</summary>
    public static string ClusterKey(string group, int? startDay, string facet)
    {
        ArgumentNullException.ThrowIfNull(group);
        var s = string.Concat(group, "#", startDay?.ToString(CultureInfo.InvariantCulture) ?? "-", "#", facet);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(s), hash);
        return Convert.ToHexStringLower(hash[..10]);
    }
}
