using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Hadath.Server.Api;

/// <summary>
/// JSON of the API: the contract's snake_case names, Arabic written as is, and the characters that matter to HTML
/// (&lt; &gt; &amp; ' ") escaped as \uXXXX, so article text can never be read as markup even by a careless client.
/// </summary>
public static class ApiJson
{
    /// <summary>Options for every JSON body the server writes.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    /// <summary>Applies the API's settings to <paramref name="o"/> (used for the minimal-API JSON options too).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DictionaryKeyPolicy = null;
        o.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return o;
    }
}
