using Microsoft.AspNetCore.Http;

namespace Hadath.Server.Security;

/// <summary>
/// Headers sent with every response. The Content-Security-Policy lets the dashboard load scripts, styles, images and
/// data only from this server, forbids inline script and style, eval, plugins, framing and form posts elsewhere, and
/// requires Trusted Types with no policy allowed: any <c>innerHTML</c>-style assignment of a string throws in the
/// browser, so article text can only reach the page as text.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The dashboard's policy.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'; " +
        "require-trusted-types-for 'script'; trusted-types 'none'";

    /// <summary>Adds the headers before the response starts.</summary>
    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var h = response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        h["Cross-Origin-Resource-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    }
}
