using System.Text.Json;
using System.Text.Json.Serialization;
using Hadath.Core.Model;

namespace Hadath.Distributed;

/// <summary>A document on the work queue: the input contract's fields and where it was read from.</summary>
public sealed record QueuedDocument
{
    /// <summary>The document's id (the input's, or file name and line).</summary>
    public string? Id { get; init; }
    /// <summary>The text.</summary>
    public string Text { get; init; } = "";
    /// <summary>Publication date, YYYY-MM-DD.</summary>
    public string? Published { get; init; }
    /// <summary>Address of the article.</summary>
    public string? Url { get; init; }
    /// <summary>Headline.</summary>
    public string? Title { get; init; }
    /// <summary>Publisher.</summary>
    public string? Source { get; init; }
    /// <summary>The file or URL the document was read from (failures are counted per origin).</summary>
    public string? Origin { get; init; }

    /// <summary>The queued form of an input document.</summary>
    public static QueuedDocument From(InputDocument d, string? origin) => new()
    {
        Id = d.Id, Text = d.Text, Url = d.Url, Title = d.Title, Source = d.Source, Origin = origin,
        Published = d.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The input document, or null when the published date is malformed.</summary>
    public InputDocument ToInput() => new()
    {
        Id = Id, Text = Text, Url = Url, Title = Title, Source = Source,
        Published = Published is not null && DateOnly.TryParseExact(Published, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var p) ? p : null,
    };

    /// <summary>UTF-8 JSON of the message.</summary>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, QueueJson.Default.QueuedDocument);

    /// <summary>Reads a message; null when it is not a JSON object with a text.</summary>
    public static QueuedDocument? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var d = JsonSerializer.Deserialize(utf8, QueueJson.Default.QueuedDocument);
            return d is { Text.Length: > 0 } ? d : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Source-generated JSON for queue messages.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QueuedDocument))]
internal sealed partial class QueueJson : JsonSerializerContext;
