using System.Security.Cryptography;
using System.Text;

namespace Hadath.Server.Security;

/// <summary>
/// The server's API key, held only as its SHA-256 digest. A presented key is hashed and compared in constant time
/// (<see cref="CryptographicOperations.FixedTimeEquals"/>), so neither the comparison time nor the length of the key
/// tells an attacker anything, and the key itself is never kept, printed or logged.
/// </summary>
public sealed class ApiKey
{
    /// <summary>The header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    private readonly byte[]? _digest;

    /// <param name="key">The configured key, or null when writing is disabled.</param>
    public ApiKey(string? key) => _digest = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>True when a key is configured.</summary>
    public bool IsConfigured => _digest is not null;

    /// <summary>True when <paramref name="presented"/> is the configured key (false when none is configured).</summary>
    public bool Matches(string? presented)
    {
        if (_digest is null || presented is null) return false;
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        return CryptographicOperations.FixedTimeEquals(digest, _digest);
    }
}
