using AngleSharp.Html.Parser;
using CodeHollow.FeedReader;
using Hadath.Core.Diagnostics;
using Hadath.Core.Input;
using Hadath.Core.Model;
using Hadath.Corpus.Net;

namespace Hadath.Corpus.Ingest;

/// <summary>
/// Reads RSS and Atom feeds (CodeHollow.FeedReader) into documents: each item's content or description, stripped of
/// markup, with its title, link and date. With <c>followLinks</c> the item's link page is fetched (through
/// <see cref="SafeHttpFetcher"/>) and its main text read instead. Feeds declaring XML entities are refused.
/// </summary>
public static class FeedDocumentReader
{
    /// <summary>The records of a feed's items; a feed that cannot be parsed is one error record.</summary>
    public static IEnumerable<InputRecord> Read(string xml, string origin, SafeHttpFetcher? followWith = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(xml);
        Feed? feed = null;
        string? problem = null;
        if (xml.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
            problem = "feed declares XML entities; refused";
        else
        {
            try
            {
                feed = FeedReader.ReadFromString(xml);
            }
            catch (Exception e) when (e is System.Xml.XmlException or FormatException or InvalidOperationException or ArgumentException or NullReferenceException)
            {
                problem = $"not a readable RSS/Atom feed: {e.Message}";
            }
        }
        if (feed is null)
        {
            yield return InputRecord.Failed(origin, CorpusErrors.UnreadableFormat, $"{origin}: {problem ?? "empty feed"}", 0);
            yield break;
        }
        var n = 0;
        foreach (var item in feed.Items)
        {
            ct.ThrowIfCancellationRequested();
            n++;
            var id = !string.IsNullOrWhiteSpace(item.Link) ? item.Link.Trim() : !string.IsNullOrWhiteSpace(item.Id) ? item.Id.Trim() : $"{origin}#{n}";
            DateOnly? published = item.PublishingDate is { } pd ? DateOnly.FromDateTime(pd)
                : item.PublishingDateString is { Length: > 0 } ps ? HtmlArticleReader.ParseDate(ps) : null;
            var link = Uri.TryCreate(item.Link?.Trim(), UriKind.Absolute, out var u) ? u : null;
            if (followWith is not null && link is not null)
            {
                yield return FollowLink(followWith, link, id, published, feed.Title, item.Title, ct);
                continue;
            }
            var text = PlainText(item.Content) is { Length: > 0 } content ? content : PlainText(item.Description);
            if (string.IsNullOrWhiteSpace(text))
            {
                yield return InputRecord.Failed(id, CorpusErrors.NoText, $"{origin}: item {n} has no text (use --follow-links to fetch its page)", n);
                continue;
            }
            yield return InputRecord.Ok(new InputDocument
            {
                Id = id,
                Text = text,
                Title = string.IsNullOrWhiteSpace(item.Title) ? null : item.Title.Trim(),
                Published = published,
                Url = link?.ToString(),
                Source = string.IsNullOrWhiteSpace(feed.Title) ? link?.Host : feed.Title.Trim(),
            }, n);
        }
    }

    private static InputRecord FollowLink(SafeHttpFetcher fetcher, Uri link, string id, DateOnly? published, string? feedTitle, string? itemTitle, CancellationToken ct)
    {
        try
        {
            var page = fetcher.Fetch(link, ct);
            var html = FetchResults.Decode(page.Body, page.Charset);
            var doc = HtmlArticleReader.ToInput(html, page.Url, id, published, string.IsNullOrWhiteSpace(feedTitle) ? null : feedTitle.Trim());
            if (doc is null) return InputRecord.Failed(id, CorpusErrors.NoText, $"{link}: the page has no readable text", 0);
            if (doc.Title is null && !string.IsNullOrWhiteSpace(itemTitle))
                doc = new InputDocument { Id = doc.Id, Text = doc.Text, Title = itemTitle.Trim(), Published = doc.Published, Url = doc.Url, Source = doc.Source };
            return InputRecord.Ok(doc, 0);
        }
        catch (FetchException e)
        {
            return InputRecord.Failed(id, e.Code, e.Message, 0);
        }
    }

    /// <summary>Text of an HTML fragment (feed descriptions carry markup), one block a line.</summary>
    public static string PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal)) return html.Trim();
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var doc = parser.ParseDocument("<html><body>" + html + "</body></html>");
        return HtmlArticleReader.BlockText(doc.Body);
    }

    /// <summary>True for a file name that is a feed by its extension.</summary>
    public static bool IsFeedFile(string path) =>
        path.EndsWith(".rss", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".atom", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    internal static string UnreadableMessage(string origin, Exception e) => $"{ErrorCode.UnreadableFile}: {origin}: {e.Message}";
}
