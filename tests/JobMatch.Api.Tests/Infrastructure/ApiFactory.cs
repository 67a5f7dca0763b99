using System.Net.Http.Headers;
using JobMatch.Api.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>The service over HTTP, on a database of its own (one per test class), with a known signing key.</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly AuthOptions Auth = new() { SigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()) };

    public static readonly string PrivacyKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 11 + 3)).ToArray());

    public TestCluster Cluster { get; private set; } = null!;
    public string Database { get; private set; } = null!;

    /// <summary>Requests per minute per user; raised so that ordinary tests never meet the limit.</summary>
    protected virtual int RequestsPerMinute => 100_000;

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
    }

    public HttpClient ClientFor(string role, string subject)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenIssuer.Issue(Auth, role, subject));
        return client;
    }

    public HttpClient Admin(string subject = "admin-1") => ClientFor(Roles.Admin, subject);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
