namespace Hadath.Core.Diagnostics;

/// <summary>
/// The numbered error catalogue. The same code appears in exceptions, CLI messages,
/// API ProblemDetails and logs. Codes are never reused or renumbered.
/// </summary>
public static class ErrorCode
{
    /// <summary>The input bytes are not valid UTF-8.</summary>
    public const string InvalidUtf8 = "E001";
    /// <summary>A JSON Lines input line is not a JSON object.</summary>
    public const string InvalidJson = "E002";
    /// <summary>The input document has no <c>text</c> field, or it is not a string.</summary>
    public const string MissingText = "E003";
    /// <summary>The document text is empty or only white space.</summary>
    public const string EmptyText = "E004";
    /// <summary>The document is larger than the configured limit.</summary>
    public const string TooLarge = "E005";
    /// <summary>The <c>published</c> value is not an ISO date (YYYY-MM-DD).</summary>
    public const string InvalidPublished = "E006";
    /// <summary>An input file could not be read.</summary>
    public const string UnreadableFile = "E007";
    /// <summary>The analysis pipeline failed on this document (a bug: please report it).</summary>
    public const string PipelineFailure = "E008";
    /// <summary>Analysis took longer than the per-document time limit.</summary>
    public const string Timeout = "E009";

    /// <summary>A lexicon or gazetteer line is malformed.</summary>
    public const string LexiconLine = "E101";
    /// <summary>A lexicon or gazetteer file is missing.</summary>
    public const string LexiconMissing = "E102";
    /// <summary>A lexicon entry refers to an unknown code.</summary>
    public const string LexiconUnknownCode = "E103";

    /// <summary>The pipeline was built with a component whose inputs no earlier component provides.</summary>
    public const string PipelineOrder = "E201";
}

/// <summary>An error with its catalogue code, for library code that must not print or exit.</summary>
public sealed class HadathException : Exception
{
    public HadathException(string code, string message) : base(message) => Code = code;
    public HadathException(string code, string message, Exception inner) : base(message, inner) => Code = code;
    public HadathException() : base("Hadath error") => Code = ErrorCode.PipelineFailure;
    public HadathException(string message) : base(message) => Code = ErrorCode.PipelineFailure;
    public HadathException(string message, Exception inner) : base(message, inner) => Code = ErrorCode.PipelineFailure;

    public string Code { get; }

    public override string ToString() => $"{Code}: {Message}";
}
