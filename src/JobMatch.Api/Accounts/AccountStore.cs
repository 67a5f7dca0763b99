using Dapper;
using JobMatch.Api.Auth;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>
/// Identity's user store over the <c>accounts</c> table with Dapper. The setters only change the <see cref="Account"/>;
/// UserManager then calls <see cref="UpdateAsync"/>, which writes the row when its concurrency stamp is still the one read.
/// An account holds exactly one role: adding one replaces it, and removing it is refused.
/// </summary>
public sealed class AccountStore(NpgsqlDataSource dataSource, AccountTransaction joined, TimeProvider clock) :
    IUserPasswordStore<Account>, IUserSecurityStampStore<Account>, IUserLockoutStore<Account>, IUserPhoneNumberStore<Account>,
    IUserEmailStore<Account>, IUserRoleStore<Account>, IUserTwoFactorStore<Account>, IUserAuthenticatorKeyStore<Account>
{
    internal const string Columns = """
        id, user_name, normalized_user_name, phone, phone_confirmed, email, normalized_email, email_confirmed, password_hash,
        security_stamp, concurrency_stamp, lockout_enabled, lockout_end, failed_count, two_factor_enabled, authenticator_key,
        role, disabled_at, created_at, created_by
        """;

    const string Values = """
        @Id, @UserName, @NormalizedUserName, @Phone, @PhoneConfirmed, @Email, @NormalizedEmail, @EmailConfirmed, @PasswordHash,
        @SecurityStamp, @ConcurrencyStamp, @LockoutEnabled, @LockoutEnd, @FailedCount, @TwoFactorEnabled, @AuthenticatorKey,
        @Role, @DisabledAt, @CreatedAt, @CreatedBy
        """;

    public async Task<IdentityResult> CreateAsync(Account user, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(user.Role) || !Subjects.IsValid(user.CreatedBy))
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = "AccountIncomplete",
                Description = "An account is created with one role of admin, recruiter, mentor or veteran, and who created it.",
            });
        }
        if (user.CreatedAt == default) user.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await using var owned = joined.Current is null ? await dataSource.OpenConnectionAsync(cancellationToken) : null;
        await (owned ?? joined.Current!.Connection!).ExecuteAsync($"INSERT INTO accounts ({Columns}) VALUES ({Values})", user,
            joined.Current);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(Account user, CancellationToken cancellationToken)
    {
        var read = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var parameters = new DynamicParameters(user);
        parameters.Add("read", read);
        await using var owned = joined.Current is null ? await dataSource.OpenConnectionAsync(cancellationToken) : null;
        var updated = await (owned ?? joined.Current!.Connection!).ExecuteAsync("""
            UPDATE accounts SET user_name = @UserName, normalized_user_name = @NormalizedUserName, phone = @Phone,
                phone_confirmed = @PhoneConfirmed, email = @Email, normalized_email = @NormalizedEmail, email_confirmed = @EmailConfirmed,
                password_hash = @PasswordHash, security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp,
                lockout_enabled = @LockoutEnabled, lockout_end = @LockoutEnd, failed_count = @FailedCount,
                two_factor_enabled = @TwoFactorEnabled, authenticator_key = @AuthenticatorKey, role = @Role, disabled_at = @DisabledAt
            WHERE id = @Id AND concurrency_stamp = @read
            """, parameters, joined.Current);
        if (updated == 1) return IdentityResult.Success;
        user.ConcurrencyStamp = read;
        return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(Account user, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        await db.ExecuteAsync("DELETE FROM accounts WHERE id = @Id", new { user.Id });
        return IdentityResult.Success;
    }

    public Task<Account?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id) ? FindAsync("id = @id", new { id }, cancellationToken) : Task.FromResult<Account?>(null);

    public Task<Account?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindAsync("normalized_user_name = @normalizedUserName", new { normalizedUserName }, cancellationToken);

    public Task<Account?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        FindAsync("normalized_email = @normalizedEmail", new { normalizedEmail }, cancellationToken);

    /// <summary>The account a sign-in names: by its user name (normalized) or its mobile number.</summary>
    public Task<Account?> FindByNameOrPhoneAsync(string normalizedUserName, string? phone, CancellationToken cancellationToken = default) =>
        FindAsync("normalized_user_name = @normalizedUserName OR phone = @phone", new { normalizedUserName, phone }, cancellationToken);

    async Task<Account?> FindAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        // A name and a phone could name two accounts (one's name is another's number): then neither, rather than a guess.
        var found = (await db.QueryAsync<Account>($"SELECT {Columns} FROM accounts WHERE {where} LIMIT 2", parameters)).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    public Task<IList<Account>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Accounts are listed by the staff's account screens, not through Identity.");

    public Task<string> GetUserIdAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(Account user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);
    public Task SetUserNameAsync(Account user, string? userName, CancellationToken cancellationToken) =>
        Set(() => user.UserName = userName ?? "");
    public Task<string?> GetNormalizedUserNameAsync(Account user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.NormalizedUserName);
    public Task SetNormalizedUserNameAsync(Account user, string? normalizedName, CancellationToken cancellationToken) =>
        Set(() => user.NormalizedUserName = normalizedName ?? "");

    public Task SetPasswordHashAsync(Account user, string? passwordHash, CancellationToken cancellationToken) =>
        Set(() => user.PasswordHash = passwordHash);
    public Task<string?> GetPasswordHashAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(Account user, string stamp, CancellationToken cancellationToken) =>
        Set(() => user.SecurityStamp = stamp);
    public Task<string?> GetSecurityStampAsync(Account user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(Account user, CancellationToken cancellationToken) =>
        Task.FromResult(user.LockoutEnd is { } end
            ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) : (DateTimeOffset?)null);
    public Task SetLockoutEndDateAsync(Account user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) =>
        Set(() => user.LockoutEnd = lockoutEnd?.UtcDateTime);
    public Task<int> IncrementAccessFailedCountAsync(Account user, CancellationToken cancellationToken) =>
        Task.FromResult(++user.FailedCount);
    public Task ResetAccessFailedCountAsync(Account user, CancellationToken cancellationToken) => Set(() => user.FailedCount = 0);
    public Task<int> GetAccessFailedCountAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.FailedCount);
    public Task<bool> GetLockoutEnabledAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(Account user, bool enabled, CancellationToken cancellationToken) =>
        Set(() => user.LockoutEnabled = enabled);

    public Task SetPhoneNumberAsync(Account user, string? phoneNumber, CancellationToken cancellationToken) =>
        Set(() => user.Phone = phoneNumber);
    public Task<string?> GetPhoneNumberAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.Phone);
    public Task<bool> GetPhoneNumberConfirmedAsync(Account user, CancellationToken cancellationToken) =>
        Task.FromResult(user.PhoneConfirmed);
    public Task SetPhoneNumberConfirmedAsync(Account user, bool confirmed, CancellationToken cancellationToken) =>
        Set(() => user.PhoneConfirmed = confirmed);

    public Task SetEmailAsync(Account user, string? email, CancellationToken cancellationToken) => Set(() => user.Email = email);
    public Task<string?> GetEmailAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.Email);
    public Task<bool> GetEmailConfirmedAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);
    public Task SetEmailConfirmedAsync(Account user, bool confirmed, CancellationToken cancellationToken) =>
        Set(() => user.EmailConfirmed = confirmed);
    public Task<string?> GetNormalizedEmailAsync(Account user, CancellationToken cancellationToken) =>
        Task.FromResult(user.NormalizedEmail);
    public Task SetNormalizedEmailAsync(Account user, string? normalizedEmail, CancellationToken cancellationToken) =>
        Set(() => user.NormalizedEmail = normalizedEmail);

    // UserManager passes role names normalized (upper case); Auth/Roles spells them in lower case.
    public Task AddToRoleAsync(Account user, string roleName, CancellationToken cancellationToken) =>
        Set(() => user.Role = KnownRole(roleName));
    public Task RemoveFromRoleAsync(Account user, string roleName, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("An account holds exactly one role: add another one to replace it.");
    public Task<IList<string>> GetRolesAsync(Account user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<string>>([user.Role]);
    public Task<bool> IsInRoleAsync(Account user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(user.Role == roleName.ToLowerInvariant());

    public Task SetTwoFactorEnabledAsync(Account user, bool enabled, CancellationToken cancellationToken) =>
        Set(() => user.TwoFactorEnabled = enabled);
    public Task<bool> GetTwoFactorEnabledAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(Account user, string key, CancellationToken cancellationToken) =>
        Set(() => user.AuthenticatorKey = key);
    public Task<string?> GetAuthenticatorKeyAsync(Account user, CancellationToken cancellationToken) =>
        Task.FromResult(user.AuthenticatorKey);

    static string KnownRole(string roleName) => roleName.ToLowerInvariant() is var role && Roles.All.Contains(role)
        ? role : throw new ArgumentException($"Unknown role '{roleName}'.", nameof(roleName));

    static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}

/// <summary>
/// The transaction the store's writes of this scope join while one is set: staff create an account with its recruiter or
/// mentor link, or change its role and links, at once (UserManager writes through the store, which else opens its own).
/// </summary>
public sealed class AccountTransaction
{
    public NpgsqlTransaction? Current { get; set; }
}
