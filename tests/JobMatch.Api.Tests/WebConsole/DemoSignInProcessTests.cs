using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using JobMatch.Api.Database;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.WebConsole;

/// <summary>
/// Runs alone, after the parallel classes: a second first start with demo data would slow ServiceProcessTests past its
/// readiness limit on a busy machine.
/// </summary>
[CollectionDefinition(nameof(DemoSignInProcessTests), DisableParallelization = true)]
public sealed class DemoSignInProcessCollection;

/// <summary>The demo sign-in on the real program with its embedded database and demo data, as `dotnet run` starts it.</summary>
[Collection(nameof(DemoSignInProcessTests))]
public sealed class DemoSignInProcessTests : IAsyncLifetime
{
    readonly string root = TempRoot.Create("jobmatch-console-");
    Process? service;
    HttpClient http = null!;

    public async Task InitializeAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "--urls", $"http://127.0.0.1:{port}", $"--Embedded:DataDirectory={Path.Combine(root, "pgdata")}" })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ConnectionStrings__JobMatch");
        service = Process.Start(info)!;
        _ = service.StandardOutput.ReadToEndAsync();
        _ = service.StandardError.ReadToEndAsync();
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(180))
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            Assert.False(service.HasExited, "the service exited before it was ready");
            await Task.Delay(250);
        }
        throw new TimeoutException("The service was not ready within 180 s.");
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        if (service is { HasExited: false })
        {
            await ProcessRunner.RunAsync("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], null);
            await service.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        service?.Dispose();
    }

    Task<HttpResponseMessage> SignIn(string role, string subject)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/demo/sign-in") { Content = JsonContent.Create(new { role, subject }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return http.SendAsync(request);
    }

    [Fact]
    public async Task OnTheEmbeddedDatabaseTheDemoSignInListsSeededUsersOfEveryRoleAndIssuesTokensOnlyForThem()
    {
        var settings = await (await http.GetAsync("/api/console/settings")).ReadJson();
        Assert.True(settings.GetProperty("demoSignIn").GetBoolean());

        var users = (await (await http.GetAsync("/api/demo/users")).ReadJson()).EnumerateArray()
            .Select(user => (Role: user.GetProperty("role").GetString(), Subject: user.GetProperty("subject").GetString())).ToList();
        Assert.Contains(("admin", "demo-admin"), users);
        Assert.Contains(("recruiter", "demo-recruiter"), users);
        Assert.Contains(("mentor", "demo-mentor-1"), users);
        Assert.Contains(("veteran", "demo-veteran-1"), users);
        Assert.Contains(("veteran", "demo-veteran-2"), users); // a fresh subject, no profile yet

        var signedIn = await SignIn("recruiter", "demo-recruiter");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var token = (await signedIn.ReadJson()).GetProperty("token").GetString();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var whoAmI = await (await http.SendAsync(me)).ReadJson();
        Assert.Equal("demo-recruiter", whoAmI.GetProperty("subject").GetString());
        Assert.NotEmpty(whoAmI.GetProperty("companyIds").EnumerateArray());

        Assert.Equal(HttpStatusCode.BadRequest, (await SignIn("admin", "someone-else")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignIn("admin", "demo-recruiter")).StatusCode);
    }

    [Fact]
    public async Task TheConsoleIsServedByTheBuiltProgramWhateverItsWorkingDirectory()
    {
        var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/js/app.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, (await (await http.GetAsync("/api/demo/users")).ReadJson()).ValueKind);
    }
}
