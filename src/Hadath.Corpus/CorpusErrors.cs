namespace Hadath.Corpus;

/// <summary>
/// Error codes of the corpus (ingest and fetch), in the E3xx range of the catalogue (docs/errors.md). Document errors
/// of the analysis keep their own codes (E001–E009).
/// </summary>
public static class CorpusErrors
{
    /// <summary>A URL was refused by the fetch guard: not http(s), a private, loopback, link-local, multicast or reserved address, or too many redirects.</summary>
    public const string UrlRefused = "E301";
    /// <summary>A URL could not be fetched: network error, time-out, HTTP error status, or a body over the size cap.</summary>
    public const string FetchFailed = "E302";
    /// <summary>A page or feed item has no readable text.</summary>
    public const string NoText = "E303";
    /// <summary>A feed or CSV file could not be parsed.</summary>
    public const string UnreadableFormat = "E304";
}
