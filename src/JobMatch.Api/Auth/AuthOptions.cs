namespace JobMatch.Api.Auth;

/// <summary>Configuration section "Auth": how bearer tokens are checked.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "jobmatch";
    public string Audience { get; set; } = "jobmatch-api";

    /// <summary>Base64 HMAC key (at least 32 bytes) for tokens this service issues; generated in embedded mode.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An external OpenID Connect issuer to trust instead of the signing key.</summary>
    public string? Authority { get; set; }

    public double TokenLifetimeHours { get; set; } = 8;

    /// <summary>
    /// Tokens signed with the key are accepted beside the authority's (built-in accounts asked for beside an OpenID Connect
    /// issuer: Accounts sets it from Accounts:Enabled; not a setting of its own).
    /// </summary>
    public bool SigningKeyBesideAuthority { get; internal set; }

    public byte[] SigningKeyBytes() => Convert.FromBase64String(SigningKey ?? "");

    public bool IsValid() => !string.IsNullOrWhiteSpace(Authority) || HasUsableKey();

    public bool HasUsableKey()
    {
        try
        {
            return SigningKeyBytes().Length >= 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
