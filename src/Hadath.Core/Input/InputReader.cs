using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hadath.Core.Diagnostics;
using Hadath.Core.Model;

namespace Hadath.Core.Input;

/// <summary>One input record: a document, or the reason it could not be read (with whatever id was recoverable).</summary>
public sealed record InputRecord(InputDocument? Document, string? Id, ErrorOut? Error, long LineNumber)
{
    public static InputRecord Ok(InputDocument doc, long line) => new(doc, doc.Id, null, line);
    public static InputRecord Failed(string? id, string code, string message, long line) => new(null, id, new ErrorOut(code, message), line);
}

/// <summary>
/// Reads documents from JSON Lines and plain text. Every line becomes exactly one record: a line that is not
/// UTF-8, not a JSON object or has no text becomes an error record, and reading goes on.
/// </summary>
public static class InputReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Lines longer than this many bytes are not parsed (E005); the line is skipped to its end.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024 * 1024;

    /// <summary>Reads JSON Lines from a stream: one record for every line, a blank line included (E004).</summary>
    public static IEnumerable<InputRecord> ReadJsonLines(Stream stream, string idPrefix = "line-", int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long lineNo = 0;
        foreach (var (bytes, tooLong) in ReadLines(stream, maxLineBytes))
        {
            lineNo++;
            var fallbackId = idPrefix + lineNo.ToString(CultureInfo.InvariantCulture);
            if (tooLong)
            {
                yield return InputRecord.Failed(fallbackId, ErrorCode.TooLarge, $"line {lineNo} is longer than {maxLineBytes:N0} bytes", lineNo);
                continue;
            }
            var span = bytes.AsSpan();
            if (lineNo == 1 && span.StartsWith("\uFEFF"u8)) span = span[3..];
            if (IsBlank(span))
            {
                yield return InputRecord.Failed(fallbackId, ErrorCode.EmptyText, $"line {lineNo} is blank", lineNo);
                continue;
            }
            yield return ParseJsonLine(span, fallbackId, lineNo);
        }
    }

    /// <summary>Parses one JSON Lines record.</summary>
    public static InputRecord ParseJsonLine(ReadOnlySpan<byte> line, string fallbackId, long lineNo)
    {
        string json;
        try
        {
            json = StrictUtf8.GetString(line);
        }
        catch (DecoderFallbackException e)
        {
            return InputRecord.Failed(fallbackId, ErrorCode.InvalidUtf8, $"line {lineNo} is not valid UTF-8 (byte {e.Index})", lineNo);
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return InputRecord.Failed(fallbackId, ErrorCode.InvalidJson, $"line {lineNo} is not valid JSON: {e.Message}", lineNo);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return InputRecord.Failed(fallbackId, ErrorCode.InvalidJson, $"line {lineNo} is JSON but not an object", lineNo);
            var id = root.TryGetProperty("id", out var idEl) ? idEl.ValueKind switch
            {
                JsonValueKind.String => idEl.GetString(),
                JsonValueKind.Number => idEl.GetRawText(),
                _ => null,
            } : null;
            id ??= fallbackId;
            if (!root.TryGetProperty("text", out var textEl) || textEl.ValueKind != JsonValueKind.String)
                return InputRecord.Failed(id, ErrorCode.MissingText, $"line {lineNo} has no \"text\" string", lineNo);
            DateOnly? published = null;
            if (root.TryGetProperty("published", out var pubEl) && pubEl.ValueKind == JsonValueKind.String)
            {
                var p = pubEl.GetString();
                if (!string.IsNullOrWhiteSpace(p))
                {
                    if (!TryParseDate(p, out var d))
                        return InputRecord.Failed(id, ErrorCode.InvalidPublished, $"line {lineNo}: published \"{Truncate(p, 40)}\" is not an ISO date (YYYY-MM-DD)", lineNo);
                    published = d;
                }
            }
            return InputRecord.Ok(new InputDocument
            {
                Id = id,
                Text = textEl.GetString() ?? "",
                Published = published,
                Url = OptionalString(root, "url"),
                Title = OptionalString(root, "title"),
                Source = OptionalString(root, "source") ?? OptionalString(root, "outlet"),
            }, lineNo);
        }
    }

    /// <summary>Reads a whole file or stream as one plain-text document.</summary>
    public static InputRecord ReadPlainText(Stream stream, string id, DateOnly? published, long maxBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var ms = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (ms.Length + n > maxBytes)
                    return InputRecord.Failed(id, ErrorCode.TooLarge, $"{id} is larger than {maxBytes:N0} bytes", 0);
                ms.Write(buffer, 0, n);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var bytes = ms.GetBuffer().AsSpan(0, (int)ms.Length);
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return InputRecord.Failed(id, ErrorCode.InvalidUtf8, $"{id} is not valid UTF-8 (byte {e.Index})", 0);
        }
        return InputRecord.Ok(new InputDocument { Id = id, Text = text, Published = published }, 0);
    }

    public static bool TryParseDate(string s, out DateOnly date)
    {
        s = s.Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        // Accept full ISO timestamps and compact 20250806 as found in real feeds.
        if (s.Length > 10 && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            date = DateOnly.FromDateTime(dto.UtcDateTime);
            return true;
        }
        return DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var el) && el.ValueKind == JsonValueKind.String ? el.GetString() : null;

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";

    private static bool IsBlank(ReadOnlySpan<byte> span)
    {
        foreach (var b in span)
            if (b is not (byte)' ' and not (byte)'\t' and not (byte)'\r') return false;
        return true;
    }

    /// <summary>Splits a byte stream at '\n' without decoding, so one bad line cannot spoil the next.</summary>
    private static IEnumerable<(byte[] Bytes, bool TooLong)> ReadLines(Stream stream, int maxLineBytes)
    {
        var buffer = new byte[65536];
        var line = new MemoryStream();
        var tooLong = false;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < n; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                Append(line, buffer, start, i - start, maxLineBytes, ref tooLong);
                yield return (tooLong ? [] : TrimCr(line), tooLong);
                line.SetLength(0);
                tooLong = false;
                start = i + 1;
            }
            Append(line, buffer, start, n - start, maxLineBytes, ref tooLong);
        }
        if (line.Length > 0 || tooLong) yield return (tooLong ? [] : TrimCr(line), tooLong);
    }

    private static void Append(MemoryStream line, byte[] buffer, int start, int count, int max, ref bool tooLong)
    {
        if (tooLong || count == 0) return;
        if (line.Length + count > max) { tooLong = true; line.SetLength(0); return; }
        line.Write(buffer, start, count);
    }

    private static byte[] TrimCr(MemoryStream line)
    {
        var len = (int)line.Length;
        var buf = line.GetBuffer();
        if (len > 0 && buf[len - 1] == (byte)'\r') len--;
        return buf.AsSpan(0, len).ToArray();
    }
}
