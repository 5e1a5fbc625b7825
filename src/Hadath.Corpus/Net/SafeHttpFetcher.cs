using System.Net;
using System.Net.Sockets;

namespace Hadath.Corpus.Net;

/// <summary>Limits for fetching untrusted URLs.</summary>
public sealed record FetchOptions
{
    /// <summary>Redirects followed at most (each one checked again).</summary>
    public int MaxRedirects { get; init; } = 5;
    /// <summary>Largest body read; a larger one fails (E302).</summary>
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>Time for the whole fetch, redirects included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Time to open one connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Allow private, loopback and link-local addresses (off by default; for fetching from one's own network on purpose).</summary>
    public bool AllowPrivateAddresses { get; init; }
    /// <summary>The User-Agent header sent.</summary>
    public string UserAgent { get; init; } = "hadath/0.1 (Arabic news event extraction)";
}

/// <summary>A fetched body with where it finally came from.</summary>
public sealed record FetchResult(Uri Url, string? MediaType, string? Charset, byte[] Body, int Redirects);

/// <summary>A URL that could not be fetched, with its catalogue code (E301 refused, E302 failed).</summary>
public sealed class FetchException : Exception
{
    public FetchException(string code, string message, Exception? inner = null) : base(message, inner) => Code = code;
    public FetchException() : base("fetch failed") => Code = CorpusErrors.FetchFailed;
    public FetchException(string message) : base(message) => Code = CorpusErrors.FetchFailed;
    public FetchException(string message, Exception inner) : base(message, inner) => Code = CorpusErrors.FetchFailed;

    public string Code { get; }
}

/// <summary>
/// Which addresses an untrusted URL may reach. By default only public unicast addresses: loopback, private
/// (RFC 1918, fc00::/7), carrier-grade NAT, link-local, multicast, broadcast, unspecified, documentation/benchmark and
/// reserved ranges are refused, and IPv4 embedded in IPv6 (mapped, NAT64, 6to4) is checked as IPv4.
/// </summary>
public static class AddressPolicy
{
    /// <summary>True when <paramref name="address"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6Any.Equals(address)) return false;
            if (b[0] == 0xFF) return false;                                   // multicast ff00::/8
            if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return false;           // link-local fe80::/10
            if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return false;           // site-local fec0::/10 (deprecated)
            if ((b[0] & 0xFE) == 0xFC) return false;                          // unique local fc00::/7
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return false; // documentation 2001:db8::/32
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)  // NAT64 64:ff9b::/96
                return IsPublic(new IPAddress(b[12..16]));
            if (b[0] == 0x20 && b[1] == 0x02)                                  // 6to4 2002::/16
                return IsPublic(new IPAddress(b[2..6]));
            var allZeroPrefix = true;
            for (var i = 0; i < 12; i++) allZeroPrefix &= b[i] == 0;
            if (allZeroPrefix) return false;                                    // IPv4-compatible ::a.b.c.d (deprecated)
            return (b[0] & 0xE0) == 0x20;                                       // global unicast 2000::/3 only
        }
        if (address.AddressFamily != AddressFamily.InterNetwork) return false;
        Span<byte> v4 = stackalloc byte[4];
        address.TryWriteBytes(v4, out _);
        var (a, c) = (v4[0], v4[1]);
        return !(a == 0                                  // 0.0.0.0/8 "this network"
                 || a == 10                              // 10/8 private
                 || a == 127                             // loopback
                 || (a == 100 && c >= 64 && c <= 127)    // 100.64/10 carrier-grade NAT
                 || (a == 169 && c == 254)               // link-local (cloud metadata lives here)
                 || (a == 172 && c >= 16 && c <= 31)     // 172.16/12 private
                 || (a == 192 && c == 0 && v4[2] == 0)   // 192.0.0/24 IETF protocol assignments
                 || (a == 192 && c == 0 && v4[2] == 2)   // TEST-NET-1
                 || (a == 192 && c == 168)               // 192.168/16 private
                 || (a == 198 && (c == 18 || c == 19))   // benchmarking
                 || (a == 198 && c == 51 && v4[2] == 100) // TEST-NET-2
                 || (a == 203 && c == 0 && v4[2] == 113) // TEST-NET-3
                 || a >= 224);                           // multicast 224/4, reserved 240/4, broadcast
    }
}

