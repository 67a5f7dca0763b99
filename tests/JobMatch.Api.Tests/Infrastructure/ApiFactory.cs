using System.Net.Http.Headers;
using JobMatch.Api.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>The service over HTTP, on a database of its own (one per test class), with a known signing key.</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly AuthOptions Auth = new() { SigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()) };

    public static readonly string PrivacyKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 11 + 3)).ToArray());

    readonly LogCapture logs = new();

    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>What this instance of the service logged.</summary>
    public IEnumerable<string> Logs => logs.Lines;
    public string Database { get; private set; } = null!;

    /// <summary>Requests per minute per user; raised so that ordinary tests never meet the limit.</summary>
    protected virtual int RequestsPerMinute => 100_000;

    /// <summary>Requests per minute from one address, whatever the token; every test client comes from the same one.</summary>
    protected virtual int RequestsPerMinutePerAddress => 1_000_000;

    public async Task InitializeAsync()
    {
        Cluster = await TestCluster.GetAsync();
        Database = await Cluster.CreateDatabaseAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:JobMatch", Cluster.AppConnectionString(Database));
        builder.UseSetting("Auth:SigningKey", Auth.SigningKey);
        builder.UseSetting("Privacy:EncryptionKey", PrivacyKey);
        builder.UseSetting("Limits:RequestsPerMinute", RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Limits:RequestsPerMinutePerAddress", RequestsPerMinutePerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Every client of a test comes from one address: the sign-in budget is raised too (AccountsApiFactory sets its own).
        builder.UseSetting("Accounts:SignInsPerMinutePerAddress", "100000");
        builder.ConfigureLogging(logging => logging.AddProvider(logs));
    }

    public HttpClient ClientFor(string role, string subject)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenIssuer.Issue(Auth, role, subject));
        return client;
    }

    public HttpClient Admin(string subject = "admin-1") => ClientFor(Roles.Admin, subject);

    /// <summary>
    /// Every test class ends by checking its service's logs for the personal data the tests made up so far: a leak
    /// anywhere in the run fails the class whose service logged it.
    /// </summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        NpgsqlConnection.ClearPool(new NpgsqlConnection(Cluster.AppConnectionString(Database)));
        await Cluster.DropDatabaseAsync(Database);
        if (PersonalData.FindIn(logs.Lines) is var (value, line))
        {
            var shown = line.Replace(value, "«personal data»", StringComparison.Ordinal);
            throw new Xunit.Sdk.XunitException($"The service logged personal data: {shown[..Math.Min(shown.Length, 400)]}");
        }
    }
}
