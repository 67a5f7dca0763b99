using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Privacy;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Mentoring;
using JobMatch.Api.Veterans;

namespace JobMatch.Api.Tests.Veterans.Roster;

/// <summary>
/// Claiming a roster profile takes its ID number, name and the claim code staff issued. Failures are budgeted per caller
/// and per ID number in PostgreSQL. The clock is the test's: it moves forward only, and every test uses its own people.
/// </summary>
public sealed class VeteranRosterClaimTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    sealed record Person(Guid Id, string Name, string IdNumber);

    async Task<Person> Imported(string? idNumber = null)
    {
        var (name, number) = (VeteranData.NewName(), idNumber ?? VeteranData.NewIdNumber());
        var response = await api.Admin().UploadRoster(Rosters.GbkCsv(Rosters.Title, Rosters.Header, Rosters.Line(1, name, number, VeteranData.NewPhone())), "roster.csv");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new Person((await api.Admin().ProfileByIdNumber(number))!.Id, name, number);
    }

    /// <summary>The ID number with another sequence number (its check character computed): what an attacker enumerates.</summary>
    static string WithSequence(string idNumber, int sequence)
    {
        var first17 = idNumber[..14] + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + ResidentId.CheckCharacter(first17);
    }

    /// <summary>A number no one was given yet, with this sequence number, so that it sits where the test wants it.</summary>
    static string NumberAt(string birth, int sequence) => PersonalData.Remember(WithSequence(VeteranData.NewIdNumber(birth: birth), sequence));

    static string AnyCode() => string.Concat(Enumerable.Range(0, 10).Select(_ => "23456789ABCDEFGHJKMNPQRSTUVWXYZ"[Random.Shared.Next(31)]));

    /// <summary>Status and message: what tells one refusal from another.</summary>
    static async Task<(int Status, string? Detail)> Answer(HttpResponseMessage response) =>
        ((int)response.StatusCode, response.IsSuccessStatusCode ? null : (await response.ReadJson()).GetProperty("detail").GetString());

    /// <summary>Up to 1,000 attempts, stopping at the first that is not a plain failure: how many were sent, and that answer.</summary>
    static async Task<(int Tried, int Status)> UntilRefused(Func<int, Task<HttpResponseMessage>> attempt)
    {
        for (var i = 0; i < 1000; i++)
        {
            using var response = await attempt(i);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                return (i + 1, (int)response.StatusCode);
            }
        }
        return (1000, 404);
    }

    [Fact]
    public async Task AnImportedProfileIsClaimedWithItsIdNumberNameAndCodeAndEveryWrongClaimAnswersAlike()
    {
        var person = await Imported();
        var code = await api.Admin().ClaimCodeFor(person.IdNumber);
        var impostor = api.Veteran("vet-claim-impostor");
        var wrongName = await Answer(await impostor.Claim(person.IdNumber, VeteranData.NewName(), code));
        var unknownNumber = await Answer(await impostor.Claim(VeteranData.NewIdNumber(), person.Name, code));
        var wrongCode = await Answer(await impostor.Claim(person.IdNumber, person.Name, AnyCode()));
        Assert.Equal(404, wrongName.Status);
        Assert.Equal(wrongName, unknownNumber);
        Assert.Equal(wrongName, wrongCode);
        var invalid = await (await impostor.Claim(person.IdNumber[..17] + (person.IdNumber[17] == '0' ? '1' : '0'), person.Name, code)).AssertProblem(400);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("idNumber", out _));
        var noCode = await (await impostor.PostAsJsonAsync("/api/veterans/me/claim", new { idNumber = person.IdNumber, name = person.Name })).AssertProblem(400);
        Assert.True(noCode.GetProperty("errors").TryGetProperty("code", out _));

        var veteran = api.Veteran("vet-claim-owner");
        // Typed as read aloud: lower case, spaces instead of the hyphen.
        var response = await veteran.Claim(person.IdNumber, person.Name, code.ToLowerInvariant().Replace('-', ' '));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await (await veteran.GetAsync("/api/veterans/me")).Read<VeteranAnswer>();
        Assert.Equal(person.Id, me.Id);
        Assert.Equal(person.Name, me.Name);
        // Used, and the profile claimed: the same answer as any other wrong claim.
        Assert.Equal(wrongName, await Answer(await api.Veteran("vet-claim-late").Claim(person.IdNumber, person.Name, code)));
        await (await impostor.GetAsync("/api/veterans/me")).AssertProblem(404);
        // Claiming gives the veteran their rights; sharing and matching still wait for their own answer.
        Assert.Equal(HttpStatusCode.OK, (await veteran.PutAsJsonAsync("/api/veterans/me/consents/share_with_recruiters",
            new { granted = true, textVersion = "2026-11" })).StatusCode);
        var audit = await (await api.Admin().GetAsync($"/api/audit?action=veteran.claimed&objectId={person.Id}"))
            .Read<PageOf<AuditEntryAnswer>>();
        Assert.Single(audit.Items);
        var processing = (await (await veteran.GetAsync("/api/veterans/me/export")).Read<VeteranExportAnswer>()).Processing
            .Select(p => (p.Action, p.ActorRole)).ToList();
        Assert.Equal([("veteran.imported", "admin"), ("veteran.claim_code_issued", "admin"), ("veteran.claimed", "veteran"),
            ("veteran.consent_granted", "veteran")], processing);
    }

    [Fact]
    public async Task StaffIssueACodeThatIsShownOnceStoredOnlyAsAHashReplacedByTheNextAndExpiredAfterFourteenDays()
    {
        var person = await Imported();
        var admin = api.Admin();
        var first = await admin.IssueClaimCode(person.Id);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl?.NoStore, "the code is not kept by any cache");
        var issued = await first.Read<ClaimCodeAnswer>();
        var firstCode = PersonalData.Remember(issued.Code);
        Assert.Matches("^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$", firstCode);
        Assert.Equal(api.Clock.GetUtcNow().AddDays(14), issued.ExpiresAt);
        var code = await admin.ClaimCodeFor(person.IdNumber);
        Assert.NotEqual(firstCode, code);

        // The code is in no table, no audit entry and no log line: only its hash is kept, and staff by their subject.
        Assert.Empty(await PersonalDataScan.FindAsync(api, firstCode, code, firstCode.Replace("-", "", StringComparison.Ordinal),
            code.Replace("-", "", StringComparison.Ordinal)));
        Assert.DoesNotContain(api.Logs, line => line.Contains(code, StringComparison.Ordinal));
        var audit = (await (await admin.GetAsync($"/api/audit?action=veteran.claim_code_issued&objectId={person.Id}"))
            .Read<PageOf<AuditEntryAnswer>>()).Items;
        Assert.Equal(2, audit.Count);
        Assert.All(audit, entry => Assert.Equal("admin-1", entry.Actor));

        var veteran = api.Veteran("vet-claim-expiry");
        var replaced = await Answer(await veteran.Claim(person.IdNumber, person.Name, firstCode));
        Assert.Equal(404, replaced.Status);
        api.Clock.Now = api.Clock.Now.AddDays(14).AddMinutes(1);
        Assert.Equal(replaced, await Answer(await veteran.Claim(person.IdNumber, person.Name, code)));

        var fresh = await admin.ClaimCodeFor(person.IdNumber);
        Assert.Equal(HttpStatusCode.OK, (await veteran.Claim(person.IdNumber, person.Name, fresh)).StatusCode);
        Assert.Equal(replaced, await Answer(await api.Veteran("vet-claim-reuse").Claim(person.IdNumber, person.Name, fresh)));
        // A claimed profile gets no new code.
        await (await admin.IssueClaimCode(person.Id)).AssertProblem(409);
    }

    [Fact]
    public async Task TwoClaimsWithTheSameCodeAtOnceLinkTheProfileOnce()
    {
        var person = await Imported();
        var code = await api.Admin().ClaimCodeFor(person.IdNumber);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => api.Veteran($"vet-claim-race-{i}").Claim(person.IdNumber, person.Name, code)));

        Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.OK);
        Assert.Equal(3, answers.Count(answer => answer.StatusCode == HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task GuessingTheIdNumberStopsAfterFiveFailuresOfTheCallerAndThenEvenTheRightAnswerIsRefused_AlsoByANewInstance()
    {
        // The attacker knows the name, birth date and district: 1,000 sequence numbers are left.
        var person = await Imported(NumberAt("19850311", 641));
        var code = await api.Admin().ClaimCodeFor(person.IdNumber);
        var attacker = api.Veteran("vet-claim-guesser");

        // The attack runs through the sequence numbers until it is refused.
        var (tried, refusal) = await UntilRefused(sequence => attacker.Claim(WithSequence(person.IdNumber, sequence), person.Name, AnyCode()));

        Assert.Equal(6, tried);
        Assert.Equal(429, refusal);
        Assert.Equal(429, (await Answer(await attacker.Claim(WithSequence(person.IdNumber, 640), person.Name, AnyCode()))).Status);
        var right = await attacker.Claim(person.IdNumber, person.Name, code);
        var refused = await right.AssertProblem(429);
        Assert.Contains("24", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(int.Parse(right.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 24 * 3600);
        // The budget is in the database: another instance of the service (as after a restart) refuses too.
        using (var restarted = api.WithWebHostBuilder(_ => { }))
        {
            var client = restarted.CreateClient();
            client.DefaultRequestHeaders.Authorization = attacker.DefaultRequestHeaders.Authorization;
            await (await client.Claim(person.IdNumber, person.Name, code)).AssertProblem(429);
        }
        using (var db = new Npgsql.NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database)))
        {
            await db.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM id_number_attempts WHERE subject = 'vet-claim-guesser'", db);
            Assert.Equal(5L, await count.ExecuteScalarAsync());
        }

        // Refused attempts cost the profile nothing: its veteran claims it; a day later the attacker's attempts are counted again.
        Assert.Equal(HttpStatusCode.OK, (await api.Veteran("vet-claim-guessed").Claim(person.IdNumber, person.Name, code)).StatusCode);
        api.Clock.Now = api.Clock.Now.AddHours(24).AddSeconds(1);
        Assert.Equal(404, (await Answer(await attacker.Claim(person.IdNumber, person.Name, code))).Status);
    }

    [Fact]
    public async Task GuessingTheCodeFromManyLoginsLocksTheIdNumberAfterFiveFailuresUntilStaffIssueANewCode()
    {
        var person = await Imported(NumberAt("19850312", 357));
        var code = await api.Admin().ClaimCodeFor(person.IdNumber);

        // Each guess from a new login, until refused.
        var (tried, refusal) = await UntilRefused(caller => api.Veteran($"vet-claim-crowd-{caller}").Claim(person.IdNumber, person.Name, AnyCode()));

        Assert.Equal(6, tried);
        Assert.Equal(429, refusal);
        var veteran = api.Veteran("vet-claim-crowded");
        var locked = await Answer(await veteran.Claim(person.IdNumber, person.Name, code));
        Assert.Equal(429, locked.Status);
        Assert.Contains("认领码", locked.Detail, StringComparison.Ordinal);
        // A number on no profile locks alike: the lock does not tell who is on the roster.
        var nobody = NumberAt("19850312", 358);
        for (var caller = 0; caller < 5; caller++)
        {
            Assert.Equal(404, (await Answer(await api.Veteran($"vet-claim-nobody-{caller}").Claim(nobody, person.Name, AnyCode()))).Status);
        }
        Assert.Equal(locked, await Answer(await api.Veteran("vet-claim-nobody-6").Claim(nobody, person.Name, AnyCode())));

        var fresh = await api.Admin().ClaimCodeFor(person.IdNumber);
        Assert.Equal(HttpStatusCode.OK, (await veteran.Claim(person.IdNumber, person.Name, fresh)).StatusCode);
    }

    [Fact]
    public async Task ProfileCreationTellsWhoIsOnTheRosterNoMoreThanTheBudgetAndTellsTheVeteranToClaim()
    {
        var person = await Imported(NumberAt("19860412", 777));
        var attacker = api.Veteran("vet-claim-prober");
        await attacker.CreateProfile(new { name = "甄郗", consents = new[] { VeteranData.Consent("sensitive_data") } });

        // Twenty of the thousand sequence numbers around the one on the roster (777): a profile takes any number not taken.
        var answers = new List<(int Status, string? Detail)>();
        for (var sequence = 770; sequence < 790; sequence++)
        {
            answers.Add(await Answer(await attacker.PutAsJsonAsync("/api/veterans/me", new { name = "甄郗", idNumber = WithSequence(person.IdNumber, sequence) })));
        }

        Assert.All(answers.Take(5), a => Assert.Equal(200, a.Status));
        Assert.All(answers.Skip(5), a => Assert.Equal(429, a.Status));
        Assert.Equal(answers[6], answers[7]);
        Assert.Equal(answers[8], answers[7]);

        // The veteran who finds their number on the roster is told what to do, and does it.
        var veteran = api.Veteran("vet-claim-registers");
        var taken = await (await veteran.PostAsJsonAsync("/api/veterans/me", VeteranData.Profile(person.Name, person.IdNumber, VeteranData.NewPhone())))
            .AssertProblem(409);
        Assert.Contains("认领码", taken.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var code = await api.Admin().ClaimCodeFor(person.IdNumber);
        Assert.Equal(HttpStatusCode.OK, (await veteran.Claim(person.IdNumber, person.Name, code)).StatusCode);
    }

    [Fact]
    public async Task AVeteranWithAProfileCannotClaimAnother()
    {
        var person = await Imported();
        var code = await api.Admin().ClaimCodeFor(person.IdNumber);
        var veteran = api.Veteran("vet-claim-has-one");
        await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone()));

        await (await veteran.Claim(person.IdNumber, person.Name, code)).AssertProblem(409);
    }

    [Fact]
    public async Task DemoVeteransWithoutALoginCannotBeClaimed()
    {
        await using var db = new Npgsql.NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        await db.OpenAsync();
        // A profile no roster created (as the synthetic demo veterans): subject null, created_batch_id null.
        var (name, idNumber, phone) = (VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone());
        var veteran = api.Veteran("vet-claim-demo-source");
        var id = (await veteran.CreateProfile(VeteranData.Profile(name, idNumber, phone))).As<VeteranAnswer>().Id;
        await using (var detach = new Npgsql.NpgsqlCommand("UPDATE veterans SET subject = NULL WHERE subject = 'vet-claim-demo-source'", db))
        {
            Assert.Equal(1, await detach.ExecuteNonQueryAsync());
        }

        await (await api.Admin().IssueClaimCode(id)).AssertProblem(409);
        await (await api.Veteran("vet-claim-demo").Claim(idNumber, name, AnyCode())).AssertProblem(404);
    }

    [Fact]
    public async Task AfterImportClaimAndDeletionNoColumnOfAnyTableHoldsTheName_IdNumberOrPhone()
    {
        var (name, idNumber, phone) = (VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone());
        var admin = api.Admin();
        admin.DefaultRequestHeaders.Add("Idempotency-Key", "roster-" + Guid.NewGuid());
        // A first file with an error on this person's row, then a corrected one: both reports stay after the deletion.
        await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone, branch: "民兵")), "v1.csv");
        admin.DefaultRequestHeaders.Remove("Idempotency-Key");
        await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone)), "v2.csv");
        await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, VeteranData.NewPhone())), "v3.csv");
        var code = await admin.ClaimCodeFor(idNumber);
        var veteran = api.Veteran("vet-claim-delete");
        veteran.DefaultRequestHeaders.Add("Idempotency-Key", "claim-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await veteran.Claim(idNumber, name, code)).StatusCode);
        veteran.DefaultRequestHeaders.Remove("Idempotency-Key");
        await veteran.GetAsync("/api/veterans/me/export");
        Assert.NotEmpty(await PersonalDataScan.FindAsync(api, name));

        Assert.Equal(HttpStatusCode.NoContent, (await veteran.DeleteAsync("/api/veterans/me")).StatusCode);

        Assert.Empty(await PersonalDataScan.FindAsync(api, name, idNumber, phone));
    }
}
