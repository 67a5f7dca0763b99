using Dapper;
using JobMatch.Api.Conventions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>
/// Sign-ins per address, in fixed one-minute windows counted in PostgreSQL (<c>sign_in_windows</c>), so that several
/// instances share one budget: past <see cref="AccountOptions.SignInsPerMinutePerAddress"/>, 429 until the minute ends.
/// Runs before the handler, so a refused attempt costs no password hash. Lockout per account is Identity's (AccountsSetup).
/// </summary>
public sealed class SignInLimit(NpgsqlDataSource dataSource, IOptions<AccountOptions> options, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var window = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var address = context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        await using var db = await dataSource.OpenConnectionAsync();
        // The windows that ended before this one go as this one is counted.
        var attempts = await db.ExecuteScalarAsync<int>("""
            WITH ended AS (DELETE FROM sign_in_windows WHERE window_start < @window)
            INSERT INTO sign_in_windows (address, window_start, attempts) VALUES (@address, @window, 1)
            ON CONFLICT (address, window_start) DO UPDATE SET attempts = sign_in_windows.attempts + 1
            RETURNING attempts
            """, new { address, window });
        if (attempts <= options.Value.SignInsPerMinutePerAddress)
        {
            return await next(context);
        }
        var retryAfter = Math.Max(1, (int)Math.Ceiling((window.AddMinutes(1) - now).TotalSeconds));
        return Problems.TooMany(context.HttpContext.Response, window.AddMinutes(1), now, "Too many requests", Say.Text(
            $"此网络地址的登录尝试过多，请在 {retryAfter} 秒后重试。", $"Too many sign-ins from this address: retry in {retryAfter} seconds."));
    }
}
