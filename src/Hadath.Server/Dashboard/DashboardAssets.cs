using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hadath.Server.Dashboard;

/// <summary>One static file of the dashboard.</summary>
public sealed record Asset(string Path, byte[] Content, string ContentType, string ETag);

/// <summary>
/// The dashboard's static files, embedded in this assembly under <c>wwwroot/</c> and read once into an immutable table.
/// Served with their content type, a strong ETag and revalidation, so a new build is picked up at once.
/// </summary>
public sealed class DashboardAssets
{
    private const string Prefix = "wwwroot/";

    private readonly FrozenDictionary<string, Asset> _assets;

    private DashboardAssets(FrozenDictionary<string, Asset> assets) => _assets = assets;

    /// <summary>The files embedded in Hadath.Server.</summary>
    public static DashboardAssets Embedded { get; } = Load(typeof(DashboardAssets).Assembly);

    /// <summary>Paths served, e.g. /index.html, /vendor/chart.js/chart.umd.min.js.</summary>
    public IEnumerable<string> Paths => _assets.Keys;

    /// <summary>Reads every resource under wwwroot/ of <paramref name="assembly"/>.</summary>
    public static DashboardAssets Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var table = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            var bytes = ms.ToArray();
            var path = "/" + name[Prefix.Length..].Replace('\\', '/');
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"";
            table[path] = new Asset(path, bytes, ContentTypeOf(path), etag);
        }
        return new DashboardAssets(table.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The file at a request path ("/" is /index.html).</summary>
    public bool TryGet(PathString path, out Asset asset)
    {
        var p = path.HasValue && path.Value != "/" ? path.Value! : "/index.html";
        return _assets.TryGetValue(p, out asset!);
    }

    /// <summary>Writes the file, or 304 when the client's copy is current.</summary>
    public static Task ServeAsync(HttpContext context, Asset asset)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(asset);
        var response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(asset.Content, context.RequestAborted).AsTask();
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "text/plain; charset=utf-8",
    };
}
