using System.Reflection;
using Hadath.Corpus.Net;
using Hadath.Extraction;
using Hadath.Server.Api;
using Hadath.Server.Corpus;
using Hadath.Server.Dashboard;
using Hadath.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hadath.Server;

/// <summary>The answer of GET /health.</summary>
public sealed record Health(string Status, string Version, int AnalysisSlots, int AnalysisSlotsFree, int Waiting, string Store, string? Broker);

/// <summary>
/// <c>hadath serve</c>: the HTTP API and the dashboard in one process. <see cref="CreateHostBuilder"/> builds the host
/// (Kestrel on the given URLs); tests swap Kestrel for a test server through the same builder. The API is described
/// at /openapi/v1.json; errors are RFC 9457 problem details carrying the catalogue code.
/// </summary>
public sealed class HadathServer
{
    private HadathServer()
    {
    }

    /// <summary>The server's version.</summary>
    public static string Version { get; } =
        typeof(HadathServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    /// <summary>A host that serves the API and dashboard with <paramref name="options"/> on <paramref name="urls"/> (semicolon-separated).</summary>
    public static IHostBuilder CreateHostBuilder(ServerOptions options, string urls = ServerOptions.DefaultUrls, Func<Pipeline>? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Host.CreateDefaultBuilder([])
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureLogging(logging =>
            {
                logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
                logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
            })
            .ConfigureServices(services => ConfigureServices(services, options with { AllowedHosts = options.AllowedHosts ?? DefaultAllowedHosts(urls) }, pipeline))
            .ConfigureWebHost(web => web
                .UseKestrel(k =>
                {
                    k.AddServerHeader = false;
                    // The endpoints enforce MaxRequestBytes with a problem answer; Kestrel's cap is the backstop.
                    k.Limits.MaxRequestBodySize = options.MaxRequestBytes + 64 * 1024;
                    k.Limits.MaxConcurrentConnections = 1024;
                    k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
                })
                .UseUrls(urls)
                .UseSetting(WebHostDefaults.ContentRootKey, AppContext.BaseDirectory)
                .Configure(Configure));
    }

    /// <summary>Only the loopback names when every URL listens on loopback; else any host.</summary>
    public static IReadOnlyList<string> DefaultAllowedHosts(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var all = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var loopback = all.Length > 0 && all.All(u =>
            Uri.TryCreate(u.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip))));
        return loopback ? ["localhost", "127.0.0.1", "[::1]"] : ["*"];
    }

    /// <summary>Registers the server's services: options, key, pipeline, corpus stores, analysis gate, fetcher, OpenAPI.</summary>
    public static void ConfigureServices(IServiceCollection services, ServerOptions options, Func<Pipeline>? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddHostFiltering(h =>
        {
            h.AllowedHosts = [.. options.AllowedHosts ?? ["*"]];
            h.AllowEmptyHosts = false;
            h.IncludeFailureMessage = false;
        });
        services.AddSingleton(new ApiKey(options.ApiKey));
        services.AddSingleton(_ => pipeline?.Invoke() ?? DefaultPipeline.Create(new PipelineOptions { MaxChars = options.MaxDocumentChars }));
        services.AddSingleton(_ => options.Stores?.Invoke() ?? CorpusStores.OpenSqlite(options.CorpusPath, maxIdle: Math.Max(4, options.MaxConcurrentAnalyses * 2)));
        services.AddSingleton(_ => new AnalysisGate(options.MaxConcurrentAnalyses, options.AnalysisQueueLimit, options.AnalysisQueueTimeout));
        services.AddSingleton(_ => new SafeHttpFetcher(options.Fetch));
        services.AddSingleton(DashboardAssets.Embedded);
        services.AddRouting();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Hadath API";
            doc.Info.Version = Version;
            doc.Info.Description = "Arabic news in, attributed and dated PLOVER/CAMEO event data out. Errors are RFC 9457 problem details with the catalogue code in \"code\". Writing needs the X-Api-Key header.";
            return Task.CompletedTask;
        }));
    }

    /// <summary>The request pipeline: security headers, problems for errors, the dashboard's files, the API.</summary>
    public static void Configure(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHostFiltering();
        app.Use(async (context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                SecurityHeaders.Apply(response);
                return Task.CompletedTask;
            });
            await next(context).ConfigureAwait(false);
        });
        app.Use(ProblemsOnErrors);
        // The answers routing gives without a body (no route, another method, a content type the endpoint does not read) as problems too.
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var where = $"{http.Request.Method} {http.Request.Path}";
            return http.Response.StatusCode switch
            {
                StatusCodes.Status400BadRequest => Problems.Of(ServerErrors.InvalidParameter, "the request was refused: its Host header is not served here").ExecuteAsync(http),
                StatusCodes.Status404NotFound => Problems.Of(ServerErrors.NotFound, $"no such endpoint: {where} (the API is described at /openapi/v1.json)").ExecuteAsync(http),
                StatusCodes.Status405MethodNotAllowed => Problems.Of(ServerErrors.NotFound, $"no such endpoint: {where}; the path is served with another method", StatusCodes.Status405MethodNotAllowed).ExecuteAsync(http),
                StatusCodes.Status415UnsupportedMediaType => Problems.Of(ServerErrors.UnsupportedMediaType, $"{where} does not read {http.Request.ContentType}; see /openapi/v1.json").ExecuteAsync(http),
                _ => Task.CompletedTask,
            };
        });
        var options = app.ApplicationServices.GetRequiredService<ServerOptions>();
        if (options.Dashboard)
        {
            var assets = app.ApplicationServices.GetRequiredService<DashboardAssets>();
            app.Use((context, next) =>
                (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && assets.TryGet(context.Request.Path, out var asset)
                    ? DashboardAssets.ServeAsync(context, asset)
                    : next(context));
        }
        app.UseRouting();
        app.UseEndpoints(MapEndpoints);
    }

    private static string StoreHealth(CorpusStores stores)
    {
        try
        {
            using var lease = stores.Read();
            lease.Store.HasDocument("health-check");
            return "ok";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "unavailable: " + e.GetType().Name;
        }
    }

    /// <summary>Maps /health, /openapi/v1.json and the /v1 API.</summary>
    public static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/health", async (AnalysisGate gate, CorpusStores stores, ServerOptions options, CancellationToken ct) =>
            {
                // the store answers a cheap query and the broker (with --nats) its stream info: either failing makes the
                // service degraded (503)
                var store = StoreHealth(stores);
                string? broker = null;
                if (options.BrokerHealth is { } check)
                {
                    try { broker = await check(ct).ConfigureAwait(false); }
                    catch (Exception e) when (e is not OutOfMemoryException) { broker = "unavailable: " + e.GetType().Name; }
                }
                var ok = store == "ok" && broker is null or "ok";
                return TypedResults.Json(new Health(ok ? "ok" : "degraded", Version, gate.Slots, gate.Free, gate.Waiting, store, broker), ApiJson.Options,
                    statusCode: ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("Health").WithTags("service").WithSummary("Liveness, analysis slots and the corpus store").Produces<Health>();
        endpoints.MapOpenApi("/openapi/{documentName}.json");

        var read = endpoints.MapGroup("/v1").AddEndpointFilter(KeyFilters.Read);
        AnalyzeEndpoints.Map(read);
        DocumentEndpoints.MapRead(read);
        EventEndpoints.Map(read);
        SearchEndpoints.Map(read);

        var write = endpoints.MapGroup("/v1").AddEndpointFilter(KeyFilters.Write);
        DocumentEndpoints.MapWrite(write);
    }

    /// <summary>Turns request errors into problems: <see cref="ApiException"/> with its code, anything else E408 (logged, never shown).</summary>
    private static async Task ProblemsOnErrors(HttpContext context, Func<Task> next)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            IResult problem;
            switch (e)
            {
                case ApiException api:
                    problem = Problems.Of(api.Code, api.Message);
                    break;
                case BadHttpRequestException bad:
                    problem = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? Problems.Of(ServerErrors.BodyTooLarge, "the request body is too large")
                        : Problems.Of(ServerErrors.InvalidParameter, bad.Message, bad.StatusCode);
                    break;
                default:
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<HadathServer>()
                        .LogError(e, "{Code}: {Method} {Path} failed", ServerErrors.Internal, context.Request.Method, context.Request.Path);
                    problem = Problems.Of(ServerErrors.Internal, $"the request failed (trace {context.TraceIdentifier}); the server's log has the details");
                    break;
            }
            context.Response.Clear();
            await problem.ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