/// <summary>
/// Fetches untrusted http(s) URLs safely: the host is resolved by the fetcher itself and every address is checked
/// against the address policy before a connection is opened (so DNS rebinding between check and connect is not
/// possible), redirects are followed by hand and each target is checked again, there is no proxy, and the number of
/// redirects, the body size and the total time are capped. One reusable class for the ingester and the HTTP server.
/// </summary>
public sealed class SafeHttpFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly Func<IPAddress, bool> _allowed;

    /// <param name="options">Limits; defaults when null.</param>
    /// <param name="allowed">Which addresses may be reached (tests narrow it); default <see cref="AddressPolicy.IsPublic"/>,
    /// or every address when <see cref="FetchOptions.AllowPrivateAddresses"/> is set.</param>
    /// <param name="resolve">Host name resolution (tests replace it); default the system resolver.</param>
    public SafeHttpFetcher(FetchOptions? options = null, Func<IPAddress, bool>? allowed = null, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        Options = options ?? new FetchOptions();
        _allowed = allowed ?? (Options.AllowPrivateAddresses ? _ => true : AddressPolicy.IsPublic);
        _resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = Options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(Options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5");
    }

    public FetchOptions Options { get; }

    /// <summary>Fetches a URL (blocking).</summary>
    public FetchResult Fetch(Uri url, CancellationToken cancellationToken = default) =>
        FetchAsync(url, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Fetches a URL. Throws <see cref="FetchException"/> (E301 refused, E302 failed).</summary>
    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        var ct = timeout.Token;
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            CheckUrl(current);
            await CheckHostAsync(current, ct).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                if (FindRefusal(e) is { } refused) throw refused;
                if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
                    throw new FetchException(CorpusErrors.FetchFailed, $"{CorpusErrors.FetchFailed}: {current}: no answer within {Options.Timeout.TotalSeconds:0} s", e);
                if (e is OperationCanceledException) throw;
                throw new FetchException(CorpusErrors.FetchFailed, $"{CorpusErrors.FetchFailed}: {current}: {e.Message}", e);
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (redirects >= Options.MaxRedirects)
                        throw new FetchException(CorpusErrors.UrlRefused, $"{CorpusErrors.UrlRefused}: {url}: more than {Options.MaxRedirects} redirects");
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                    throw new FetchException(CorpusErrors.FetchFailed, $"{CorpusErrors.FetchFailed}: {current}: HTTP {status} {response.ReasonPhrase}");
                var declared = response.Content.Headers.ContentLength;
                if (declared > Options.MaxBytes)
                    throw new FetchException(CorpusErrors.FetchFailed, $"{CorpusErrors.FetchFailed}: {current}: body of {declared:N0} bytes is over the {Options.MaxBytes:N0}-byte cap");
                var body = await ReadCappedAsync(response.Content, current, ct).ConfigureAwait(false);
                var type = response.Content.Headers.ContentType;
                return new FetchResult(current, type?.MediaType, type?.CharSet, body, redirects);
            }
        }
    }

    private static void CheckUrl(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new FetchException(CorpusErrors.UrlRefused, $"{CorpusErrors.UrlRefused}: {url}: only http and https URLs are fetched");
        if (!string.IsNullOrEmpty(url.UserInfo))
            throw new FetchException(CorpusErrors.UrlRefused, $"{CorpusErrors.UrlRefused}: {url}: URLs with credentials are not fetched");
    }

    /// <summary>Fails fast, with a clear message, when the host resolves to a refused address (checked again at connect).</summary>
    private async Task CheckHostAsync(Uri url, CancellationToken ct) => _ = await ResolveCheckedAsync(url.IdnHost, ct).ConfigureAwait(false);

    private async Task<IPAddress[]> ResolveCheckedAsync(string host, CancellationToken ct)
    {
        var h = host.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(h, out var literal)) addresses = [literal];
        else
        {
            try
            {
                addresses = await _resolve(h, ct).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new FetchException(CorpusErrors.FetchFailed, $"{CorpusErrors.FetchFailed}: cannot resolve {h}: {e.Message}", e);
            }
        }
        if (addresses.Length == 0) throw new FetchException(CorpusErrors.FetchFailed, $"{CorpusErrors.FetchFailed}: {h} has no address");
        foreach (var a in addresses)
            if (!_allowed(a))
                throw new FetchException(CorpusErrors.UrlRefused, $"{CorpusErrors.UrlRefused}: {h} resolves to {a}, a private, loopback, link-local, multicast or reserved address");
        return addresses;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await ResolveCheckedAsync(context.DnsEndPoint.Host, ct).ConfigureAwait(false);
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new FetchException(CorpusErrors.FetchFailed, $"{CorpusErrors.FetchFailed}: cannot connect to {context.DnsEndPoint.Host}: {last?.Message}", last);
    }

    private async Task<byte[]> ReadCappedAsync(HttpContent content, Uri url, CancellationToken ct)
    {
        using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (ms.Length + n > Options.MaxBytes)
                throw new FetchException(CorpusErrors.FetchFailed, $"{CorpusErrors.FetchFailed}: {url}: body is over the {Options.MaxBytes:N0}-byte cap");
            ms.Write(buffer, 0, n);
        }
        return ms.ToArray();
    }

    private static FetchException? FindRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is FetchException f) return f;
        return null;
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>Helpers around fetched bodies.</summary>
public static class FetchResults
{
    /// <summary>True when the body looks like an RSS or Atom feed (by media type or by its first element).</summary>
    public static bool IsFeed(string? mediaType, ReadOnlySpan<byte> body)
    {
        if (mediaType is not null && (mediaType.Contains("rss", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("atom", StringComparison.OrdinalIgnoreCase)))
            return true;
        var head = System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<feed", StringComparison.OrdinalIgnoreCase)) return true;
        if (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
            return head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase) || head.Contains("<rdf", StringComparison.OrdinalIgnoreCase);
        return false;
    }

    /// <summary>Decodes a body: the declared charset, else UTF-8 (a BOM wins).</summary>
    public static string Decode(byte[] body, string? charset)
    {
        ArgumentNullException.ThrowIfNull(body);
        System.Text.Encoding enc = System.Text.Encoding.UTF8;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try { enc = System.Text.Encoding.GetEncoding(charset.Trim('"')); }
            catch (ArgumentException) { enc = System.Text.Encoding.UTF8; }
        }
        using var reader = new StreamReader(new MemoryStream(body), enc, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
