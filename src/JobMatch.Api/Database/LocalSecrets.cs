using System.Security.Cryptography;
using System.Text.Json;

namespace JobMatch.Api.Database;

/// <summary>
/// Secrets of the embedded mode, generated once and kept beside the data directory (file mode 600), so that
/// the service and the <c>token</c> command agree on the signing key across restarts.
/// </summary>
public sealed record LocalSecrets(string SigningKey, string DatabasePassword, string? PrivacyKey = null)
{
    public static string PathFor(string dataDirectory) => dataDirectory.TrimEnd('/') + ".secrets.json";

    public static LocalSecrets LoadOrCreate(string dataDirectory)
    {
        var path = PathFor(dataDirectory);
        if (File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<LocalSecrets>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"The secrets file {path} is empty; delete it together with the data directory.");
            // Files written before ID numbers were encrypted lack the privacy key: add one, keep the rest.
            if (stored.PrivacyKey is null)
            {
                stored = stored with { PrivacyKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
                Write(path, stored, overwrite: true);
            }
            return stored;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secrets = new LocalSecrets(
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            Convert.ToHexString(RandomNumberGenerator.GetBytes(24)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Write(path, secrets, overwrite: false);
        return secrets;
    }

    static void Write(string path, LocalSecrets secrets, bool overwrite)
    {
        // Write to a temporary file first so that a crash never leaves a half-written secret behind.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(secrets));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, path, overwrite);
    }
}
