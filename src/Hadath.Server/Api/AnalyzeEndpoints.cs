using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Hadath.Core.Diagnostics;
using Hadath.Core.Input;
using Hadath.Core.Model;
using Hadath.Extraction;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Hadath.Server.Api;

/// <summary><c>POST /v1/analyze</c>: the analysed-document contract for one document (JSON) or many (JSON Lines).</summary>
public static class AnalyzeEndpoints
{
    /// <summary>The JSON Lines media type the endpoint writes.</summary>
    public const string JsonLines = "application/x-ndjson";

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static void Map(RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapPost("/analyze", AnalyzeAsync)
            .WithName("Analyze")
            .WithTags("analysis")
            .WithSummary("Analyse documents without storing them")
            .WithDescription("""
                application/json: one document {"id", "text", "published", "url", "title"} → the analysed document (the contract of docs/output-contract.md).
                application/x-ndjson: one document a line → one analysed document a line, in order; a line that cannot be read gets an "error" object and the rest go on.
                text/plain: the body is the text; ?published=YYYY-MM-DD and ?id= give the rest.
                """)
            .Accepts<InputDocumentBody>("application/json", JsonLines, "text/plain")
            .Produces<AnalyzedDocument>(StatusCodes.Status200OK, "application/json", JsonLines)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> AnalyzeAsync(HttpContext context, Pipeline pipeline, AnalysisGate gate, ServerOptions options,
        [FromQuery(Name = "published"), Description("Publication date for a text/plain body (YYYY-MM-DD).")] string? published,
        [FromQuery(Name = "id"), Description("Document id for a text/plain body.")] string? id)
    {
        var ct = context.RequestAborted;
        var kind = RequestBody.KindOf(context.Request);
        if (kind == BodyKind.Other)
            return Problems.Of(ServerErrors.UnsupportedMediaType, $"send application/json (one document), {JsonLines} (one document a line) or text/plain, not {context.Request.ContentType}");
        var body = await RequestBody.ReadAsync(context.Request, options.MaxRequestBytes, ct).ConfigureAwait(false);
        InputDocument? single = null;
        if (kind != BodyKind.JsonLines)
        {
            var record = kind == BodyKind.PlainText ? PlainText(body, id, Queries.Published(published, "published")) : InputReader.ParseJsonLine(body, "document", 1);
            if (record.Document is null) return Problems.Of(record.Error!.Code, BodyMessage(record.Error.Message));
            single = record.Document;
        }
        using var slot = await gate.TryEnterAsync(ct).ConfigureAwait(false);
        if (slot is null) return Busy(context, gate);
        if (single is not null)
        {
            var doc = pipeline.Analyze(single);
            if (doc.Error is { } e) return Problems.Of(e.Code, e.Message);
            return TypedResults.Json(doc, ApiJson.Options);
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonLines + "; charset=utf-8";
        var output = context.Response.Body;
        using var stream = new MemoryStream(body, writable: false);
        var n = 0;
        foreach (var r in InputReader.ReadJsonLines(stream, "line-"))
        {
            var doc = r.Document is null ? AnalyzedDocument.Failed(r.Id, r.Error!.Code, r.Error.Message) : pipeline.Analyze(r.Document);
            await JsonSerializer.SerializeAsync(output, doc, ApiJson.Options, ct).ConfigureAwait(false);
            await output.WriteAsync("\n"u8.ToArray(), ct).ConfigureAwait(false);
            if (++n % 16 == 0) await output.FlushAsync(ct).ConfigureAwait(false);
        }
        return TypedResults.Empty;
    }

    /// <summary>The 503 answer of a saturated server, with Retry-After.</summary>
    public static IResult Busy(HttpContext context, AnalysisGate gate)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(gate);
        context.Response.Headers.RetryAfter = gate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Of(ServerErrors.Busy, $"all {gate.Slots} analysis slots and the waiting queue are taken; retry in {gate.RetryAfterSeconds} s");
    }

    private static InputRecord PlainText(byte[] body, string? id, DateOnly? published)
    {
        var docId = string.IsNullOrWhiteSpace(id) ? "document" : id.Trim();
        var span = body.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException e)
        {
            return InputRecord.Failed(docId, ErrorCode.InvalidUtf8, $"the body is not valid UTF-8 (byte {e.Index})", 0);
        }
        if (string.IsNullOrWhiteSpace(text)) return InputRecord.Failed(docId, ErrorCode.EmptyText, "the body is empty", 0);
        return InputRecord.Ok(new InputDocument { Id = docId, Text = text, Published = published }, 0);
    }

    /// <summary>The input reader speaks of "line 1"; a JSON body is the body.</summary>
    internal static string BodyMessage(string message) =>
        message.StartsWith("line 1 ", StringComparison.Ordinal) ? "the body " + message["line 1 ".Length..]
        : message.StartsWith("line 1: ", StringComparison.Ordinal) ? "the body: " + message["line 1: ".Length..]
        : message;
}

/// <summary>A document to analyse or store (JSON). Only <c>text</c> is required.</summary>
public sealed record InputDocumentBody(
    [property: Description("An id echoed in the output.")] string? Id,
    [property: Description("The Arabic text.")] string Text,
    [property: Description("Publication date (YYYY-MM-DD); anchors relative dates.")] string? Published,
    [property: Description("Where the text comes from.")] string? Url,
    [property: Description("Headline.")] string? Title);
