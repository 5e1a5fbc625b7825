using System.Text;
using Hadath.Core.Diagnostics;
using Hadath.Core.Input;
using Hadath.Core.Model;
using Hadath.Corpus.Net;

namespace Hadath.Corpus.Ingest;

/// <summary>A record with where it came from (a file path or a URL).</summary>
public sealed record SourcedRecord(InputRecord Record, string Origin);

/// <summary>How inputs are read.</summary>
public sealed record SourceOptions
{
    /// <summary>Publication date for documents that carry none (plain text files, pages without metadata).</summary>
    public DateOnly? Published { get; init; }
    /// <summary>Fetch the page behind every feed item's link.</summary>
    public bool FollowLinks { get; init; }
    /// <summary>Largest plain-text or HTML file read, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;
}

/// <summary>
/// Turns command-line inputs into document records: plain text files, JSON Lines, CSV, HTML pages, RSS/Atom feeds
/// (files or URLs), http(s) URLs of pages, standard input ("-", JSON Lines) and folders of any of these (recursive,
/// in name order, hidden files skipped). An input that cannot be read becomes one error record; reading goes on.
/// </summary>
public sealed class InputSources(SourceOptions? options = null, SafeHttpFetcher? fetcher = null)
{
    private static readonly string[] FolderExtensions = [".txt", ".text", ".jsonl", ".ndjson", ".json", ".csv", ".html", ".htm", ".xhtml", ".rss", ".atom", ".xml"];

    private readonly SourceOptions _options = options ?? new SourceOptions();

