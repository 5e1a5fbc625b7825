using System.Security.Cryptography;
using System.Text;
using Hadath.Arabic;

namespace Hadath.Corpus.Store;

/// <summary>
/// The identity of a stored document: a SHA-256 of its normalised text (search normalisation, white space collapsed),
/// combined with its URL when it has one. Ingesting the same text twice (from the same URL, or without one) finds the
/// same key, so nothing is added the second time.
/// </summary>
public static class DocumentKey
{
    /// <summary>Hex SHA-256 of the normalised text.</summary>
    public static string TextHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = Normalizer.Normalize(text, NormalizationOptions.Search);
        var sb = new StringBuilder(normalised.Length);
        var space = false;
        foreach (var c in normalised)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return Hex(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    /// <summary>The document key: the text hash alone, or the hash of text hash and normalised URL.</summary>
    public static string Of(string text, string? url) => OfHash(TextHash(text), url);

    /// <summary>The document key from an already computed text hash.</summary>
    public static string OfHash(string textHash, string? url)
    {
        ArgumentNullException.ThrowIfNull(textHash);
        var u = NormalizeUrl(url);
        return u is null ? textHash : Hex(Encoding.UTF8.GetBytes(textHash + "\n" + u));
    }

    /// <summary>A URL without its fragment, with scheme and host lower-cased; null for null or blank.</summary>
    public static string? NormalizeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var t = url.Trim();
        if (!Uri.TryCreate(t, UriKind.Absolute, out var uri)) return t;
        var b = new UriBuilder(uri) { Fragment = "" };
        if (b.Uri.IsDefaultPort) b.Port = -1;
        return b.Uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
