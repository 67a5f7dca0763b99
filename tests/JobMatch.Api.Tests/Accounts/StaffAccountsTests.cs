using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;
using JobMatch.Api.Tests.Mentoring;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>Staff create, list, invite, disable and re-role accounts (/api/accounts).</summary>
public sealed class StaffAccountsTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    [Fact]
    public async Task ARecruiterCreatedForACompanyIsLinkedToItAndItsInvitationCodeSetsItsFirstPassword()
    {
        var admin = api.Admin();
        var company = await admin.CreateCompany();
        var name = AccountsApiFactory.NewName("rec");
        var phone = VeteranData.NewPhone();
        var response = await admin.PostAsJsonAsync("/api/accounts",
            new { role = Roles.Recruiter, userName = name, phone, email = "wang.li@example.com", companyId = company });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the invitation is shown once: no cache keeps it");
        var created = await response.Read<CreatedAccountAnswer>();
        Assert.Equal((name, AccountStates.Invited, "w***@example.com", phone[..3] + "****" + phone[^4..]),
            (created.Account.UserName, created.Account.State, created.Account.Email, created.Account.Phone));
        Assert.Equal([company], created.Account.Companies.Select(c => c.Id));
        Assert.Equal($"http://localhost/#/set-password?code={created.Invitation.Code}", created.Invitation.Link);
        var recruiters = await (await admin.GetAsync($"/api/companies/{company}/recruiters")).ReadJson();
        Assert.Contains(recruiters.EnumerateArray(), link => link.GetProperty("subject").GetString() == created.Account.Id.ToString());

        await using (var db = api.Connection())
        {
            await db.OpenAsync();
            var redeemed = await AccountCodes.RedeemAsync(db, null, created.Invitation.Code, [CodePurposes.Invitation], DateTime.UtcNow);
            Assert.Equal((created.Account.Id, CodePurposes.Invitation), (redeemed?.AccountId, redeemed?.Purpose));
        }
        using (var scope = api.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            Assert.True((await users.AddPasswordAsync((await users.FindByIdAsync(created.Account.Id.ToString()))!, AccountsApiFactory.Password)).Succeeded);
        }
        var token = (await (await api.SignInAsync(name)).Read<SignedInAnswer>()).AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await api.Bearer(token).GetAsync($"/api/companies/{company}")).StatusCode);
        Assert.Contains(("account.created", null), await api.AuditAsync(created.Account.Id));
    }

    [Fact]
    public async Task AMissingCompanyOrMentorIsAFieldErrorAndATakenNameOrPhoneAConflict()
    {
        var admin = api.Admin();
        var missing = await (await admin.PostAsJsonAsync("/api/accounts",
            new { role = Roles.Recruiter, userName = AccountsApiFactory.NewName("rec"), companyId = Guid.NewGuid() })).AssertProblem(400);
        Assert.True(missing.GetProperty("errors").TryGetProperty("companyId", out _));
        var noMentor = await (await admin.PostAsJsonAsync("/api/accounts",
            new { role = Roles.Mentor, userName = AccountsApiFactory.NewName("men") })).AssertProblem(400);
        Assert.True(noMentor.GetProperty("errors").TryGetProperty("mentorId", out _));

        var taken = await api.CreateAccountAsync(Roles.Admin, VeteranData.NewPhone());
        await (await admin.PostAsJsonAsync("/api/accounts", new { role = Roles.Admin, userName = taken.UserName })).AssertProblem(409);
        var phone = await (await admin.PostAsJsonAsync("/api/accounts",
            new { role = Roles.Admin, userName = AccountsApiFactory.NewName("adm"), phone = taken.Phone })).AssertProblem(409);
        Assert.Contains("手机号", phone.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListFiltersByRoleStateAndNameAndMasksPhones()
    {
        var admin = api.Admin();
        var mentor = await admin.CreateMentor();
        var prefix = AccountsApiFactory.NewName("lst");
        var phone = VeteranData.NewPhone();
        var created = await (await admin.PostAsJsonAsync("/api/accounts",
            new { role = Roles.Mentor, userName = prefix + "-a", phone, mentorId = mentor })).Read<CreatedAccountAnswer>();
        Assert.Equal(mentor, created.Account.MentorId);
        await admin.PostAsJsonAsync("/api/accounts", new { role = Roles.Admin, userName = prefix + "-b" });

        var mentors = await (await admin.GetAsync($"/api/accounts?role=mentor&state=invited&q={prefix.ToUpperInvariant()}")).Read<PageOf<AccountAnswer>>();
        var only = Assert.Single(mentors.Items);
        Assert.Equal((created.Account.Id, phone[..3] + "****" + phone[^4..], mentor), (only.Id, only.Phone, only.MentorId));
        Assert.Empty((await (await admin.GetAsync($"/api/accounts?state=active&q={prefix}")).Read<PageOf<AccountAnswer>>()).Items);
        var both = await (await admin.GetAsync($"/api/accounts?q={prefix}&limit=1")).Read<PageOf<AccountAnswer>>();
        Assert.Equal((2, "admin"), (both.Total, both.Items[0].Role));
        var next = await (await admin.GetAsync($"/api/accounts?q={prefix}&limit=1&cursor={both.NextCursor}")).Read<PageOf<AccountAnswer>>();
        Assert.Equal(created.Account.Id, Assert.Single(next.Items).Id);
        await (await admin.GetAsync("/api/accounts?state=asleep")).AssertProblem(400);
        await (await api.ClientFor(Roles.Recruiter, "rec-somebody").GetAsync("/api/accounts")).AssertProblem(403);
    }

    [Fact]
    public async Task ADisabledAccountsLiveTokenIsRefusedAtItsNextRequestUntilStaffEnableIt()
    {
        var account = await api.CreateAccountAsync(Roles.Recruiter);
        var client = api.Bearer((await (await api.SignInAsync(account.UserName)).Read<SignedInAnswer>()).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        var disabled = await (await api.Admin().PostAsync($"/api/accounts/{account.Id}/disable", null)).Read<AccountAnswer>();
        Assert.Equal(AccountStates.Disabled, disabled.State);
        await (await client.GetAsync("/api/me")).AssertProblem(401);
        await (await api.SignInAsync(account.UserName)).AssertProblem(401);

        Assert.Equal(AccountStates.Active, (await (await api.Admin().PostAsync($"/api/accounts/{account.Id}/enable", null)).Read<AccountAnswer>()).State);
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName)).StatusCode);
        Assert.Equal(["account.disabled", "account.enabled"],
            (await api.AuditAsync(account.Id)).Select(entry => entry.Action).Where(action => action.EndsWith("abled", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DisablingAnInvitedAccountVoidsItsInvitation()
    {
        var invited = await (await api.Admin().PostAsJsonAsync("/api/accounts", new
        {
            role = Roles.Recruiter, userName = AccountsApiFactory.NewName("rec"), companyId = await api.Admin().CreateCompany(),
        })).Read<CreatedAccountAnswer>();
        Assert.Equal(HttpStatusCode.OK, (await api.Admin().PostAsync($"/api/accounts/{invited.Account.Id}/disable", null)).StatusCode);
        await using var db = api.Connection();
        await db.OpenAsync();
        Assert.Null(await AccountCodes.PeekAsync(db, invited.Invitation.Code, [CodePurposes.Invitation], DateTime.UtcNow));
        await (await api.Admin().PostAsync($"/api/accounts/{invited.Account.Id}/invitation", null)).AssertProblem(409);
    }

    [Fact]
    public async Task AStaffResetOfAnAccountWithAPasswordEndsItsSessionsAndHandsOutAResetCode()
    {
        var account = await api.CreateAccountAsync(Roles.Mentor);
        var client = api.Bearer((await (await api.SignInAsync(account.UserName)).Read<SignedInAnswer>()).AccessToken);
        await using var db = api.Connection();
        await db.OpenAsync();
        // Its owner lost the phone with the authenticator: the reset is the way back, so the second factor is enrolled again.
        await db.ExecuteAsync("UPDATE accounts SET two_factor_enabled = true, authenticator_key = 'LOSTLOSTLOSTLOST' WHERE id = @Id",
            new { account.Id });
        var reset = await (await api.Admin().PostAsync($"/api/accounts/{account.Id}/invitation", null)).Read<AccountInvitationAnswer>();
        await (await client.GetAsync("/api/me")).AssertProblem(401);
        Assert.Equal((false, (string?)null), await db.QuerySingleAsync<(bool, string?)>(
            "SELECT two_factor_enabled, authenticator_key FROM accounts WHERE id = @Id", new { account.Id }));
        var peeked = await AccountCodes.PeekAsync(db, reset.Code, [CodePurposes.Invitation, CodePurposes.PasswordReset], DateTime.UtcNow);
        Assert.Equal(CodePurposes.PasswordReset, peeked?.Purpose);
        Assert.Contains(("account.reset_by_staff", null), await api.AuditAsync(account.Id));
    }

    [Fact]
    public async Task ARoleChangeMovesTheLinksAndRefusesTheOldToken()
    {
        var admin = api.Admin();
        var company = await admin.CreateCompany();
        var mentor = await admin.CreateMentor();
        var account = await api.CreateAccountAsync(Roles.Recruiter);
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsJsonAsync($"/api/companies/{company}/recruiters", new { subject = account.Id.ToString() })).StatusCode);
        var client = api.Bearer((await (await api.SignInAsync(account.UserName)).Read<SignedInAnswer>()).AccessToken);

        var changed = await (await admin.PutAsJsonAsync($"/api/accounts/{account.Id}/role", new { role = Roles.Mentor, mentorId = mentor }))
            .Read<AccountAnswer>();
        Assert.Equal((Roles.Mentor, mentor, 0), (changed.Role, changed.MentorId, changed.Companies.Count));
        await (await client.GetAsync("/api/me")).AssertProblem(401);
        await using (var db = api.Connection())
        {
            Assert.False(await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM recruiter_links WHERE subject = @subject)",
                new { subject = account.Id.ToString() }));
        }
        Assert.Contains(("account.role_changed", null), await api.AuditAsync(account.Id));
        var veteran = await api.CreateAccountAsync(Roles.Veteran);
        await (await admin.PutAsJsonAsync($"/api/accounts/{veteran.Id}/role", new { role = Roles.Admin })).AssertProblem(409);
    }

    [Fact]
    public async Task TheLastEnabledAdminCannotBeDisabledOrReRoledAndNoAdminDisablesThemself()
    {
        var first = await api.CreateAccountAsync(Roles.Admin);
        await using (var db = api.Connection())
        {
            await db.ExecuteAsync("UPDATE accounts SET disabled_at = now() WHERE role = 'admin' AND id <> @Id", new { first.Id });
        }
        // The admin's own token (an admin's sign-in asks for the second factor: SecondFactorTests show that part).
        var self = api.ClientFor(Roles.Admin, first.Id.ToString());
        await (await self.PostAsync($"/api/accounts/{first.Id}/disable", null)).AssertProblem(409);
        var last = await (await api.Admin().PostAsync($"/api/accounts/{first.Id}/disable", null)).AssertProblem(409);
        Assert.Contains("最后一个启用的管理员", last.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await api.Admin().PutAsJsonAsync($"/api/accounts/{first.Id}/role", new { role = Roles.Mentor, mentorId = await api.Admin().CreateMentor() }))
            .AssertProblem(409);

        var second = await (await self.PostAsJsonAsync("/api/accounts", new { role = Roles.Admin, userName = AccountsApiFactory.NewName("adm") }))
            .Read<CreatedAccountAnswer>();
        Assert.Equal(HttpStatusCode.OK, (await api.Admin().PostAsync($"/api/accounts/{first.Id}/disable", null)).StatusCode);
        await (await api.Admin().PostAsync($"/api/accounts/{second.Account.Id}/disable", null)).AssertProblem(409);
    }
}
