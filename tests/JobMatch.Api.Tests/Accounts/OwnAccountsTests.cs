using System.Net;
using System.Text.Json;
using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>A veteran's built-in account is in their export and erased with their profile.</summary>
public sealed class OwnAccountsTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    [Fact]
    public async Task TheExportShowsTheAccountsPhoneAndEmailAndTheErasureRemovesThemAndEndsItsSignIns()
    {
        var phone = VeteranData.NewPhone();
        var email = PersonalData.Remember($"v{Guid.NewGuid():N}"[..12] + "@example.org");
        var account = await api.CreateAccountAsync(Roles.Veteran, phone);
        await using var db = api.Connection();
        // Registered without a name of its own (its phone is its user name), phone confirmed by staff, an e-mail confirmed,
        // and a change of e-mail pending (a live code that holds the new address).
        await db.ExecuteAsync("""
            UPDATE accounts SET user_name = @phone, normalized_user_name = @phone, phone_confirmed = true,
                email = @email, normalized_email = upper(@email), email_confirmed = true
            WHERE id = @Id
            """, new { account.Id, phone, email });
        await AccountCodes.IssueAsync(db, null, account.Id, CodePurposes.EmailConfirmation, AccountCodes.EmailLifetime, "test",
            DateTime.UtcNow, payload: "new-" + email);
        var signedIn = await api.SignInAsync(phone);
        var client = api.Bearer((await signedIn.Read<SignedInAnswer>()).AccessToken);
        await client.CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(), phone));

        var export = JsonDocument.Parse(await client.GetStringAsync("/api/veterans/me/export")).RootElement;
        var copy = Assert.IsType<AccountCopyAnswer>(export.As<ExportedAccountAnswer>().Account);
        Assert.Equal((phone, phone, email, true, AccountStates.Active), (copy.UserName, copy.Phone, copy.Email, copy.EmailConfirmed, copy.State));
        // Exactly these fields: no password hash, stamp or authenticator key.
        Assert.Equal(["createdAt", "email", "emailConfirmed", "phone", "state", "userName"],
            export.GetProperty("account").EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/veterans/me")).StatusCode);
        var row = await db.QuerySingleAsync<ErasedRow>("""
            SELECT user_name, phone, email, normalized_email, password_hash IS NOT NULL AS has_password, disabled_at IS NOT NULL AS disabled,
                (SELECT count(*) FROM account_codes c WHERE c.account_id = a.id AND (c.voided_at IS NULL OR c.payload IS NOT NULL)) AS live_codes
            FROM accounts a WHERE id = @Id
            """, new { account.Id });
        Assert.Equal(new ErasedRow("erased-" + account.Id.ToString("N"), null, null, null, false, true, 0), row);
        await (await client.GetAsync("/api/me")).AssertProblem(401);
        await (await api.WithCookieAsync("/api/auth/refresh", AccountsApiFactory.RefreshCookie(signedIn))).AssertProblem(401);
        Assert.Contains(("account.erased", null), await api.AuditAsync(account.Id));
    }

    sealed record ErasedRow(string UserName, string? Phone, string? Email, string? NormalizedEmail, bool HasPassword, bool Disabled, long LiveCodes);

    [Fact]
    public async Task AUserNameTheVeteranChoseIsErasedToo()
    {
        // A name of one's own is often one's real name: personal data like the phone.
        var account = await api.CreateAccountAsync(Roles.Veteran, VeteranData.NewPhone());
        var client = api.Bearer((await (await api.SignInAsync(account.UserName)).Read<SignedInAnswer>()).AccessToken);
        await client.CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone()));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/veterans/me")).StatusCode);
        await using var db = api.Connection();
        Assert.Equal("erased-" + account.Id.ToString("N"),
            await db.QuerySingleAsync<string>("SELECT user_name FROM accounts WHERE id = @Id", new { account.Id }));
    }

    [Fact]
    public async Task AVeteranWhoNeverCreatedAProfileStillExportsAndErasesTheirAccount()
    {
        // Registered, signed in, and changed their mind before filling in a profile: the account holds their phone all the same.
        var phone = VeteranData.NewPhone();
        var account = await api.CreateAccountAsync(Roles.Veteran, phone);
        var client = api.Bearer((await (await api.SignInAsync(account.UserName)).Read<SignedInAnswer>()).AccessToken);

        var export = JsonDocument.Parse(await client.GetStringAsync("/api/veterans/me/export")).RootElement;
        Assert.Equal(JsonValueKind.Null, export.GetProperty("profile").ValueKind);
        Assert.Equal(phone, Assert.IsType<AccountCopyAnswer>(export.As<ExportedAccountAnswer>().Account).Phone);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/veterans/me")).StatusCode);
        await using var db = api.Connection();
        Assert.Null(await db.QuerySingleAsync<string?>("SELECT phone FROM accounts WHERE id = @Id", new { account.Id }));
        await (await client.GetAsync("/api/me")).AssertProblem(401);
        Assert.Contains(("account.erased", null), await api.AuditAsync(account.Id));
    }
}
