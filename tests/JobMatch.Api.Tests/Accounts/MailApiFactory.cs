using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>
/// The accounts service with mail set up, against a real SMTP server in the test process (the SmtpServer package) on a loopback
/// port: what the service mails is read back as it arrived.
/// </summary>
public sealed partial class MailApiFactory : AccountsApiFactory
{
    public const string PublicOrigin = "https://jobmatch.example.test";

    readonly Inbox inbox = new();
    readonly CancellationTokenSource stop = new();
    readonly int port;

    public MailApiFactory()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(inbox);
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", $"{port}");
        builder.UseSetting("Mail:Security", "None");
        builder.UseSetting("Mail:From", "jobmatch@example.test");
        builder.UseSetting("Accounts:PublicOrigin", PublicOrigin);
    }

    /// <summary>The next mail to the address (waiting up to ten seconds); others are kept for their own readers.</summary>
    public async Task<MimeMessage> MailToAsync(string address)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await inbox.TakeAsync(address, timeout.Token);
    }

    /// <summary>The code of the console link in a mail's text (the fragment's code=...).</summary>
    public static string LinkCode(MimeMessage mail, string route)
    {
        var match = Regex.Match(mail.TextBody ?? "", Regex.Escape($"{PublicOrigin}/#/{route}?code=") + "([A-Z0-9-]+)");
        Assert.True(match.Success, "No link to " + route + " in: " + mail.TextBody);
        return match.Groups[1].Value;
    }

    public override async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Every mail the server took, parsed as a client would read it.</summary>
    sealed class Inbox : MessageStore
    {
        readonly List<MimeMessage> received = [];
        readonly Channel<bool> arrivals = Channel.CreateUnbounded<bool>();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (received)
            {
                received.Add(message);
            }
            arrivals.Writer.TryWrite(true);
            return SmtpResponse.Ok;
        }

        public async Task<MimeMessage> TakeAsync(string address, CancellationToken cancellationToken)
        {
            while (true)
            {
                lock (received)
                {
                    if (received.FirstOrDefault(m => m.To.Mailboxes.Any(to => to.Address == address)) is { } mail)
                    {
                        received.Remove(mail);
                        return mail;
                    }
                }
                await arrivals.Reader.ReadAsync(cancellationToken);
            }
        }
    }
}
