using System.Security.Cryptography;
using System.Text;

namespace JobMatch.Api.Privacy;

/// <summary>Configuration section "Privacy": the key that protects ID numbers.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Base64, exactly 32 bytes; generated once in embedded mode. Losing it makes stored ID numbers unreadable.</summary>
    public string? EncryptionKey { get; set; }

    public bool IsValid()
    {
        try
        {
            return Convert.FromBase64String(EncryptionKey ?? "").Length == 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// Encrypts ID numbers with AES-GCM and hashes them with HMAC-SHA256 for lookups. Both keys are derived (HKDF) from
/// the one configured key, so the lookup hash never reveals anything about the ciphertext key.
/// </summary>
public sealed class IdNumberVault
{
    const int NonceBytes = 12;
    const int TagBytes = 16;
    readonly byte[] encryptionKey;
    readonly byte[] lookupKey;

    public IdNumberVault(PrivacyOptions options)
    {
        if (!options.IsValid())
        {
            throw new InvalidOperationException(Invalid);
        }
        var master = Convert.FromBase64String(options.EncryptionKey!);
        encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "jobmatch id-number aes-gcm"u8.ToArray());
        lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "jobmatch id-number lookup"u8.ToArray());
    }

    public const string Invalid = "Set Privacy:EncryptionKey to a base64 key of exactly 32 bytes (it encrypts ID numbers).";

    /// <summary>nonce ‖ tag ‖ ciphertext.</summary>
    public byte[] Encrypt(string idNumber)
    {
        var plain = Encoding.UTF8.GetBytes(idNumber);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(encryptionKey, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        return sealedBytes;
    }

    public string Decrypt(byte[] sealedBytes)
    {
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(encryptionKey, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The keyed hash that finds a profile by ID number and keeps the number unique.</summary>
    public byte[] LookupHash(string idNumber) => HMACSHA256.HashData(lookupKey, Encoding.UTF8.GetBytes(idNumber));
}
