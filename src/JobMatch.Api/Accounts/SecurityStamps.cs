using System.Security.Claims;
using Dapper;
using JobMatch.Api.Auth;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>
/// The check of a built-in account's token at each request: its stamp and role are still the account's, and the account is
/// not disabled. What was read is kept for <see cref="AccountOptions.StampCacheSeconds"/> at most, by the service's clock
/// (TimeProvider); this instance forgets it at once when it changes the stamp. Tokens without the stamp claim (the
/// <c>token</c> command, OIDC) are not its concern.
/// </summary>
public sealed class SecurityStamps(NpgsqlDataSource dataSource, IMemoryCache cache, IOptions<AccountOptions> options, TimeProvider clock)
{
    sealed record Current(string SecurityStamp, string Role, bool Disabled);

    /// <summary>What was read of an account (null: no such account) and when, by the service's clock.</summary>
    sealed record Read(Current? Current, DateTimeOffset At);

    /// <summary>Null when the token may be used, else why not (for the log, never for the caller).</summary>
    public async Task<string?> RefusalAsync(ClaimsPrincipal user)
    {
        if (user.FindFirst(TokenIssuer.SecurityStampClaim)?.Value is not { } stamp)
        {
            return null;
        }
        if (!Guid.TryParse(user.FindFirst("sub")?.Value, out var id) || await ReadAsync(id) is not { } current)
        {
            return "the token's account does not exist";
        }
        return current.Disabled ? "the account is disabled"
            : current.SecurityStamp != stamp ? "the account's security stamp changed (password, sign-out everywhere)"
            : current.Role != user.FindFirst("role")?.Value ? "the account's role changed"
            : null;
    }

    public void Forget(Guid id) => cache.Remove(Key(id));

    async Task<Current?> ReadAsync(Guid id)
    {
        var window = TimeSpan.FromSeconds(options.Value.StampCacheSeconds);
        if (window == TimeSpan.Zero)
        {
            return await QueryAsync(id);
        }
        var now = clock.GetUtcNow();
        if (cache.Get<Read>(Key(id)) is { } kept && now - kept.At < window)
        {
            return kept.Current;
        }
        var read = new Read(await QueryAsync(id), now);
        // The clock above decides what is fresh; the cache's own (real) expiry only frees the memory of accounts not seen again.
        cache.Set(Key(id), read, window + TimeSpan.FromMinutes(1));
        return read.Current;
    }

    async Task<Current?> QueryAsync(Guid id)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await db.QuerySingleOrDefaultAsync<Current>(
            "SELECT security_stamp, role, disabled_at IS NOT NULL AS disabled FROM accounts WHERE id = @id", new { id });
    }

    static string Key(Guid id) => "account-stamp:" + id;
}
