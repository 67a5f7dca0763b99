namespace JobMatch.Api.Database;

/// <summary>PostgreSQL refuses to run as root; when the service is root (as CI is), the cluster runs as an unprivileged account.</summary>
static class ServiceAccount
{
    /// <summary>The account to run PostgreSQL as, or null to run it as ourselves.</summary>
    public static string? ForPostgres()
    {
        if (Environment.UserName != "root")
        {
            return null;
        }
        var accounts = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd").Select(line => line.Split(':')[0]).ToHashSet() : [];
        return accounts.Contains("postgres") ? "postgres" : "nobody";
    }

    public static string CreatePrivateDirectory(string prefix, string? owner)
    {
        var dir = Directory.CreateTempSubdirectory(prefix).FullName;
        GiveTo(dir, owner).GetAwaiter().GetResult();
        return dir;
    }

    public static async Task GiveTo(string path, string? owner)
    {
        if (owner is null)
        {
            return;
        }
        var result = await ProcessRunner.RunAsync("chown", ["-R", $"{owner}:", path], runAs: null);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedDatabaseException($"Could not give {path} to the account {owner} ({result.Output}).");
        }
    }

    /// <summary>Whether the account can enter and write the folder: a parent closed to others (as /root is) stops it.</summary>
    public static async Task<bool> CanWrite(string path, string? account) =>
        account is null || (await ProcessRunner.RunAsync("test", ["-w", path, "-a", "-x", path], account)).ExitCode == 0;
}
