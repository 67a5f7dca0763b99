using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.WebConsole;

/// <summary>
/// Runs alone, after the parallel classes: a second first start with demo data would slow ServiceProcessTests past its
/// readiness limit on a busy machine.
/// </summary>
[CollectionDefinition(nameof(DemoSignInProcessTests), DisableParallelization = true)]
public sealed class DemoSignInProcessCollection;

/// <summary>What an anonymous caller got from one start-up: the demo users, an admin token, the console's offer; and the log.</summary>
public sealed record DemoAttempt(HttpStatusCode Users, HttpStatusCode SignIn, bool Offered, string Output);

/// <summary>
/// The real program with its embedded database, as `dotnet run` starts it, on one data directory: first the attack at three
/// start-ups (no demo data; demo data on every interface; the same with the explicit override), each recorded and stopped,
/// then served with demo data on loopback for the tests to use. One cluster and one demo-data load for the whole class.
/// </summary>
public sealed class DemoService : IAsyncLifetime
{
    readonly ServiceProcess program = new();
    Process? service;

    public HttpClient Http { get; private set; } = null!;

    public DemoAttempt WithoutDemoData { get; private set; } = null!;
    public DemoAttempt BeyondLoopback { get; private set; } = null!;
    public DemoAttempt BeyondLoopbackOverridden { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WithoutDemoData = await Attempt(program.Serve("--DemoData:Enabled=false"));
        BeyondLoopback = await Attempt(program.ServeOn("0.0.0.0")); // loads the demo data
        BeyondLoopbackOverridden = await Attempt(program.ServeOn("0.0.0.0", "--DemoData:SignIn=true"));
        (service, Http, _) = await program.Serve();
    }

    async Task<DemoAttempt> Attempt(Task<(Process Service, HttpClient Http, TimeSpan ReadyAfter)> starting)
    {
        var (started, http, _) = await starting;
        var users = (await http.GetAsync("/api/demo/users")).StatusCode;
        var signIn = (await http.SendAsync(DemoSignIn.Request("admin", "demo-admin"))).StatusCode;
        var offered = await DemoSignIn.Offered(http);
        await ServiceProcess.Terminate(started);
        return new DemoAttempt(users, signIn, offered, await program.OutputOf(started));
    }

    public async Task DisposeAsync()
    {
        if (service is { HasExited: false })
        {
            await ServiceProcess.Terminate(service);
        }
        program.Dispose();
    }

    public Task<HttpResponseMessage> SignIn(string role, string subject, string? header = null, string? value = null) =>
        Http.SendAsync(DemoSignIn.Request(role, subject, header, value));
}

static class DemoSignIn
{
    public static HttpRequestMessage Request(string role, string subject, string? header = null, string? value = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/demo/sign-in") { Content = JsonContent.Create(new { role, subject }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        if (header is not null)
        {
            request.Headers.Add(header, value);
        }
        return request;
    }

    public static async Task<List<(string? Role, string? Subject)>> Users(HttpClient http) =>
        [.. (await (await http.GetAsync("/api/demo/users")).EnsureSuccessStatusCode().Read<IReadOnlyList<DemoUserAnswer>>())
            .Select(user => ((string?)user.Role, (string?)user.Subject))];

    public static async Task<bool> Offered(HttpClient http, string? header = null, string? value = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/console/settings");
        if (header is not null)
        {
            request.Headers.Add(header, value);
        }
        return (await (await http.SendAsync(request)).Read<ConsoleSettingsAnswer>()).DemoSignIn;
    }
}

[Collection(nameof(DemoSignInProcessTests))]
public sealed class DemoSignInProcessTests(DemoService demo) : IClassFixture<DemoService>
{
    HttpClient Http => demo.Http;

