using Hadath.Core.Diagnostics;
using Hadath.Corpus;
using Microsoft.AspNetCore.Http;

namespace Hadath.Server.Api;

/// <summary>RFC 9457 problem details carrying the engine's error code (<c>code</c>, and <c>type</c> urn:hadath:error:Exxx).</summary>
public static class Problems
{
    /// <summary>A problem result with the code's title.</summary>
    public static IResult Of(string code, string detail, int? status = null) =>
        TypedResults.Problem(
            detail: StripCode(code, detail),
            statusCode: status ?? StatusOf(code),
            title: TitleOf(code),
            type: "urn:hadath:error:" + code,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>The HTTP status the code is answered with.</summary>
    public static int StatusOf(string code) => code switch
    {
        ServerErrors.Unauthorized => StatusCodes.Status401Unauthorized,
        ServerErrors.WritingDisabled => StatusCodes.Status403Forbidden,
        ServerErrors.BodyTooLarge or ErrorCode.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ServerErrors.NotFound => StatusCodes.Status404NotFound,
        ServerErrors.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ServerErrors.Busy => StatusCodes.Status503ServiceUnavailable,
        ServerErrors.Internal or ErrorCode.PipelineFailure => StatusCodes.Status500InternalServerError,
        CorpusErrors.FetchFailed => StatusCodes.Status502BadGateway,
        CorpusErrors.NoText or CorpusErrors.UnreadableFormat => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>A short English title per code.</summary>
    public static string TitleOf(string code) => code switch
    {
        ErrorCode.InvalidUtf8 => "The input is not valid UTF-8",
        ErrorCode.InvalidJson => "The input is not a JSON object",
        ErrorCode.MissingText => "The document has no text",
        ErrorCode.EmptyText => "The document text is empty",
        ErrorCode.TooLarge => "The document is too large",
        ErrorCode.InvalidPublished => "The publication date is not an ISO date",
        ErrorCode.PipelineFailure => "The analysis failed",
        ErrorCode.Timeout => "The analysis took too long",
        CorpusErrors.UrlRefused => "The URL was refused",
        CorpusErrors.FetchFailed => "The URL could not be fetched",
        CorpusErrors.NoText => "The page has no readable text",
        CorpusErrors.UnreadableFormat => "The feed could not be read",
        ServerErrors.Unauthorized => "Missing or wrong API key",
        ServerErrors.WritingDisabled => "Writing is disabled on this server",
        ServerErrors.BodyTooLarge => "The request body is too large",
        ServerErrors.NotFound => "Not found",
        ServerErrors.InvalidParameter => "Invalid parameter",
        ServerErrors.UnsupportedMediaType => "Unsupported media type",
        ServerErrors.Busy => "The server is busy",
        ServerErrors.Internal => "Internal server error",
        _ => "Error",
    };

    /// <summary>Engine messages often start with their code ("E301: …"); the problem carries the code on its own.</summary>
    private static string StripCode(string code, string detail)
    {
        var prefix = code + ": ";
        return detail.StartsWith(prefix, StringComparison.Ordinal) ? detail[prefix.Length..] : detail;
    }
}

/// <summary>A request that cannot be served, with its code; turned into a problem by the endpoints.</summary>
public sealed class ApiException : Exception
{
    public ApiException(string code, string message) : base(message) => Code = code;
    public ApiException() : base("bad request") => Code = ServerErrors.InvalidParameter;
    public ApiException(string message) : base(message) => Code = ServerErrors.InvalidParameter;
    public ApiException(string message, Exception inner) : base(message, inner) => Code = ServerErrors.InvalidParameter;

    /// <summary>The catalogue code.</summary>
    public string Code { get; }
}
