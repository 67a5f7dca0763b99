namespace JobMatch.Api.Mail;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same host or network.</summary>
    None,

    /// <summary>Plain connection upgraded by STARTTLS, which the server must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>Configuration section "Mail": the SMTP server that mails carry links through. No Host: no e-mail at all.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }
    public string FromName { get; set; } = "JobMatch";

    /// <summary>How long one step with the server (connect, a command) may take before the mail counts as not sent.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsOn => !string.IsNullOrWhiteSpace(Host);

    public bool IsValid() => !IsOn || (Port is > 0 and <= 65535 && MimeKit.MailboxAddress.TryParse(From, out _)
        && string.IsNullOrEmpty(UserName) == string.IsNullOrEmpty(Password)
        && Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromMinutes(5));
}
