using Hadath.Core.Diagnostics;
using Npgsql;

namespace Hadath.Corpus.Postgres;

/// <summary>Reads a store address <c>postgres://user:password@host:port/db?option=value</c> into an Npgsql connection string.</summary>
public static class PostgresUrl
{
    /// <summary>True when <paramref name="store"/> names a PostgreSQL database (postgres:// or postgresql://).</summary>
    public static bool IsPostgres(string? store) =>
        store is not null && (store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The connection string for a postgres:// URL. Query options are Npgsql keywords (<c>?sslmode=require&amp;timeout=30</c>);
    /// user and password are percent-decoded. Throws <see cref="HadathException"/> (E002) for a malformed address.
    /// </summary>
    public static string ToConnectionString(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!IsPostgres(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new HadathException(ScaleErrors.BadAddress, $"{ScaleErrors.BadAddress}: store address \"{Redact(url)}\" is not postgres://user:password@host:port/database");
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "hadath",
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            ApplicationName = "hadath",
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) b.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            try
            {
                b[Uri.UnescapeDataString(pair[..eq])] = Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
            catch (ArgumentException e)
            {
                throw new HadathException(ScaleErrors.BadAddress, $"{ScaleErrors.BadAddress}: store address option \"{pair[..eq]}\": {e.Message}");
            }
        }
        return b.ConnectionString;
    }

    /// <summary>The address with its password replaced by "***", for logs and messages.</summary>
    public static string Redact(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme) return url;
        var colon = url.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? string.Concat(url.AsSpan(0, colon + 1), "***", url.AsSpan(at)) : url;
    }
}
