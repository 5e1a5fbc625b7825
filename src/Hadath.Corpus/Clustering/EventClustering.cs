using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hadath.Core.Model;

namespace Hadath.Corpus.Clustering;

/// <summary>Where an event mention falls for clustering: its group (type, polarity, dyad), its day and its place.</summary>
/// <param name="Group">Type, polarity and the two actor keys (sorted for undirected types); with the document key when the mention has no date at all.</param>
/// <param name="Day">The effective day as a day number (<see cref="DateOnly.DayNumber"/>), or null when neither the mention nor its document is dated.</param>
/// <param name="Place">The country of the event's location, else its normalised name, else "" (unknown).</param>
/// <param name="EffectiveDate">The effective day as YYYY-MM-DD, or null.</param>
public readonly record struct MentionKey(string Group, int? Day, string Place, string? EffectiveDate);

/// <summary>One (day, place) cell of a group with its number of mentions.</summary>
public readonly record struct ClusterAtom(int? Day, string Place, int Mentions);

/// <summary>
/// Event clustering across documents, as GDELT's Mentions table does within its own events, but across articles:
/// mentions of the same event type, polarity and actors (country+sector, else actor id) within a day of each other
/// and in the same place (when known) are one event. Cluster assignment is a pure function of the set of (day, place)
/// cells of a group, so documents may arrive in any order, and several writers that each recompute the groups they
/// touch agree on every cluster key.
/// </summary>
public static class EventClustering
{
    /// <summary>Two days of the same group belong together when they are at most this many days apart…</summary>
    public const int WindowDays = 1;

    /// <summary>…and a cluster spans at most this many days (a daily series is cut into several events).</summary>
    public const int MaxSpanDays = 3;

    /// <summary>PLOVER types with no direction: a meeting of A and B is the meeting of B and A.</summary>
    public static bool IsUndirected(string type) => string.Equals(type, "CONSULT", StringComparison.OrdinalIgnoreCase);

    /// <summary>The clustering key of an actor: "RUS:GOV" (country and sector), else "id:…", else "code:…", else "-".</summary>
    public static string ActorKey(ActorOut? a)
    {
        if (a is null) return "-";
        if (!string.IsNullOrEmpty(a.Country)) return a.Country.ToUpperInvariant() + ":" + (a.Sector ?? "").ToUpperInvariant();
        if (!string.IsNullOrEmpty(a.Id)) return "id:" + a.Id;
        if (!string.IsNullOrEmpty(a.Code)) return "code:" + a.Code.ToUpperInvariant();
        return "-";
    }

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

    /// <summary>The clustering key of one mention. <paramref name="documentKey"/> keeps undated mentions within their document.</summary>
    public static MentionKey KeyOf(EventOut e, DateOnly? published, string documentKey)
    {
        ArgumentNullException.ThrowIfNull(e);
        var type = (e.Type ?? "").ToUpperInvariant();
        var src = ActorKey(e.Source);
        var tgt = ActorKey(e.Target);
        if (IsUndirected(type) && string.CompareOrdinal(src, tgt) > 0) (src, tgt) = (tgt, src);
        var polarity = string.Equals(e.Modality, "negated", StringComparison.OrdinalIgnoreCase) ? "-" : "+";
        var date = EffectiveDate(e, published);
        var group = string.Concat(type, "|", polarity, "|", src, "|", tgt);
        if (date is null) group = string.Concat(group, "|doc:", documentKey);
        return new MentionKey(group, date?.DayNumber, PlaceKey(e.Location), date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Assigns every (day, place) cell of one group to a cluster key. Days are sorted and cut into chunks: a new chunk
    /// starts after a gap of more than <see cref="WindowDays"/> or when the chunk would span more than
    /// <see cref="MaxSpanDays"/>. Within a chunk, each known place is its own event; cells without a place join the
    /// place with the most mentions (ties: the smallest place key), or form the event when no place is known. Undated
    /// cells form one event of their own.
    /// </summary>
    public static Dictionary<(int? Day, string Place), string> Assign(string group, IEnumerable<ClusterAtom> atoms)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(atoms);
        var result = new Dictionary<(int? Day, string Place), string>();
        var byDay = new SortedDictionary<int, List<ClusterAtom>>();
        var undated = new List<ClusterAtom>();
        foreach (var a in atoms)
        {
            if (a.Day is not { } d) { undated.Add(a); continue; }
            if (!byDay.TryGetValue(d, out var list)) byDay[d] = list = [];
            list.Add(a);
        }
        if (undated.Count > 0)
        {
            var key = ClusterKey(group, null, "");
            foreach (var a in undated) result[(null, a.Place)] = key;
        }
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

    private static void AssignChunk(string group, int start, List<ClusterAtom> chunk, Dictionary<(int? Day, string Place), string> result)
    {
        var mentionsByPlace = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in chunk)
            if (a.Place.Length > 0) mentionsByPlace[a.Place] = mentionsByPlace.GetValueOrDefault(a.Place) + a.Mentions;
        var dominant = "";
        var best = -1;
        foreach (var (place, n) in mentionsByPlace)
            if (n > best) { best = n; dominant = place; }
        foreach (var a in chunk)
        {
            var place = a.Place.Length > 0 ? a.Place : dominant;
            result[(a.Day, a.Place)] = ClusterKey(group, start, place);
        }
    }

    /// <summary>A cluster key: 20 hex digits of SHA-256 over the group, the chunk's first day and the place.</summary>
    public static string ClusterKey(string group, int? startDay, string place)
    {
        ArgumentNullException.ThrowIfNull(group);
        var s = string.Concat(group, "#", startDay?.ToString(CultureInfo.InvariantCulture) ?? "-", "#", place);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(s), hash);
        return Convert.ToHexStringLower(hash[..10]);
    }
}
