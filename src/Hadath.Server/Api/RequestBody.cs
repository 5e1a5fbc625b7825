using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hadath.Server.Api;

/// <summary>What a request body holds, by its Content-Type.</summary>
public enum BodyKind { Json, JsonLines, PlainText, Other }

/// <summary>Reads request bodies within the server's size limit.</summary>
public static class RequestBody
{
    /// <summary>The body's bytes; <see cref="ApiException"/> E403 when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is { } declared && declared > maxBytes) throw TooLarge(maxBytes);
        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)Math.Min(n, maxBytes) : 16 * 1024);
        var chunk = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes) throw TooLarge(maxBytes);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
        return buffer.ToArray();
    }

    /// <summary>The kind of body by Content-Type; a missing type counts as JSON.</summary>
    public static BodyKind KindOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.ContentType)) return BodyKind.Json;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mt) || mt.MediaType.Value is not { } type) return BodyKind.Other;
        return type.ToLowerInvariant() switch
        {
            "application/json" => BodyKind.Json,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" => BodyKind.JsonLines,
            "text/plain" => BodyKind.PlainText,
            _ when type.EndsWith("+json", StringComparison.OrdinalIgnoreCase) => BodyKind.Json,
            _ => BodyKind.Other,
        };
    }

    private static ApiException TooLarge(long max) =>
        new(ServerErrors.BodyTooLarge, $"the request body is larger than {max:N0} bytes (--max-body-bytes)");
}
