using System.Security.Cryptography;
using Dapper;
using JobMatch.Api.Privacy;
using JobMatch.Api.Veterans;
using Npgsql;

namespace JobMatch.Api.Backup;

/// <summary>An archive holds ID numbers encrypted, never the key: after a restore, check that the configured key reads them.</summary>
static class RestoredKey
{
    public static async Task<bool> ReadsIdNumbersAsync(IConfiguration configuration, NpgsqlConnection db, CancellationToken ct)
    {
        var options = configuration.GetSection(PrivacyOptions.Section).Get<PrivacyOptions>() ?? new();
        var sample = await db.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            "SELECT id_number_cipher FROM veterans WHERE id_number_cipher IS NOT NULL LIMIT 1", cancellationToken: ct));
        if (!options.IsValid() || sample is null)
        {
            return true; // no key configured here (the service will say so at start-up), or nothing to read
        }
        try
        {
            new IdNumberVault(options).Decrypt(sample);
            return true;
        }
        catch (CryptographicException)
        {
            return false; // AES-GCM's tag does not match: another key
        }
    }
}
