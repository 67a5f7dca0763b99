using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>
/// A veteran registers with their phone, staff confirm it, the veteran signs in and claims their roster profile; a taken
/// phone gets the same answer; an unconfirmed account's right password is told apart from a wrong one only by its owner.
/// Staff calls use the minted admin token of the factory. Every anonymous call comes from an address of its own.
/// </summary>
public sealed class RegistrationTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    Task<HttpResponseMessage> Register(string phone, string password = AccountsApiFactory.Password, string? userName = null) =>
        api.CreateClient().PostAsJsonAsync("/api/auth/register", new { phone, password, userName });

    async Task<Guid> AccountOf(string phone)
    {
        await using var db = api.Connection();
        return await db.QuerySingleAsync<Guid>("SELECT id FROM accounts WHERE phone = @phone", new { phone });
    }

    Task<HttpResponseMessage> Confirm(Guid account) => api.Admin().PostAsync($"/api/accounts/{account}/phone-confirmation", null);

    [Fact]
    public async Task AVeteranRegistersStaffConfirmTheirPhoneAndTheVeteranSignsInAndClaimsTheirRosterProfile()
    {
        var (name, idNumber) = (VeteranData.NewName(), VeteranData.NewIdNumber());
        var imported = await api.Admin().UploadRoster(Rosters.GbkCsv(Rosters.Title, Rosters.Header,
            Rosters.Line(1, name, idNumber, VeteranData.NewPhone())), "roster.csv");
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var code = await api.Admin().ClaimCodeFor(idNumber);
        var phone = VeteranData.NewPhone();

        var registered = await Register(phone);
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        Assert.Equal("awaiting_confirmation", (await registered.Read<RegisteredAnswer>()).State);
        var account = await AccountOf(phone);
        Assert.Equal(HttpStatusCode.NoContent, (await Confirm(account)).StatusCode);
        await (await Confirm(account)).AssertProblem(409);
        await (await Confirm(Guid.NewGuid())).AssertProblem(404);

        var signedIn = await (await api.SignInAsync(phone)).Read<SignedInAnswer>();
        var veteran = api.Bearer(signedIn.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await veteran.Claim(idNumber, name, code)).StatusCode);
        var me = await (await veteran.GetAsync("/api/veterans/me")).Read<VeteranAnswer>();
        Assert.Equal((await api.Admin().ProfileByIdNumber(idNumber))!.Id, me.Id);
        Assert.Equal(name, me.Name);
        Assert.Equal([("account.registered", null), ("account.phone_confirmed", null), ("account.signed_in", null)],
            await api.AuditAsync(account));
    }

    [Fact]
    public async Task APhoneThatAlreadyHasAnAccountGetsTheSameAnswerAndNothingIsCreated()
    {
        var phone = VeteranData.NewPhone();
        var first = await (await Register(phone)).Read<RegisteredAnswer>();
        var again = await Register(phone, "另一句完全不同的密码短语", AccountsApiFactory.NewName("again"));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first, await again.Read<RegisteredAnswer>());
        // A password refused is refused alike whether or not the number is taken.
        var weak = await (await Register(phone, "password123")).AssertProblem(400);
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));
        await using var db = api.Connection();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM accounts WHERE phone = @phone OR user_name = @phone",
            new { phone }));
        Assert.Equal([("account.registered", null), ("account.registration_duplicate", null)], await api.AuditAsync(await AccountOf(phone)));
    }

    [Fact]
    public async Task AnUnconfirmedVeteranWithTheRightPasswordIsToldToAskStaffAndAWrongPasswordGetsTheUsualAnswer()
    {
        var phone = VeteranData.NewPhone();
        var userName = AccountsApiFactory.NewName("vet");
        Assert.Equal(HttpStatusCode.Accepted, (await Register(phone, userName: userName)).StatusCode);

        var awaiting = await (await api.SignInAsync(userName)).AssertProblem(403);
        Assert.Contains("确认", awaiting.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var wrong = await (await api.SignInAsync(phone, "a-wrong-password")).AssertProblem(401);
        var unknown = await (await api.SignInAsync(VeteranData.NewPhone(), "a-wrong-password")).AssertProblem(401);
        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
        Assert.Equal([("account.registered", null), ("account.sign_in_failed", "awaiting_confirmation"),
            ("account.sign_in_failed", "wrong_password")], await api.AuditAsync(await AccountOf(phone)));
    }

    [Fact]
    public async Task AUserNameThatIsAnotherPersonsPhoneOrAWeakPasswordIsRefusedSayingWhatToDo()
    {
        var phone = VeteranData.NewPhone();
        var someoneElses = VeteranData.NewPhone();

        var takenNumber = await (await Register(phone, userName: someoneElses)).AssertProblem(400);
        Assert.True(takenNumber.GetProperty("errors").TryGetProperty("userName", out _));
        var weak = await (await Register(phone, "password123")).AssertProblem(400);
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));
        await using var db = api.Connection();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM accounts WHERE phone IN (@phone, @someoneElses)",
            new { phone, someoneElses }));
        // Its own number is a name it may take.
        Assert.Equal(HttpStatusCode.Accepted, (await Register(phone, userName: phone)).StatusCode);
    }
}
