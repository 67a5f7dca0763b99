using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace JobMatch.Api.Conventions;

/// <summary>Configuration section "Limits": request body size and rate limits per user and per address.</summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    public long MaxBodyBytes { get; set; } = 1024 * 1024;
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>All requests from one address together, whatever tokens they carry (a shared office NAT needs room).</summary>
    public int RequestsPerMinutePerAddress { get; set; } = 6000;
}

public static class Limits
{
    public static IServiceCollection AddJobMatchLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LimitOptions.Section).Get<LimitOptions>() ?? new();
        services.Configure<LimitOptions>(configuration.GetSection(LimitOptions.Section));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests; // the default would be 503
            // Per user when signed in, per address otherwise; and per address whatever the token, so that minting or
            // rotating tokens from one place buys nothing. Health probes are never limited.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    http.Request.Path.StartsWithSegments("/health")
                        ? RateLimitPartition.GetNoLimiter("health")
                        : RateLimitPartition.GetFixedWindowLimiter(
                            http.User.FindFirst("sub")?.Value is { } sub ? "user:" + sub : "ip:" + http.Connection.RemoteIpAddress,
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1) })),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    http.Request.Path.StartsWithSegments("/health")
                        ? RateLimitPartition.GetNoLimiter("health")
                        : RateLimitPartition.GetFixedWindowLimiter("address:" + http.Connection.RemoteIpAddress,
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinutePerAddress, Window = TimeSpan.FromMinutes(1) })));
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: 429, title: "Too many requests",
                    detail: Say.Text("请求过于频繁，请按 Retry-After 指示的秒数后重试。", "Too many requests: retry after the number of seconds in Retry-After."))
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>413 before a byte is read when Content-Length is too large; the server limit catches streamed bodies.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LimitOptions>>().Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            await TypedResults.Problem(statusCode: 413, title: "Request body too large",
                detail: Say.Text($"请求体超过 {limit} 字节的上限。", $"The request body is over the limit of {limit} bytes."))
                .ExecuteAsync(http);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        await next(http);
    });
}
