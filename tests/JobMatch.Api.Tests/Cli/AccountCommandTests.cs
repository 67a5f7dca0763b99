using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Tests.Accounts;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Cli;

/// <summary><c>account create</c>, run as an operator runs it, against a configured (test) database.</summary>
public sealed class AccountCommandTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    [Fact]
    public async Task AccountCreatePrintsTheLinkAndACodeThatRedeemsForTheNewAdmin()
    {
        _ = api.Services; // started, so that the service's Dapper conventions (snake_case columns) hold for the reads below
        using var service = new ServiceProcess();
        var name = AccountsApiFactory.NewName("first");
        var (exitCode, output, error) = await service.Run("account", "create", "--role", "admin", "--name", name,
            "--origin", "https://jobs.example.gov.cn/", $"--ConnectionStrings:JobMatch={api.Cluster.AppConnectionString(api.Database)}");
        Assert.True(exitCode == 0, error);
        var code = System.Text.RegularExpressions.Regex.Match(output, @"set-password\?code=([2-9A-Z]{4}(-[2-9A-Z]{4}){3})").Groups[1].Value;
        Assert.Contains($"Code: {code}.", output, StringComparison.Ordinal);
        Assert.Contains("https://jobs.example.gov.cn/#/set-password?code=", output, StringComparison.Ordinal);

        await using var db = api.Connection();
        await db.OpenAsync();
        var redeemed = await AccountCodes.RedeemAsync(db, null, code, [CodePurposes.Invitation], DateTime.UtcNow);
        var account = await db.QuerySingleAsync<(Guid Id, string Role, string CreatedBy)>(
            "SELECT id, role, created_by FROM accounts WHERE user_name = @name", new { name });
        Assert.Equal((account.Id, "admin"), (redeemed?.AccountId, account.Role));
        Assert.StartsWith("cli:", account.CreatedBy, StringComparison.Ordinal);
        Assert.Contains(("account.created", null), await api.AuditAsync(account.Id));
    }
}
