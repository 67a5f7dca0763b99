using System.Net;
using System.Text.RegularExpressions;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Matching;
using JobMatch.Api.Tests.Security;
using Xunit.Abstractions;

namespace JobMatch.Api.Tests.Fuzz;

/// <summary>
/// Every operation of the OpenAPI document, driven with inputs generated from its schema (see <see cref="OpenApiCases"/>)
/// by a caller the access policy allows, on the seeded objects of <see cref="SecurityWorld"/>, so that the inputs reach
/// the handlers. Never a 5xx; every 4xx a ProblemDetails; the service still ready afterwards. Every violation is reported.
/// </summary>
public sealed partial class OpenApiFuzzTests(SmallTrainingFactory api, ITestOutputHelper output) : IClassFixture<SmallTrainingFactory>
{
    /// <summary>Operations whose every call costs seconds of CPU: one hostile request each.</summary>
    static readonly string[] Expensive = ["POST /api/models/train"];

    [Fact]
    public async Task NoOperationAnswersHostileInputWithA5xxOrAnErrorThatIsNotProblemDetails()
    {
        var world = await SecurityWorld.SeedAsync(api, withModel: false);
        var openApi = await OpenApiBodies.LoadAsync(api);
        var random = new Random(HostileInputs.Seed);
        var documented = openApi.Operations().ToDictionary(o => o.Name);
        var violations = new List<string>();
        var (sent, refusedByClient) = (0, 0);

        // In the policy's order: the rows that end, revert or delete what others use come last.
        foreach (var row in AccessPolicy.Rows.Where(r => documented.ContainsKey(r.Operation)))
        {
            var operation = documented[row.Operation];
            var caller = AllowedCaller(row);
            var resolved = Unresolved().Replace(await world.Resolve(row.Path ?? row.Template), _ => random.NextGuid().ToString());
            var (path, query) = resolved.Split('?', 2) is [var p, var q] ? (p, q) : (resolved, "");
            var body = operation.BodySchema is { } schema
                ? row.Body?.Invoke(world) is { } content ? await content.ReadAsStringAsync() : openApi.Sample(schema).ToJsonString()
                : null;
            Func<MultipartFormDataContent>? upload = row.Body?.Invoke(world) is MultipartFormDataContent ? () => (MultipartFormDataContent)row.Body!(world)! : null;
            if (upload is not null)
            {
                query = "dryRun=true";
            }
            var cases = OpenApiCases.For(openApi, operation, path, query, body, upload, random);
            foreach (var fuzz in Expensive.Contains(row.Operation) ? cases.Take(1) : cases)
            {
                HttpRequestMessage request;
                try
                {
                    request = fuzz.ToRequest();
                }
                catch (Exception refused) when (refused is FormatException or ArgumentException or UriFormatException)
                {
                    refusedByClient++; // HttpClient itself will not send it (a NUL in a file name): nothing reaches the service
                    continue;
                }
                using (request)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    var report = $"{row.Operation} as {caller} [{HostileInputs.Clip(fuzz.Input, 120)}]";
                    try
                    {
                        using var response = await world.Clients[caller].SendAsync(request, timeout.Token);
                        sent++;
                        if (await HostileInputs.Violation(response) is { } violation)
                        {
                            violations.Add($"{report}: {violation}: {HostileInputs.Clip(await response.Content.ReadAsStringAsync())}");
                        }
                    }
                    catch (InvalidOperationException nul) when (nul.Message.Contains("null characters", StringComparison.Ordinal))
                    {
                        refusedByClient++; // %00 in a path: the test host refuses it, as Kestrel answers 400 before the app
                    }
                    catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                    {
                        violations.Add($"{report}: no answer within 30 s");
                    }
                    catch (HttpRequestException error)
                    {
                        violations.Add($"{report}: the server failed: {HostileInputs.Clip(error.ToString(), 300)}");
                    }
                }
            }
        }

        output.WriteLine($"{documented.Count} operations, {sent} requests sent, {refusedByClient} refused by the client, seed {HostileInputs.Seed}");
        var ready = await api.CreateClient().GetAsync("/health/ready");
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"/health/ready answered {(int)ready.StatusCode} after the fuzz");
        Assert.True(sent > 1500, $"only {sent} requests sent ({refusedByClient} refused by the client)");
        Assert.True(violations.Count == 0, $"{violations.Count} of {sent} requests (seed {HostileInputs.Seed}) broke the rules:\n"
            + string.Join("\n", violations.Take(300)) + (violations.Count > 300 ? $"\n… and {violations.Count - 300} more" : ""));
    }

    /// <summary>
    /// The first caller the policy lets reach the object (2xx), else the first past the role check, else no token (an anonymous
    /// route that answers 401 to everyone: a sign-in of no account).
    /// </summary>
    static string AllowedCaller(Access row)
    {
        var index = Array.IndexOf(row.Answers, "2xx");
        return SecurityWorld.Callers[index >= 0 ? index : Math.Max(0, Array.FindIndex(row.Answers, a => a is not ("401" or "403")))];
    }

    /// <summary>World objects the seed did not make (a model: training is left out): a fresh id instead.</summary>
    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Unresolved();
}
