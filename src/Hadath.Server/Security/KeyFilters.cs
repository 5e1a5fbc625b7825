using Hadath.Server.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hadath.Server.Security;

/// <summary>
/// Endpoint filters that check the X-Api-Key header before the handler (and before the body is read): writing needs
/// the key (403 E402 when the server has none, 401 E401 when it is missing or wrong); reading needs it only with
/// --read-key-required.
/// </summary>
public static class KeyFilters
{
    /// <summary>For endpoints that change the corpus.</summary>
    public static ValueTask<object?> Write(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var key = http.RequestServices.GetRequiredService<ApiKey>();
        if (!key.IsConfigured)
            return ValueTask.FromResult<object?>(Problems.Of(ServerErrors.WritingDisabled, "this server was started without an API key: start it with --api-key or HADATH_API_KEY to allow writing"));
        if (!key.Matches(Presented(http)))
            return ValueTask.FromResult<object?>(Refused(http));
        return next(context);
    }

    /// <summary>For endpoints that only read.</summary>
    public static ValueTask<object?> Read(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!http.RequestServices.GetRequiredService<ServerOptions>().ReadKeyRequired) return next(context);
        return http.RequestServices.GetRequiredService<ApiKey>().Matches(Presented(http)) ? next(context) : ValueTask.FromResult<object?>(Refused(http));
    }

    private static string? Presented(HttpContext http) =>
        http.Request.Headers.TryGetValue(ApiKey.HeaderName, out var v) && v.Count == 1 ? v[0] : null;

    private static IResult Refused(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "ApiKey header=\"" + ApiKey.HeaderName + "\"";
        return Problems.Of(ServerErrors.Unauthorized, $"send the server's API key in the {ApiKey.HeaderName} header");
    }
}
