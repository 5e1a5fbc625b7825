using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Hadath.Core.Input;
using Hadath.Core.Model;

namespace Hadath.Corpus.Ingest;

/// <summary>What a web page yields: its main text and what its metadata says.</summary>
public sealed record HtmlArticle(string Text, string? Title, DateOnly? Published, string? Url, string? SiteName);

/// <summary>
/// Reads a news page: the main text with SmartReader (Mozilla Readability's algorithm), kept as one paragraph per
/// line; the title from og:title, twitter:title, JSON-LD headline or &lt;title&gt;; the publication date from
/// article:published_time (and similar meta tags), JSON-LD datePublished or a &lt;time datetime&gt; element; the URL
/// from the canonical link. Nothing is fetched: the page's HTML is all it reads.
/// </summary>
public static class HtmlArticleReader
{
    private static readonly string[] BlockTags = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption", "div", "section", "article", "br", "tr"];

    private static readonly string[] DateMetas =
    [
        "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "date",
        "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "published_time",
    ];

    /// <summary>Reads a page. Returns null when it has no readable text.</summary>
    public static HtmlArticle? Read(string html, Uri? url = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var title = Meta(document, "og:title") ?? Meta(document, "twitter:title");
        var published = PublishedFromMeta(document);
        var canonical = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta(document, "og:url");
        var site = Meta(document, "og:site_name");
        string? ldHeadline = null;
        DateOnly? ldPublished = null;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var (h, p) = JsonLd(script.TextContent);
            ldHeadline ??= h;
            ldPublished ??= p;
        }
        title ??= ldHeadline ?? Clean(document.Title) ?? Clean(document.QuerySelector("h1")?.TextContent);
        published ??= ldPublished ?? TimeElement(document);

        var text = MainText(html, url);
        if (string.IsNullOrWhiteSpace(text)) text = BlockText(document.Body);
        if (string.IsNullOrWhiteSpace(text)) return null;
        string? resolvedUrl = url?.ToString();
        if (!string.IsNullOrWhiteSpace(canonical))
        {
            if (Uri.TryCreate(canonical, UriKind.Absolute, out var c) && (c.Scheme == Uri.UriSchemeHttp || c.Scheme == Uri.UriSchemeHttps)) resolvedUrl = c.ToString();
            else if (url is not null && Uri.TryCreate(url, canonical, out var rel)) resolvedUrl = rel.ToString();
        }
        return new HtmlArticle(text, title, published, resolvedUrl, Clean(site));
    }

    /// <summary>An input document from a page (null when it has no text); <paramref name="published"/> fills a missing date.</summary>
    public static InputDocument? ToInput(string html, Uri? url, string id, DateOnly? published = null, string? source = null)
    {
        var a = Read(html, url);
        if (a is null) return null;
        return new InputDocument
        {
            Id = id,
            Text = a.Text,
            Title = a.Title,
            Published = a.Published ?? published,
            Url = a.Url ?? url?.ToString(),
            Source = source ?? a.SiteName ?? url?.Host,
        };
    }

    /// <summary>The readable main text, one paragraph a line, or null.</summary>
    private static string? MainText(string html, Uri? url)
    {
        try
        {
            var reader = new SmartReader.Reader((url ?? new Uri("https://localhost/")).ToString(), html);
            var article = reader.GetArticle();
            if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content)) return null;
            var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
            using var content = parser.ParseDocument(article.Content);
            return BlockText(content.Body);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // the fallback (all block text of the page) takes over
        }
    }

    /// <summary>The text of an element with block elements on lines of their own and white space collapsed.</summary>
    public static string BlockText(INode? root)
    {
        if (root is null) return "";
        var sb = new StringBuilder();
        Walk(root, sb);
        var lines = sb.ToString().Split('\n');
        var outSb = new StringBuilder(sb.Length);
        foreach (var line in lines)
        {
            var l = CollapseSpaces(line);
            if (l.Length == 0) continue;
            if (outSb.Length > 0) outSb.Append('\n');
            outSb.Append(l);
        }
        return outSb.ToString();
    }

    private static void Walk(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    sb.Append(t.Data);
                    break;
                case IElement e:
                    var tag = e.LocalName;
                    if (tag is "script" or "style" or "noscript" or "template" or "svg" or "nav" or "footer" or "form" or "button" or "iframe") continue;
                    var block = Array.IndexOf(BlockTags, tag) >= 0;
                    if (block) sb.Append('\n');
                    Walk(e, sb);
                    if (block) sb.Append('\n');
                    break;
            }
        }
    }

    private static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0') { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string? Meta(IDocument d, string name)
    {
        foreach (var m in d.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
            if (key is not null && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                var v = Clean(m.GetAttribute("content"));
                if (v is not null) return v;
            }
        }
        return null;
    }

    private static DateOnly? PublishedFromMeta(IDocument d)
    {
        foreach (var name in DateMetas)
            if (Meta(d, name) is { } v && ParseDate(v) is { } date) return date;
        return null;
    }

    private static DateOnly? TimeElement(IDocument d)
    {
        var times = d.QuerySelectorAll("time[datetime]");
        IElement? best = null;
        foreach (var t in times)
        {
            if (t.HasAttribute("pubdate") || string.Equals(t.GetAttribute("itemprop"), "datePublished", StringComparison.OrdinalIgnoreCase)) { best = t; break; }
            best ??= t;
        }
        return best is null ? null : ParseDate(best.GetAttribute("datetime") ?? "");
    }

    /// <summary>headline and datePublished from a JSON-LD block (object, array or @graph).</summary>
    private static (string? Headline, DateOnly? Published) JsonLd(string json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > 1_000_000) return (null, null);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
            string? headline = null;
            DateOnly? published = null;
            Visit(doc.RootElement, ref headline, ref published, 0);
            return (headline, published);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static void Visit(JsonElement e, ref string? headline, ref DateOnly? published, int depth)
    {
        if (depth > 8) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray()) Visit(x, ref headline, ref published, depth + 1);
                break;
            case JsonValueKind.Object:
                if (published is null && e.TryGetProperty("datePublished", out var dp) && dp.ValueKind == JsonValueKind.String) published = ParseDate(dp.GetString() ?? "");
                if (headline is null && e.TryGetProperty("headline", out var h) && h.ValueKind == JsonValueKind.String) headline = Clean(h.GetString());
                if (e.TryGetProperty("@graph", out var g)) Visit(g, ref headline, ref published, depth + 1);
                break;
        }
    }

    /// <summary>
    /// A publication date from a metadata value: the calendar date as written when it starts with YYYY-MM-DD (so a
    /// local 01:00+03:00 stays on its day), else an ISO or RFC 1123 timestamp, else YYYYMMDD.
    /// </summary>
    public static DateOnly? ParseDate(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var s = value.Trim();
        if (s.Length >= 10 && DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)) return DateOnly.FromDateTime(dto.DateTime);
        return InputReader.TryParseDate(s, out d) ? d : null;
    }

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var c = CollapseSpaces(s);
        return c.Length == 0 ? null : c;
    }
}
