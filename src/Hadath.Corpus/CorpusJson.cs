using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Hadath.Core.Model;

namespace Hadath.Corpus;

/// <summary>Source-generated JSON for what the corpus stores and prints: contract objects, snake_case, Arabic as is.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EventOut))]
[JsonSerializable(typeof(AnalyzedDocument))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class CorpusJsonContext : JsonSerializerContext;

/// <summary>JSON helpers for the corpus: the contract's event object, and whole analysed documents.</summary>
public static class CorpusJson
{
    private static readonly CorpusJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Options for writing JSON nodes: Arabic written as is.</summary>
    public static JsonSerializerOptions NodeOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(EventOut e) => JsonSerializer.Serialize(e, Context.EventOut);

    public static EventOut? DeserializeEvent(string json) => JsonSerializer.Deserialize(json, Context.EventOut);

    public static JsonObject ToNode(EventOut e) => (JsonObject)JsonSerializer.SerializeToNode(e, Context.EventOut)!;

    public static string Serialize(AnalyzedDocument d) => JsonSerializer.Serialize(d, Context.AnalyzedDocument);

    public static AnalyzedDocument? DeserializeDocument(string json) => JsonSerializer.Deserialize(json, Context.AnalyzedDocument);

    public static string Serialize(List<string> list) => JsonSerializer.Serialize(list, Context.ListString);

    public static List<string>? DeserializeList(string json) => JsonSerializer.Deserialize(json, Context.ListString);

    /// <summary>One line of JSON from a node.</summary>
    public static string Line(JsonNode node) => node.ToJsonString(NodeOptions);
}
