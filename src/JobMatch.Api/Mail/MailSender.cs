using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JobMatch.Api.Mail;

/// <summary>
/// Sends one plain-text mail at once over SMTP (MailKit), a connection per mail. Deliberately small: links to set a password or
/// confirm an address, sent while the request waits; and the notifications the outbox dispatcher sends (Notifications/), which
/// retries. Logs say what was sent, never to whom.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, ILogger<MailSender> logger)
{
    /// <summary>Whether Mail:Host is set; without it nothing is sent and the routes that need mail say so.</summary>
    public bool IsOn => options.Value.IsOn;

    /// <summary>True when the server took the mail; false (logged) when it could not be reached or refused it.</summary>
    public async Task<bool> SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default) =>
        await TrySendAsync(to, subject, body, messageId: null, cancellationToken) is null;

    /// <summary>
    /// Sends with the given Message-ID (an outbox message's id, so that a receiver can drop a repeat; the From address's domain
    /// after the @). Null when the server took the mail; otherwise why not, as the exception's type: its message can name
    /// the recipient (a refused RCPT TO). With an <paramref name="unsubscribe"/> link (an https or http URL that stops mails
    /// like this one), the mail carries it as List-Unsubscribe with RFC 8058's one-click List-Unsubscribe-Post.
    /// </summary>
    public async Task<string?> TrySendAsync(string to, string subject, string body, Guid? messageId, CancellationToken cancellationToken,
        string? unsubscribe = null)
    {
        var mail = options.Value;
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        var from = new MailboxAddress(mail.FromName, mail.From!);
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        if (messageId is { } id)
        {
            message.MessageId = $"{id}@{from.Domain}";
        }
        if (unsubscribe is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var logged = messageId is { } named ? $"message {named}" : subject;
        using var smtp = new SmtpClient { Timeout = (int)mail.Timeout.TotalMilliseconds };
        try
        {
            await smtp.ConnectAsync(mail.Host!, mail.Port, mail.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(mail.UserName))
            {
                await smtp.AuthenticateAsync(mail.UserName, mail.Password!, cancellationToken);
            }
            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
            logger.LogInformation("Mail sent: {Subject}", logged);
            return null;
        }
        catch (Exception error) when (error is IOException or System.Net.Sockets.SocketException or ProtocolException
            or CommandException or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            // The exception's message can name the recipient (a refused RCPT TO): only its type goes to the log.
            var why = error is SmtpCommandException command ? $"{error.GetType().Name} {(int)command.StatusCode}" : error.GetType().Name;
            logger.LogWarning("Mail not sent ({Subject}): {Error} from {Host}:{Port}", logged, why, mail.Host, mail.Port);
            return why;
        }
    }
}

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .Validate(options => options.IsValid(), "Mail: with Host set, Port 1–65535, From an e-mail address, UserName and "
                + "Password both set or both empty, and Timeout above zero and at most 00:05:00.")
            .ValidateOnStart();
        services.AddSingleton<MailSender>();
        return services;
    }
}
