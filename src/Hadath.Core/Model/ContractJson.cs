using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hadath.Core.Model;

/// <summary>Source-generated JSON for the contract: snake_case names, Arabic written as is.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AnalyzedDocument))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;

public static class ContractJson
{
    private static readonly ContractJsonContext Compact = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly ContractJsonContext Indented = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    });

    /// <summary>One document as JSON. Null members are kept only where the contract names them.</summary>
    public static string Serialize(AnalyzedDocument doc, bool pretty = false) =>
        JsonSerializer.Serialize(doc, pretty ? Indented.AnalyzedDocument : Compact.AnalyzedDocument);

    public static void Serialize(Utf8JsonWriter writer, AnalyzedDocument doc) =>
        JsonSerializer.Serialize(writer, doc, Compact.AnalyzedDocument);

    public static AnalyzedDocument? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Compact.AnalyzedDocument);
}
