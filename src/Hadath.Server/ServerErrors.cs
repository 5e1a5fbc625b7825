namespace Hadath.Server;

/// <summary>
/// Error codes of the HTTP server, in the E4xx range of the catalogue (docs/server.md lists them with their HTTP
/// statuses). Problems with a document keep the engine's codes (E001–E009), and with a URL the corpus codes (E301–E304).
/// </summary>
public static class ServerErrors
{
    /// <summary>A writing endpoint (or, with --read-key-required, any endpoint) was called without the right X-Api-Key (401).</summary>
    public const string Unauthorized = "E401";
    /// <summary>Writing is disabled because the server was started without an API key (403).</summary>
    public const string WritingDisabled = "E402";
    /// <summary>The request body is larger than the server's limit (413).</summary>
    public const string BodyTooLarge = "E403";
    /// <summary>No such document or route (404).</summary>
    public const string NotFound = "E404";
    /// <summary>A query parameter or request field is invalid (400).</summary>
    public const string InvalidParameter = "E405";
    /// <summary>The request's content type is not one the endpoint reads (415).</summary>
    public const string UnsupportedMediaType = "E406";
    /// <summary>All analysis slots and the queue are taken; retry after the number of seconds in Retry-After (503).</summary>
    public const string Busy = "E407";
    /// <summary>An unexpected server error (500); the log has the details.</summary>
    public const string Internal = "E408";
}
