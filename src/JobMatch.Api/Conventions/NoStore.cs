namespace JobMatch.Api.Conventions;

/// <summary>
/// Every API answer is for its caller alone and may carry personal data (a profile, an export, an unmasked ID number, a
/// list of applicants): no browser or proxy cache keeps one. Set before the handler runs, so that idempotent replays,
/// CSV files and problems carry it too.
/// </summary>
public static class NoStore
{
    public static IApplicationBuilder UseNoStoreForApi(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.Headers.CacheControl = "no-store";
        }
        return next(http);
    });
}
