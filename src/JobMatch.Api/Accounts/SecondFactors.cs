using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using QRCoder;

namespace JobMatch.Api.Accounts;

/// <summary>The second factor's step of a sign-in: answer the challenge with a code (after enrolling, when Enrol).</summary>
public sealed record SecondFactorStep(string Challenge, bool Enrol, DateTime ExpiresAt);

/// <summary>An authenticator key as an app takes it: typed in, as an otpauth:// link, or scanned from the QR code (SVG).</summary>
public sealed record AuthenticatorSetup(string Key, string Uri, string QrSvg);

/// <summary>A code's answer to a challenge: the session, or none (and whether the challenge may still be answered).</summary>
public sealed record SecondFactorAnswer(Session? Session, bool ChallengeLive);

/// <summary>
/// The challenges between a proved password and a session (<c>second_factor_challenges</c>): 256 random bits handed out
/// once, only the SHA-256 kept, single use, <see cref="Lifetime"/>, bound to the account's security stamp (a new password
/// ends it), dead after <see cref="MaxFailures"/> wrong codes.
/// </summary>
public static class SecondFactorChallenges
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int MaxFailures = 5;

    /// <summary>The longest challenge accepted (a challenge is 43 characters of base64url).</summary>
    public const int MaxLength = 100;

    internal sealed record Live(Guid Id, Guid AccountId, string SecurityStamp, bool Enrol);

    /// <summary>A new challenge for an account that proved its password; enrol when it has no second factor on yet.</summary>
    public static async Task<SecondFactorStep> IssueAsync(NpgsqlConnection db, Account account, DateTime now)
    {
        var challenge = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var step = new SecondFactorStep(challenge, !account.TwoFactorEnabled, now + Lifetime);
        await db.ExecuteAsync("""
            INSERT INTO second_factor_challenges (id, account_id, challenge_hash, security_stamp, enrol, created_at, expires_at)
            VALUES (@id, @accountId, @hash, @stamp, @Enrol, @now, @ExpiresAt)
            """, new { id = Guid.CreateVersion7(), accountId = account.Id, hash = Hash(challenge), stamp = account.SecurityStamp,
                step.Enrol, now, step.ExpiresAt });
        return step;
    }

    internal static Task<Live?> FindAsync(NpgsqlConnection db, string? challenge, DateTime now) =>
        challenge is not { Length: > 0 and <= MaxLength } ? Task.FromResult<Live?>(null) : db.QuerySingleOrDefaultAsync<Live>("""
            SELECT id, account_id, security_stamp, enrol FROM second_factor_challenges
            WHERE challenge_hash = @hash AND used_at IS NULL AND expires_at > @now AND failures < @MaxFailures
            """, new { hash = Hash(challenge), now, MaxFailures });

    /// <summary>Uses the challenge; false when another request used it first or it died meanwhile.</summary>
    internal static async Task<bool> UseAsync(NpgsqlConnection db, Guid id, DateTime now) =>
        await db.ExecuteAsync("""
            UPDATE second_factor_challenges SET used_at = @now
            WHERE id = @id AND used_at IS NULL AND expires_at > @now AND failures < @MaxFailures
            """, new { id, now, MaxFailures }) == 1;

    internal static Task FailAsync(NpgsqlConnection db, Guid id) =>
        db.ExecuteAsync("UPDATE second_factor_challenges SET failures = failures + 1 WHERE id = @id AND failures < @MaxFailures",
            new { id, MaxFailures });

    static byte[] Hash(string challenge) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(challenge));
}

