using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using JobMatch.Api.Database;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Cli;

/// <summary>The real program, as `dotnet run` starts it: embedded database, command line, signals.</summary>
public sealed class ServiceProcessTests : IDisposable
{
    readonly ServiceProcess program = new();

    Task<(int ExitCode, string Output, string Error)> Run(params string[] args) => program.Run(args);

    Task<(Process Service, HttpClient Http, TimeSpan ReadyAfter)> Serve() => program.Serve();

    static Task Terminate(Process service) => ServiceProcess.Terminate(service);

    string DataDirectory => program.DataDirectory;

    int PostmasterPid() => program.Postmaster().Pid;

    [Fact]
    public async Task ServesOnItsOwnDatabaseStopsOnSigtermAndKeepsDataAcrossRestarts()
    {
        var (service, http, readyAfter) = await Serve();
        Assert.True(readyAfter < TimeSpan.FromSeconds(30), $"ready after {readyAfter}");
        var postgresPid = PostmasterPid();

        var token = await Run("token", "--role", "admin", "--subject", "first-admin");
        Assert.Equal(0, token.ExitCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Output);
        var demo = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/companies");
        Assert.Equal(4 + 182, demo.GetProperty("total").GetInt64()); // the order-class sponsors and the sample fair's companies
        (await http.PostAsJsonAsync("/api/companies", new { name = "重启后仍在的公司" })).EnsureSuccessStatusCode();
        // A chunked body carries no Content-Length: Kestrel's running count stops it at the limit (the test server has none).
        var streamed = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(new string(' ', 2 * 1024 * 1024) + "{}")));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/companies") { Content = streamed };
        chunked.Headers.TransferEncodingChunked = true;
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, (await http.SendAsync(chunked)).StatusCode);

        await Terminate(service);
        Assert.False(ClusterDirectory.IsRunningPostgres(postgresPid), "SIGTERM leaves no postgres behind");
        Assert.False(File.Exists(Path.Combine(DataDirectory, "postmaster.pid")));

        var (again, http2, _) = await Serve();
        http2.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;
        var kept = await http2.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/companies");
        Assert.Equal(4 + 182 + 1, kept.GetProperty("total").GetInt64());
        await Terminate(again);
    }

    [Fact]
    public async Task SeedLoadsDemoDataOnceWithProgress()
    {
        var first = await Run("seed");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Demo data loaded.", first.Output);
        Assert.Contains("companies", first.Output);

        var second = await Run("seed");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already loaded", second.Output);
    }

    [Fact]
    public async Task ABackupOfTheRunningServiceRestoresIntoANewClusterOnceTheOldOneIsLost()
    {
        var (service, http, _) = await Serve();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Run("token", "--role", "admin", "--subject", "backup-admin")).Output);
        (await http.PostAsJsonAsync("/api/companies", new { name = "备份前登记的公司" })).EnsureSuccessStatusCode();
        var archive = Path.Combine(program.Root, "jobmatch.dump");

        var backup = await Run("backup", archive);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("(service running) written to", backup.Output);
        var whileServing = await Run("restore", archive, "--yes");
        Assert.Equal(2, whileServing.ExitCode);
        Assert.StartsWith("Another JobMatch service is already using the database", whileServing.Error);
        await Terminate(service);

        // The cluster is lost; its secrets (the key of the ID numbers) were kept apart from the archive.
        var secrets = LocalSecrets.PathFor(DataDirectory);
        var keptSecrets = Path.Combine(program.Root, "kept.secrets.json");
        File.Move(secrets, keptSecrets);
        Directory.Delete(DataDirectory, recursive: true);
        var intoNew = await Run("restore", archive, "--yes");
        Assert.True(intoNew.ExitCode == 0, intoNew.Error);
        Assert.Contains("another Privacy:EncryptionKey", intoNew.Error); // the new cluster made a key of its own
        File.Move(keptSecrets, secrets, overwrite: true);

        var (again, restored, _) = await Serve();
        restored.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;
        var companies = await restored.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/companies");
        Assert.Equal(4 + 182 + 1, companies.GetProperty("total").GetInt64()); // the demo data came back and was not loaded again
        await Terminate(again);
    }

    [Fact]
    public async Task MissingPostgresBinariesGiveOneSentenceAndNonZeroExit()
    {
        var (exitCode, _, error) = await Run("--Embedded:BinDirectory=/nonexistent");
        Assert.NotEqual(0, exitCode);
        Assert.Equal(PostgresBinaries.NotFoundMessage, error);
    }

    [Fact]
    public async Task MissingSigningKeyIsReportedBeforeTheDatabaseIsTouched()
    {
        var (exitCode, _, error) = await Run("--ConnectionStrings:JobMatch=Host=127.0.0.1;Port=1;Username=x;Password=y");
        Assert.Equal(2, exitCode);
        Assert.StartsWith("Configuration error: Set Auth:SigningKey", error);
    }

    [Fact]
    public async Task UnreachableDatabaseIsReportedInOneLine()
    {
        var (exitCode, _, error) = await Run("--ConnectionStrings:JobMatch=Host=127.0.0.1;Port=1;Username=x;Password=secret-word",
            "--Auth:SigningKey=" + Convert.ToBase64String(new byte[32]), "--Privacy:EncryptionKey=" + Convert.ToBase64String(new byte[32]));
        Assert.Equal(2, exitCode);
        Assert.StartsWith("Could not use the database", error);
        Assert.DoesNotContain("secret-word", error);
        Assert.DoesNotContain("\n", error);
    }

    [Fact]
    public async Task TokenCommandRejectsUnknownRole()
    {
        var (exitCode, _, error) = await Run("token", "--role", "superuser", "--subject", "x");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("superuser", error);
    }

    public void Dispose() => program.Dispose();
}