    [Fact]
    public async Task OnTheEmbeddedDatabaseTheDemoSignInListsSeededUsersOfEveryRoleAndIssuesTokensOnlyForThem()
    {
        Assert.True(await DemoSignIn.Offered(Http));

        var users = await DemoSignIn.Users(Http);
        Assert.Contains(("admin", "demo-admin"), users);
        Assert.Contains(("recruiter", "demo-recruiter"), users);
        Assert.Contains(("mentor", "demo-mentor-1"), users);
        Assert.Contains(("veteran", "demo-veteran-1"), users);
        Assert.Contains(("veteran", "demo-veteran-2"), users); // a fresh subject, no profile yet

        var signedIn = await demo.SignIn("recruiter", "demo-recruiter");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var token = (await signedIn.Read<DemoTokenAnswer>()).Token;
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var whoAmI = await (await Http.SendAsync(me)).Read<MeAnswer>();
        Assert.Equal("demo-recruiter", whoAmI.Subject);
        Assert.NotEmpty(whoAmI.CompanyIds);

        Assert.Equal(HttpStatusCode.BadRequest, (await demo.SignIn("admin", "someone-else")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await demo.SignIn("admin", "demo-recruiter")).StatusCode);
    }

    [Fact]
    public async Task ARecruiterAnAdminLinkedIsARealAccountNeitherOfferedNorSignedInAs()
    {
        var admin = await (await demo.SignIn("admin", "demo-admin")).EnsureSuccessStatusCode().Read<DemoTokenAnswer>();
        using var companies = new HttpRequestMessage(HttpMethod.Get, "/api/companies?limit=1");
        companies.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
        var listed = await (await Http.SendAsync(companies)).EnsureSuccessStatusCode().Read<PageOf<CompanyAnswer>>();
        var company = listed.Items[0].Id;
        using var link = new HttpRequestMessage(HttpMethod.Post, $"/api/companies/{company}/recruiters")
        {
            Content = JsonContent.Create(new { subject = "staff-wang" }),
        };
        link.Headers.Authorization = companies.Headers.Authorization;
        (await Http.SendAsync(link)).EnsureSuccessStatusCode();

        Assert.DoesNotContain(("recruiter", "staff-wang"), await DemoSignIn.Users(Http));
        Assert.Equal(HttpStatusCode.BadRequest, (await demo.SignIn("recruiter", "staff-wang")).StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9;proto=https")]
    public async Task ARequestAReverseProxyForwardedGets404AsIfThereWereNoDemoSignIn(string header, string value)
    {
        using var users = new HttpRequestMessage(HttpMethod.Get, "/api/demo/users");
        users.Headers.Add(header, value);
        await (await Http.SendAsync(users)).AssertProblem(404);
        await (await demo.SignIn("admin", "demo-admin", header, value)).AssertProblem(404);
        Assert.False(await DemoSignIn.Offered(Http, header, value));
    }

    const string OverrideWarning = @"warn: JobMatch\.Api\.WebConsole\.DemoSignInGate\[0\]\s+DemoData:SignIn=true";

    [Fact]
    public void WithDemoDataDisabledAnAnonymousCallerGetsNoAdminToken() =>
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, false),
            (demo.WithoutDemoData.Users, demo.WithoutDemoData.SignIn, demo.WithoutDemoData.Offered));

    [Fact]
    public void ListeningBeyondLoopbackWithDemoDataAnAnonymousCallerGetsNoAdminToken()
    {
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, false),
            (demo.BeyondLoopback.Users, demo.BeyondLoopback.SignIn, demo.BeyondLoopback.Offered));
        Assert.DoesNotMatch(OverrideWarning, demo.BeyondLoopback.Output);
    }

    [Fact]
    public void TheExplicitOverrideOffersTheDemoSignInBeyondLoopbackWithAWarningAtStart()
    {
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, true),
            (demo.BeyondLoopbackOverridden.Users, demo.BeyondLoopbackOverridden.SignIn, demo.BeyondLoopbackOverridden.Offered));
        Assert.Matches(OverrideWarning, demo.BeyondLoopbackOverridden.Output);
    }

    [Fact]
    public async Task TheConsoleIsServedByTheBuiltProgramWhateverItsWorkingDirectory()
    {
        var page = await Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/js/app.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, (await (await Http.GetAsync("/api/demo/users")).ReadJson()).ValueKind);
    }
}
