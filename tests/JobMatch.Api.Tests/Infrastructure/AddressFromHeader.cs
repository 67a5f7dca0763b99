using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>
/// Takes the client's address from a test header, first thing in the pipeline: the in-memory test server has no network
/// address of its own, and limits per address need several.
/// </summary>
public sealed class AddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header], out var address))
            {
                http.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(http);
        });
        next(app);
    };

    /// <summary>A fresh address of the documentation range 2001:db8::/32 (RFC 3849), for a client of its own.</summary>
    public static string NewAddress() => $"2001:db8::{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";
}