    /// <summary>Every record of every input, in order.</summary>
    public IEnumerable<SourcedRecord> Read(IEnumerable<string> inputs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            ct.ThrowIfCancellationRequested();
            if (input == "-")
            {
                foreach (var r in InputReader.ReadJsonLines(Console.OpenStandardInput(), "stdin:")) yield return new(WithDefaults(r), "stdin");
                continue;
            }
            if (IsUrl(input))
            {
                foreach (var r in ReadUrl(new Uri(input), ct)) yield return r;
                continue;
            }
            if (Directory.Exists(input))
            {
                foreach (var file in FolderFiles(input))
                {
                    ct.ThrowIfCancellationRequested();
                    var rel = Path.GetRelativePath(input, file);
                    foreach (var r in ReadFile(file, IdOf(rel))) yield return r;
                }
                continue;
            }
            foreach (var r in ReadFile(input, Path.GetFileNameWithoutExtension(input))) yield return r;
        }
    }

    /// <summary>
    /// The number of documents the inputs hold when that is cheap to know (local files and folders: one per text or
    /// HTML file, one per line of JSON Lines, one per row of CSV); null when an input is a URL, a feed or standard input.
    /// </summary>
    public static long? CountDocuments(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        long total = 0;
        foreach (var input in inputs)
        {
            if (input == "-" || IsUrl(input)) return null;
            var files = Directory.Exists(input) ? FolderFiles(input) : File.Exists(input) ? [input] : [];
            foreach (var f in files)
            {
                switch (KindOf(f))
                {
                    case InputKind.JsonLines:
                    case InputKind.Csv:
                        total += CountLines(f) - (KindOf(f) == InputKind.Csv ? 1 : 0);
                        break;
                    case InputKind.Feed:
                        return null;
                    default:
                        total++;
                        break;
                }
            }
        }
        return total;
    }

    /// <summary>Total bytes of the local inputs (for MB/s), 0 for URLs and standard input.</summary>
    public static long CountBytes(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        long total = 0;
        foreach (var input in inputs)
        {
            if (Directory.Exists(input)) total += FolderFiles(input).Sum(f => new FileInfo(f).Length);
            else if (File.Exists(input)) total += new FileInfo(input).Length;
        }
        return total;
    }

    private IEnumerable<SourcedRecord> ReadFile(string path, string id)
    {
        Stream? stream = null;
        string? failure = null;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            failure = e.Message;
        }
        if (stream is null)
        {
            yield return new(InputRecord.Failed(id, ErrorCode.UnreadableFile, $"{ErrorCode.UnreadableFile}: cannot read {path}: {failure}", 0), path);
            yield break;
        }
        using (stream)
        {
            var kind = KindOf(path);
            if (kind == InputKind.Unknown) kind = Sniff(stream);
            switch (kind)
            {
                case InputKind.JsonLines:
                    foreach (var r in InputReader.ReadJsonLines(stream, Path.GetFileName(path) + ":")) yield return new(WithDefaults(r), path);
                    break;
                case InputKind.Csv:
                    foreach (var r in CsvDocumentReader.Read(stream, Path.GetFileName(path) + ":")) yield return new(WithDefaults(r), path);
                    break;
                case InputKind.Html:
                {
                    var (html, error) = ReadAllText(stream, path, id);
                    if (error is not null) { yield return new(error, path); break; }
                    var doc = HtmlArticleReader.ToInput(html!, null, id, _options.Published);
                    yield return new(doc is null
                        ? InputRecord.Failed(id, CorpusErrors.NoText, $"{path}: the page has no readable text", 0)
                        : InputRecord.Ok(doc, 0), path);
                    break;
                }
                case InputKind.Feed:
                {
                    var (xml, error) = ReadAllText(stream, path, id);
                    if (error is not null) { yield return new(error, path); break; }
                    foreach (var r in FeedDocumentReader.Read(xml!, path, _options.FollowLinks ? fetcher : null)) yield return new(WithDefaults(r), path);
                    break;
                }
                default:
                    yield return new(InputReader.ReadPlainText(stream, id, _options.Published, _options.MaxFileBytes), path);
                    break;
            }
        }
    }

    private IEnumerable<SourcedRecord> ReadUrl(Uri url, CancellationToken ct)
    {
        var origin = url.ToString();
        if (fetcher is null)
        {
            yield return new(InputRecord.Failed(origin, CorpusErrors.UrlRefused, $"{CorpusErrors.UrlRefused}: {url}: fetching is not enabled", 0), origin);
            yield break;
        }
        FetchResult? page = null;
        InputRecord? failure = null;
        try
        {
            page = fetcher.Fetch(url, ct);
        }
        catch (FetchException e)
        {
            failure = InputRecord.Failed(origin, e.Code, e.Message, 0);
        }
        if (page is null)
        {
            yield return new(failure!, origin);
            yield break;
        }
        var body = FetchResults.Decode(page.Body, page.Charset);
        if (FetchResults.IsFeed(page.MediaType, page.Body))
        {
            foreach (var r in FeedDocumentReader.Read(body, origin, _options.FollowLinks ? fetcher : null, ct)) yield return new(WithDefaults(r), origin);
            yield break;
        }
        if (page.MediaType is "text/plain")
        {
            yield return new(WithDefaults(InputRecord.Ok(new InputDocument { Id = origin, Text = body, Url = page.Url.ToString(), Source = page.Url.Host }, 0)), origin);
            yield break;
        }
        var doc = HtmlArticleReader.ToInput(body, page.Url, origin, _options.Published);
        yield return new(doc is null ? InputRecord.Failed(origin, CorpusErrors.NoText, $"{url}: the page has no readable text", 0) : InputRecord.Ok(doc, 0), origin);
    }

    private (string? Text, InputRecord? Error) ReadAllText(Stream stream, string path, string id)
    {
        if (stream.CanSeek && stream.Length > _options.MaxFileBytes)
            return (null, InputRecord.Failed(id, ErrorCode.TooLarge, $"{path} is larger than {_options.MaxFileBytes:N0} bytes", 0));
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return (reader.ReadToEnd(), null);
    }

    private InputRecord WithDefaults(InputRecord r)
    {
        if (_options.Published is null || r.Document is not { Published: null } d) return r;
        return r with { Document = new InputDocument { Id = d.Id, Text = d.Text, Published = _options.Published, Url = d.Url, Title = d.Title, Source = d.Source } };
    }

    private enum InputKind { Unknown, Text, JsonLines, Csv, Html, Feed }

    private static InputKind KindOf(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".jsonl" or ".ndjson" or ".json" => InputKind.JsonLines,
            ".csv" => InputKind.Csv,
            ".html" or ".htm" or ".xhtml" => InputKind.Html,
            ".rss" or ".atom" or ".xml" => InputKind.Feed,
            ".txt" or ".text" => InputKind.Text,
            _ => InputKind.Unknown,
        };
    }

    /// <summary>Guesses a file's kind from its first bytes (the stream is rewound).</summary>
    private static InputKind Sniff(Stream stream)
    {
        if (!stream.CanSeek) return InputKind.Text;
        var buffer = new byte[512];
        var n = stream.Read(buffer, 0, buffer.Length);
        stream.Position = 0;
        var head = Encoding.UTF8.GetString(buffer, 0, n).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith('{')) return InputKind.JsonLines;
        if (FetchResults.IsFeed(null, buffer.AsSpan(0, n))) return InputKind.Feed;
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)) return InputKind.Html;
        return InputKind.Text;
    }

    private static List<string> FolderFiles(string folder)
    {
        var files = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
        foreach (var f in Directory.EnumerateFiles(folder, "*", options))
        {
            var rel = Path.GetRelativePath(folder, f);
            if (rel.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))) continue;
            if (Array.IndexOf(FolderExtensions, Path.GetExtension(f).ToLowerInvariant()) < 0) continue;
            files.Add(f);
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static long CountLines(string path)
    {
        long n = 0;
        var buffer = new byte[1 << 16];
        using var s = File.OpenRead(path);
        int read;
        var last = (byte)'\n';
        while ((read = s.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++) if (buffer[i] == (byte)'\n') n++;
            last = buffer[read - 1];
        }
        if (last != (byte)'\n') n++;
        return n;
    }

    private static string IdOf(string relativePath)
    {
        var ext = Path.GetExtension(relativePath);
        var withoutExt = ext.Length > 0 ? relativePath[..^ext.Length] : relativePath;
        return withoutExt.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>True for an http(s) URL.</summary>
    public static bool IsUrl(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
