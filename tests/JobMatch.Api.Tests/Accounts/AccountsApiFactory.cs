using System.Net.Http.Headers;
using System.Net.Http.Json;
using JobMatch.Api.Accounts;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;
using JobMatch.Api.Tests.Matching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>
/// The service with built-in accounts as deployed, except: the stamp is read at every request (no cache, so a test need
/// not wait out its seconds), every client comes from an address of its own (<see cref="AddressFromHeader"/>) with a budget
/// of <see cref="SignInsPerMinute"/> sign-ins, and the password hasher counts its verifications.
/// </summary>
public class AccountsApiFactory : ApiFactory
{
    public const string Password = "长城长江黄河泰山-2026";

    public const int SignInsPerMinute = 5;

    public CountingHasher Hasher { get; } = new();

    /// <summary>The system clock, until a test sets it (the sign-in limit's minute, held still).</summary>
    public SettableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Accounts:StampCacheSeconds", "0");
        builder.UseSetting("Accounts:SignInsPerMinutePerAddress", $"{SignInsPerMinute}");
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<Account>>(Hasher).AddSingleton<TimeProvider>(Clock)
            .AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new AddressFromHeader()));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(AddressFromHeader.Header, AddressFromHeader.NewAddress());
    }

    /// <summary>An account made as the staff's screens will (invitations come later): through Identity's UserManager, its
    /// phone taken as confirmed (a veteran's registration and its confirmation are RegistrationTests').</summary>
    public async Task<Account> CreateAccountAsync(string role, string? phone = null, string password = Password)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = NewName("acct"), Phone = phone, PhoneConfirmed = true, Role = role, CreatedBy = "test" };
        var result = await users.CreateAsync(account, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => error.Description)));
        return account;
    }

    public static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    public async Task<HttpResponseMessage> SignInAsync(string account, string password = Password, HttpClient? client = null) =>
        await (client ?? CreateClient()).PostAsJsonAsync("/api/auth/sign-in", new { account, password });

    /// <summary>A connection to this class's database, as the service's role.</summary>
    public NpgsqlConnection Connection() => new(Cluster.AppConnectionString(Database));

    /// <summary>POSTs to an /api/auth route with the refresh cookie as a browser would send it.</summary>
    public async Task<HttpResponseMessage> WithCookieAsync(string path, string refresh)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Cookie", $"{RefreshTokens.Cookie}={refresh}");
        return await CreateClient().SendAsync(request);
    }

    public HttpClient Bearer(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The refresh token that the answer set in its cookie.</summary>
    public static string RefreshCookie(HttpResponseMessage response)
    {
        var cookie = response.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(RefreshTokens.Cookie + "=", StringComparison.Ordinal));
        return cookie[(RefreshTokens.Cookie.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>The account's audit entries, oldest first: the action and the reason it gives, if any.</summary>
    public async Task<List<(string Action, string? Reason)>> AuditAsync(Guid account)
    {
        var page = await (await Admin().GetAsync($"/api/audit?objectId={account}&limit=100")).Read<PageOf<AuditEntryAnswer>>();
        return [.. page.Items.Reverse().Select(entry => (entry.Action, ReasonOf(entry.Details)))];
    }

    static string? ReasonOf(string? details) =>
        details is { Length: > 0 } && System.Text.Json.JsonDocument.Parse(details).RootElement is
            { ValueKind: System.Text.Json.JsonValueKind.Object } parsed && parsed.TryGetProperty("reason", out var reason)
            ? reason.GetString() : null;
}

/// <summary>Identity's own hasher, counting how often a password was checked against a hash.</summary>
public sealed class CountingHasher : IPasswordHasher<Account>
{
    readonly PasswordHasher<Account> hasher = new();
    int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(Account user, string password) => hasher.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