/// <summary>
/// The second factor of built-in accounts: TOTP codes of an authenticator app, checked by Identity's authenticator token
/// provider (AccountsSetup), a code never accepted twice (the time step of the last one accepted is kept, RFC 6238 5.2).
/// Required for the roles of <see cref="AccountOptions.SecondFactorRequiredFor"/>, optional for the others.
/// <para>
/// Turning it on or off and a new key do not change the security stamp (so neither Identity's
/// <c>ResetAuthenticatorKeyAsync</c> nor <c>SetTwoFactorEnabledAsync</c>, which do): the caller who turns it on has just
/// proved the key and keeps the session they are in; nothing an earlier session could do becomes wrong, and an owner who
/// doubts their other sessions ends them with sign-out-everywhere. The stamp stays what it is for: a changed password, role
/// or disabled account ends sessions.
/// </para>
/// </summary>
public sealed class SecondFactors(UserManager<Account> users, AccountStore store, AccountSessions sessions,
    NpgsqlDataSource dataSource, IOptions<AccountOptions> options, TimeProvider clock)
{
    public const string Issuer = "JobMatch";

    public bool IsRequired(Account account) => options.Value.RolesRequiringSecondFactor.Contains(account.Role);

    /// <summary>The built-in account a token's subject names; null for tokens of the token command or an identity provider.</summary>
    public Task<Account?> OwnAccountAsync(string subject) => store.FindByIdAsync(subject, default);

    /// <summary>A new key for an enrolment challenge of a sign-in, or null when the challenge is not a live one to enrol.</summary>
    public async Task<AuthenticatorSetup?> EnrolAsync(string? challenge)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await LiveAsync(db, challenge) is ({ Enrol: true }, { } account) ? await NewKeyAsync(account) : null;
    }

    /// <summary>
    /// A code for a sign-in's challenge: the session (enrolling turns the second factor on first), or a refusal. A wrong or
    /// reused code counts against the challenge and towards the account's lockout, and is audited.
    /// </summary>
    public async Task<SecondFactorAnswer> AnswerAsync(string? challenge, string? code)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        if (await LiveAsync(db, challenge) is not ({ } live, { } account))
        {
            return new SecondFactorAnswer(null, false);
        }
        if (await RefusalAsync(db, account, code) is { } refusal)
        {
            await SecondFactorChallenges.FailAsync(db, live.Id);
            await AccountAudit.WriteAsync(db, null, account, "account.second_factor_failed", new { reason = refusal });
            if (await sessions.FailAsync(db, account))
            {
                return new SecondFactorAnswer(null, false);
            }
            return new SecondFactorAnswer(null, await SecondFactorChallenges.FindAsync(db, challenge, UtcTime()) is not null);
        }
        if (!await SecondFactorChallenges.UseAsync(db, live.Id, UtcTime()))
        {
            return new SecondFactorAnswer(null, false);
        }
        if (live.Enrol)
        {
            await TurnOnAsync(db, account);
        }
        return new SecondFactorAnswer(await sessions.SignedInAsync(db, account), false);
    }

    /// <summary>
    /// A new key for the account, not on until a code confirms it. Through the store rather than Identity's
    /// ResetAuthenticatorKeyAsync, which changes the stamp: see the class's remarks.
    /// </summary>
    public async Task<AuthenticatorSetup> NewKeyAsync(Account account)
    {
        await store.SetAuthenticatorKeyAsync(account, users.GenerateNewAuthenticatorKey(), default);
        Updated(await users.UpdateAsync(account));
        var key = await users.GetAuthenticatorKeyAsync(account) ?? throw new InvalidOperationException("The key was not kept.");
        var uri = $"otpauth://totp/{Issuer}:{Uri.EscapeDataString(account.UserName)}?secret={key}&issuer={Issuer}&digits=6";
        using var qr = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new AuthenticatorSetup(key, uri, new SvgQRCode(qr).GetGraphic(4));
    }

    /// <summary>Turns the second factor on with a code of the account's new key; false for a wrong or reused code.</summary>
    public async Task<bool> ConfirmAsync(Account account, string? code)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        if (await RefusalAsync(db, account, code) is { } refusal)
        {
            await AccountAudit.WriteAsync(db, null, account, "account.second_factor_failed", new { reason = refusal });
            return false;
        }
        if (!account.TwoFactorEnabled)
        {
            await TurnOnAsync(db, account);
        }
        return true;
    }

    /// <summary>Turns the second factor off and forgets the key (a role that requires it is refused before).</summary>
    public async Task RemoveAsync(Account account)
    {
        var had = account.TwoFactorEnabled || account.AuthenticatorKey is not null;
        await store.SetTwoFactorEnabledAsync(account, false, default);
        await store.SetAuthenticatorKeyAsync(account, null!, default);
        Updated(await users.UpdateAsync(account));
        if (had)
        {
            await using var db = await dataSource.OpenConnectionAsync();
            await AccountAudit.WriteAsync(db, null, account, "account.second_factor_removed");
        }
    }

    /// <summary>The live challenge and its account, when the account may still answer it (same stamp, not locked or disabled).</summary>
    async Task<(SecondFactorChallenges.Live, Account)?> LiveAsync(NpgsqlConnection db, string? challenge)
    {
        if (await SecondFactorChallenges.FindAsync(db, challenge, UtcTime()) is not { } live
            || await store.FindByIdAsync(live.AccountId.ToString(), default) is not { } account)
        {
            return null;
        }
        // An enrolment whose account turned its second factor on since (or the reverse) is over too.
        return account.DisabledAt is null && account.SecurityStamp == live.SecurityStamp && live.Enrol != account.TwoFactorEnabled
            && !await users.IsLockedOutAsync(account) ? (live, account) : null;
    }

    /// <summary>Null when the code is the account's key's and newer than the last one accepted (now remembered); else why not.</summary>
    async Task<string?> RefusalAsync(NpgsqlConnection db, Account account, string? code)
    {
        var typed = string.Concat((code ?? "").Where(c => c is not (' ' or '-')));
        if (typed.Length != 6 || !typed.All(char.IsAsciiDigit) || account.AuthenticatorKey is not { } key
            || !await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, typed))
        {
            return "wrong_code";
        }
        // Identity says the code is right, not which time step it is of: found here to remember it. The row takes a step
        // only above the one it holds, so the same code sent twice at once signs in once.
        return Totp.StepOf(key, typed, clock.GetUtcNow()) is { } step && await db.ExecuteAsync("""
            UPDATE accounts SET authenticator_step = @step
            WHERE id = @Id AND (authenticator_step IS NULL OR authenticator_step < @step)
            """, new { step, account.Id }) == 1 ? null : "reused_code";
    }

    async Task TurnOnAsync(NpgsqlConnection db, Account account)
    {
        await store.SetTwoFactorEnabledAsync(account, true, default);
        Updated(await users.UpdateAsync(account));
        await AccountAudit.WriteAsync(db, null, account, "account.second_factor_enrolled");
    }

    /// <summary>The account changed under this request (a parallel sign-in counted a failure): the caller tries again.</summary>
    static void Updated(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(error => error.Description)));
        }
    }

    DateTime UtcTime() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>
/// Which time step a TOTP code is of (RFC 6238: HMAC-SHA1, 30 seconds, 6 digits, as Identity's authenticator provider and
/// the apps compute it). Only to remember the step of a code Identity accepted; it does not decide whether a code is right.
/// </summary>
static class Totp
{
    const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The step, searched one wider than Identity's two either side (its clock rounds); null when none matches.</summary>
    public static long? StepOf(string base32Key, string code, DateTimeOffset now)
    {
        var key = Decode(base32Key);
        var current = now.ToUnixTimeSeconds() / 30;
        for (var step = current + 3; step >= current - 3; step--)
        {
            if (Code(key, step) == code)
            {
                return step;
            }
        }
        return null;
    }

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(hash[^1] & 0x0F)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    static byte[] Decode(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | Base32.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
