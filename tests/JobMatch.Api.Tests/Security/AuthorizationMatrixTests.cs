using System.Text.Json;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Matching;

namespace JobMatch.Api.Tests.Security;

/// <summary>
/// Every operation of the OpenAPI document against every caller, as <see cref="AccessPolicy"/> says: an operation without
/// a row fails the test, so a new endpoint cannot ship without a stated policy; and every change it allows must leave an
/// audit entry by its caller. One service and one seeded world.
/// </summary>
public sealed class AuthorizationMatrixTests(SmallTrainingFactory api) : IClassFixture<SmallTrainingFactory>
{
    static readonly string[] Denials = ["401", "403", "404"];

    /// <summary>Allowed changes that write no audit entry, and why.</summary>
    static readonly Dictionary<string, string> Unaudited = new()
    {
        ["POST /api/openings/{id}/interactions as vet1"] = "views and saves go to the interaction log, which is their record",
        ["POST /api/openings/{id}/interactions as vet2"] = "as above",
        ["POST /api/assignments/plan as admin"] = "a proposal: nothing is written",
        ["POST /api/openings/{id}/applications as vet1"] = "applied while seeding: the same application is returned and nothing written",
        ["POST /api/auth/sign-out as vet1"] = "no refresh cookie: no sign-in to end, nothing written",
        ["POST /api/auth/sign-out as rec1"] = "as above",
        ["POST /api/auth/sign-out as men1"] = "as above",
        ["POST /api/auth/sign-out as admin"] = "as above",
        ["POST /api/auth/sign-out as vet2"] = "as above",
        ["POST /api/auth/sign-out as rec2"] = "as above",
        ["POST /api/auth/sign-out as men2"] = "as above",
        ["POST /api/auth/password-reset as vet1"] = "no such account: nothing to reset; a known account's request is audited as the account",
        ["POST /api/auth/password-reset as rec1"] = "as above",
        ["POST /api/auth/password-reset as men1"] = "as above",
        ["POST /api/auth/password-reset as admin"] = "as above",
        ["POST /api/auth/password-reset as vet2"] = "as above",
        ["POST /api/auth/password-reset as rec2"] = "as above",
        ["POST /api/auth/password-reset as men2"] = "as above",
    };

    [Fact]
    public async Task EveryOperationInTheOpenApiDocumentHasAPolicyRow()
    {
        var documented = await DocumentedOperations();
        var rows = AccessPolicy.Rows.Select(row => row.Operation).ToList();
        var duplicates = rows.GroupBy(row => row).Where(group => group.Count() > 1).Select(group => group.Key);
        Assert.True(!duplicates.Any(), "rows listed twice: " + string.Join(", ", duplicates));
        var missing = documented.Except(rows).ToList();
        Assert.True(missing.Count == 0, "operations without a row in AccessPolicy (add one): " + string.Join(", ", missing));
        var stale = rows.Except(documented).ToList();
        Assert.True(stale.Count == 0, "rows for operations the document no longer has: " + string.Join(", ", stale));
        Assert.All(AccessPolicy.Rows, row => Assert.Equal(SecurityWorld.Callers.Length, row.Answers.Length));
    }

    [Fact]
    public async Task EveryCallerGetsWhatThePolicySaysOnEveryOperation()
    {
        var world = await SecurityWorld.SeedAsync(api);
        var mismatches = new List<string>();
        var requests = 0;
        foreach (var row in AccessPolicy.Rows)
        {
            // Refusals first, so that a caller who is allowed to change or delete the object cannot hide them.
            var order = Enumerable.Range(0, SecurityWorld.Callers.Length).OrderBy(i => Denials.Contains(row.Answers[i]) ? 0 : 1).ThenBy(i => i);
            foreach (var i in order)
            {
                var caller = SecurityWorld.Callers[i];
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), await world.Resolve(row.Path ?? row.Template))
                {
                    Content = row.Body?.Invoke(world),
                };
                // Every allowed change leaves an audit entry by its caller (the admin reads the count before and after).
                var audit = row.Method != "GET" && caller != "none" && row.Answers[i] == "2xx" && !Unaudited.ContainsKey($"{row.Operation} as {caller}");
                var entriesBefore = audit ? await AuditCount(world, caller) : 0;
                using var response = await world.Clients[caller].SendAsync(request);
                requests++;
                var status = (int)response.StatusCode;
                var expected = row.Answers[i];
                if (expected == "2xx" ? status is < 200 or > 299 : status.ToString(System.Globalization.CultureInfo.InvariantCulture) != expected)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    mismatches.Add($"{row.Operation} as {caller}: expected {expected}, got {status} {body[..Math.Min(body.Length, 160)]}");
                }
                else if (audit && await AuditCount(world, caller) == entriesBefore)
                {
                    mismatches.Add($"{row.Operation} as {caller}: answered {status} but wrote no audit entry");
                }
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {requests} requests answered against the policy:\n" + string.Join("\n", mismatches));
    }

    static async Task<long> AuditCount(SecurityWorld world, string caller) =>
        (await (await world.Clients["admin"].GetAsync($"/api/audit?actor=mx-{caller}&limit=1")).ReadJson()).GetProperty("total").GetInt64();

    async Task<List<string>> DocumentedOperations()
    {
        var document = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(document);
        return [.. json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))];
    }
}
