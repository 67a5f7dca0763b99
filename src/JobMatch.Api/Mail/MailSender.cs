using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JobMatch.Api.Mail;

/// <summary>
/// Sends one plain-text mail at once over SMTP (MailKit), a connection per mail. Deliberately small: links to set a password or
/// confirm an address, sent while the request waits. Notifications (an outbox that retries) come in a later issue and will
/// take over from here. Logs say what was sent, never to whom.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, ILogger<MailSender> logger)
{
    /// <summary>Whether Mail:Host is set; without it nothing is sent and the routes that need mail say so.</summary>
    public bool IsOn => options.Value.IsOn;

    /// <summary>True when the server took the mail; false (logged) when it could not be reached or refused it.</summary>
    public async Task<bool> SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        var mail = options.Value;
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        message.From.Add(new MailboxAddress(mail.FromName, mail.From!));
        message.To.Add(MailboxAddress.Parse(to));
        using var smtp = new SmtpClient();
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
            logger.LogInformation("Mail sent: {Subject}", subject);
            return true;
        }
        catch (Exception error) when (error is IOException or System.Net.Sockets.SocketException or ProtocolException
            or CommandException or AuthenticationException or SslHandshakeException)
        {
            // The exception's message can name the recipient (a refused RCPT TO): only its type goes to the log.
            logger.LogWarning("Mail not sent ({Subject}): {Error} from {Host}:{Port}", subject, error.GetType().Name, mail.Host, mail.Port);
            return false;
        }
    }
}

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .Validate(options => options.IsValid(), "Mail: with Host set, Port 1–65535, From an e-mail address, and UserName and "
                + "Password both set or both empty.")
            .ValidateOnStart();
        services.AddSingleton<MailSender>();
        return services;
    }
}
