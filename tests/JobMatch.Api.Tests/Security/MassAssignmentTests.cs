using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Privacy;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Security;

/// <summary>
/// Bodies carry only what their caller may set. Who acts, whose record it is, scores, filled counts and states with
/// endpoints of their own come from the token and the database; a member a body type does not declare is refused at
/// every depth; and the members that do look sensitive are listed here with what guards each.
/// </summary>
public sealed class MassAssignmentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Members no body declares: each is refused wherever it is put.</summary>
    static readonly string[] Forbidden = ["id", "role", "subject", "ownerId", "createdBy", "veteranId", "score", "filled", "status"];

    /// <summary>Body members whose names look sensitive, and why a caller cannot abuse them (the test that proves it).</summary>
    static readonly Dictionary<string, string> Guarded = new()
    {
        ["ApplicationChange.state"] = "the transition endpoint itself: legal next states and the party per move (ApplicationTransitionTests, matrix PATCH row)",
        ["ApplicationMoves.state"] = "each item moved through PATCH's own checks: legal next state, the party per move (ApplicationBulkTests, matrix moves row)",
        ["ConsentChange.granted"] = "the caller's own consent: the route is /me, the profile is the token's (matrix PUT consents row)",
        ["ConsentChange.textVersion"] = "recorded beside the answer; any version is the caller's own statement",
        ["ConsentInput.kind"] = "consents inside the caller's own profile body (/me); no member names another veteran",
        ["ConsentInput.granted"] = "as above",
        ["ConsentInput.textVersion"] = "as above",
        ["ApplyInput.textVersion"] = "the caller's own phone consent on their own application; only the current version is taken (PhoneSharingTests)",
        ["ChangeRole.role"] = "admin only (matrix); admin, recruiter or mentor, never a veteran's; not the last enabled admin's (StaffAccountsTests)",
        ["ChangeRole.companyId"] = "admin only (matrix); a company that exists, else 400 (StaffAccountsTests)",
        ["ChangeRole.mentorId"] = "admin only (matrix); a mentor record that exists, else 400",
        ["CreateAccount.role"] = "admin only (matrix); admin, recruiter or mentor: veterans register themselves",
        ["CreateAccount.companyId"] = "admin only (matrix); a company that exists, else 400 (StaffAccountsTests)",
        ["CreateAccount.mentorId"] = "admin only (matrix); a mentor record that exists, else 400 (StaffAccountsTests)",
        ["CreateAssignment.mentorId"] = "admin only (matrix)",
        ["CreateAssignment.enterpriseId"] = "admin only (matrix)",
        ["CreateEnterprise.founderVeteranId"] = "admin only (matrix)",
        ["CreateEnterprise.stage"] = "admin only; an enterprise's stage has no transition endpoint",
        ["CreateEnterprise.companyId"] = "admin only (matrix)",
        ["CreateMentor.capacity"] = "admin only (matrix)",
        ["CreateMentor.subject"] = "admin only: linking a login to a mentor is the admin's decision (matrix)",
        ["InteractionInput.kind"] = "view, save or not_interested for the token's own profile (InteractionsApiTests)",
        ["InvitationInput.veteranId"] = "only a veteran who consents to sharing and matching can be invited, else 404 (InvitationNamesOnlyAConsentingCandidate)",
        ["LinkMentor.subject"] = "admin only (matrix)",
        ["LinkRecruiter.subject"] = "admin only (matrix)",
        ["OpeningInput.companyId"] = "a company the caller acts for, else 404; an edit cannot move it (matrix rec2 row, OpeningsTests)",
        ["OpeningInput.headcount"] = "the company's to set; never below the hires already made (FilledIsNeverTakenFromABody)",
        ["OpeningInput.fairId"] = "fairs are public: any company may list a position at one; must exist (OpeningsTests)",
        ["OpeningInput.kind"] = "job or training on creation, fixed afterwards",
        ["PreferenceChoice.kind"] = "an event kind of Notices.Kinds, for the caller's own preferences only (PreferencesTests)",
        ["PlanChoice.mentorId"] = "admin only (matrix)",
        ["PlanChoice.enterpriseId"] = "admin only (matrix)",
        ["ReassignCaseload.toMentorId"] = "admin only (matrix)",
        ["SponsorSeats.companyId"] = "admin only: programs are created by admin (matrix)",
        ["SponsorSeats.seats"] = "admin only (matrix)",
        ["UpdateEnterprise.stage"] = "admin only (matrix)",
        ["UpdateEnterprise.companyId"] = "admin only (matrix)",
        ["UpdateEnterprise.founderVeteranId"] = "admin only (matrix)",
        ["UpdateMentor.capacity"] = "admin only (matrix)",
        ["UpdateMentor.paused"] = "admin only (matrix)",
        ["VeteranInput.status"] = "the veteran's own job-search status, on their own profile (/me)",
        ["VeteranInput.consents"] = "the veteran's own consents, on their own profile (/me)",
    };

    static readonly System.Text.RegularExpressions.Regex Sensitive = new(
        "^(id|.*Id|role|subject|owner.*|createdBy|.*[sS]core|filled|status|state|stage|consents|granted|kind|paused|capacity|synthetic|seats|headcount|textVersion)$");

    [Fact]
    public async Task EveryJsonBodyRefusesUndeclaredMembersAtEveryDepth()
    {
        var openApi = await OpenApiBodies.LoadAsync(api);
        var failures = new List<string>();
        var checkedBodies = 0;
        foreach (var operation in openApi.Operations().Where(o => o.BodySchema is not null))
        {
            var client = OpenApiBodies.AllowedCaller(api, operation.Name);
            foreach (var (path, schema) in openApi.Objects(operation.BodySchema!))
            {
                foreach (var extra in Forbidden.Except(openApi.Properties(schema)))
                {
                    var body = openApi.Sample(operation.BodySchema!, at: path, extra: extra);
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Method), OpenApiBodies.Concrete(operation.Template))
                    {
                        Content = JsonContent.Create(body),
                    };
                    using var response = await client.SendAsync(request);
                    checkedBodies++;
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains($"{path}.{extra}", StringComparison.Ordinal))
                    {
                        failures.Add($"{operation.Name} with {path}.{extra}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}");
                    }
                }
            }
        }
        Assert.True(checkedBodies > 100, $"only {checkedBodies} bodies checked");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedBodies} bodies with an undeclared member were not refused:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task EverySensitiveLookingBodyMemberIsListedWithItsGuard()
    {
        var openApi = await OpenApiBodies.LoadAsync(api);
        var found = openApi.Operations().Where(o => o.BodySchema is not null)
            .SelectMany(o => openApi.Objects(o.BodySchema!)).Select(o => o.Schema).Distinct()
            .SelectMany(schema => openApi.Properties(schema).Where(p => Sensitive.IsMatch(p)).Select(p => $"{schema}.{p}"))
            .ToHashSet();
        Assert.True(found.SetEquals(Guarded.Keys), "sensitive-looking members without a stated guard: "
            + string.Join(", ", found.Except(Guarded.Keys)) + "; listed but gone: " + string.Join(", ", Guarded.Keys.Except(found)));
    }

    [Fact]
    public async Task FilledIsNeverTakenFromABody()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        await (await recruiter.PostAsJsonAsync("/api/openings", new { companyId = company, title = "押运员", headcount = 3, filled = 3 })).AssertProblem(400);

        var (_, seat) = await api.OrderClass(company, seats: 5);
        for (var i = 0; i < 2; i++)
        {
            var (veteran, _, _) = await api.Applicant();
            await recruiter.MoveOk(await veteran.Apply(seat), "enrolled");
        }
        var before = await api.Opening(seat);
        Assert.Equal(2, before.GetProperty("filled").GetInt32());

        var title = before.GetProperty("title").GetString();
        await (await recruiter.PutAsJsonAsync($"/api/openings/{seat}", new { companyId = company, title, headcount = 5, filled = 0 })).AssertProblem(400);
        await (await recruiter.PutAsJsonAsync($"/api/openings/{seat}", new { companyId = company, title, headcount = 1 })).AssertProblem(400);
        var edited = await recruiter.PutAsJsonAsync($"/api/openings/{seat}", new { companyId = company, title, headcount = 2 });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = await edited.ReadJson();
        Assert.Equal((2, 0, "filled"), (after.GetProperty("filled").GetInt32(), after.GetProperty("remaining").GetInt32(), after.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task InvitationNamesOnlyAConsentingCandidate()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var opening = await api.PostJob(company, headcount: 2);
        var (_, privateVeteran, _) = await api.Applicant(); // shares with no recruiter
        var response = await recruiter.PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = privateVeteran });
        await response.AssertProblem(404);
    }
}
