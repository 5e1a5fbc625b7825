using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hadath.Corpus.Store;

namespace Hadath.Corpus.Export;

/// <summary>
/// PLOVER JSON Lines (the PLOVER manual's event record): one object per clustered event with id, has_event, date,
/// enddate, actor and recipient (entity objects: code, sector, entity_text, identifier_text), event, event_loc,
/// event_text, quad_code, event_scale, mode, context, link, text, text_info, cite_info, coder, coded_date, comment.
/// PLOVER's auxiliary mode for negation, future and hypothetical events is filled from the modality; what PLOVER has
/// no field for (cluster, mention and document counts, the reporter) goes under "hadath".
/// </summary>
public static class PloverExporter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one JSON line per event; returns the number of lines.</summary>
    public static long Write(IEnumerable<EventRecord> events, Stream output, string coder = "hadath")
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        var codedDate = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        long n = 0;
        using var buffer = new MemoryStream();
        foreach (var e in events)
        {
            buffer.SetLength(0);
            using (var w = new Utf8JsonWriter(buffer, Options)) WriteEvent(w, e, coder, codedDate);
            buffer.WriteByte((byte)'\n');
            buffer.WriteTo(output);
            n++;
        }
        return n;
    }

    private static void WriteEvent(Utf8JsonWriter w, EventRecord e, string coder, string codedDate)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Cluster);
        w.WriteBoolean("has_event", !string.Equals(e.Modality, "negated", StringComparison.Ordinal));
        w.WriteString("date", e.FirstDate ?? e.Date);
        if (e.LastDate is not null && e.LastDate != e.FirstDate) w.WriteString("enddate", e.LastDate);
        w.WritePropertyName("actor");
        Entities(w, e.Source);
        w.WritePropertyName("recipient");
        Entities(w, e.Target);
        w.WriteStartArray("event");
        w.WriteStringValue(e.Type);
        w.WriteEndArray();
        if (e.Location is { } loc)
        {
            w.WriteStartObject("event_loc");
            w.WriteString("extracted_place", loc.Text);
            if (loc.Name is not null) w.WriteString("resolved_place", loc.Name);
            if (loc.Lat is { } lat) w.WriteNumber("lat", lat);
            if (loc.Lon is { } lon) w.WriteNumber("lon", lon);
            if (loc.Country is not null) w.WriteString("country_code", loc.Country);
            w.WriteNumber("resolution", loc.Lat is null ? 1 : 3);
            w.WriteEndObject();
        }
        w.WriteStartArray("event_text");
        if (e.EventText is not null) w.WriteStringValue(e.EventText);
        w.WriteEndArray();
        if (e.QuadClass is { } q) w.WriteNumber("quad_code", q);
        if (e.Goldstein is { } g) w.WriteNumber("event_scale", g);
        w.WriteStartArray("mode");
        if (!string.IsNullOrEmpty(e.Mode)) w.WriteStringValue(e.Mode);
        var aux = e.Modality switch { "negated" => "negation", "future" => "future", "hypothetical" => "hypothetical", _ => null };
        if (aux is not null) w.WriteStringValue(aux);
        w.WriteEndArray();
        w.WriteStartArray("context");
        foreach (var c in e.Context) w.WriteStringValue(c);
        w.WriteEndArray();
        if (e.Url is not null) w.WriteString("link", e.Url);
        if (e.Evidence is { } ev)
        {
            w.WriteString("text", ev.Text);
            w.WriteStartObject("text_info");
            w.WriteNumber("sequence", e.Sentence);
            w.WriteNumber("start", ev.Start);
            w.WriteNumber("end", ev.End);
            w.WriteEndObject();
        }
        w.WriteStartObject("cite_info");
        w.WriteString("corpus", "hadath");
        if (e.Url is not null) w.WriteString("url", e.Url);
        if (e.Title is not null) w.WriteString("title", e.Title);
        w.WriteString("language", "ar");
        w.WriteString("coder", coder);
        w.WriteString("codebook", "PLOVER");
        w.WriteEndObject();
        w.WriteString("coder", coder);
        w.WriteString("coded_date", codedDate);
        w.WriteStartObject("hadath");
        w.WriteString("cluster", e.Cluster);
        w.WriteString("mention_id", e.MentionId);
        w.WriteString("modality", e.Modality);
        if (e.Cameo is not null) w.WriteString("cameo", e.Cameo);
        w.WriteNumber("mentions", e.Mentions);
        w.WriteNumber("documents", e.DocumentCount);
        w.WriteNumber("sources", e.SourceCount);
        if (e.Reporter is { } r)
        {
            w.WritePropertyName("reporter");
            Entity(w, r);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Entities(Utf8JsonWriter w, ActorRecord? a)
    {
        w.WriteStartArray();
        if (a is not null) Entity(w, a);
        w.WriteEndArray();
    }

    private static void Entity(Utf8JsonWriter w, ActorRecord a)
    {
        w.WriteStartObject();
        if (a.Country is not null) w.WriteString("code", a.Country);
        if (a.Sector is not null) w.WriteString("sector", a.Sector);
        if (a.Text is not null) w.WriteString("entity_text", a.Text);
        if (a.Id is not null) w.WriteString("identifier_id", a.Id);
        if (a.Name is not null) w.WriteString("identifier_text", a.Name);
        if (a.Code is not null) w.WriteString("cameo_code", a.Code);
        w.WriteEndObject();
    }

    /// <summary>Reads back the PLOVER fields a record must have (for validation): id, date, actor, event.</summary>
    public static bool HasRequiredFields(JsonElement record) =>
        record.TryGetProperty("id", out _) && record.TryGetProperty("date", out _) &&
        record.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.Array &&
        record.TryGetProperty("event", out var ev) && ev.ValueKind == JsonValueKind.Array;
}
