using System.Buffers;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace JobMatch.Api.Tests.Notifications;

/// <summary>The system clock moved forward by what a test adds: back-off waits pass without waiting.</summary>
public sealed class ShiftedClock : TimeProvider
{
    long ticks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref ticks));
}

/// <summary>
/// The service with mail on, against a real SMTP server in the test process (the SmtpServer package) that a test may make
/// refuse a recipient's mails; the dispatcher polls every 50 ms, retries after minutes of the <see cref="ShiftedClock"/>
/// (a test moves it), and gives up after <see cref="MaxAttempts"/>.
/// </summary>
public sealed class NotificationsApiFactory : ApiFactory
{
    public const int MaxAttempts = 4;

    /// <summary>The longest back-off: moving the clock by it makes any retry due.</summary>
    public static readonly TimeSpan RetryMax = TimeSpan.FromMinutes(10);

    readonly CancellationTokenSource stop = new();
    readonly int port;

    public Mailbox Smtp { get; } = new();

    public ShiftedClock Clock { get; } = new();

    public NotificationsApiFactory()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(Smtp);
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", $"{port}");
        builder.UseSetting("Mail:Security", "None");
        builder.UseSetting("Mail:From", "jobmatch@example.test");
        builder.UseSetting("Accounts:PublicOrigin", "https://jobmatch.example.test");
        builder.UseSetting("Notifications:PollInterval", "00:00:00.05");
        builder.UseSetting("Notifications:BatchSize", "5");
        builder.UseSetting("Notifications:MaxAttempts", $"{MaxAttempts}");
        builder.UseSetting("Notifications:RetryBase", "00:01:00");
        builder.UseSetting("Notifications:RetryMax", RetryMax.ToString());
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public NpgsqlConnection Connection() => new(Cluster.AppConnectionString(Database));

    /// <summary>
    /// A person who can be reached: an account of the role (its id is the subject) with a confirmed address, as the
    /// accounts' confirmation leaves it; their client by a token naming that subject.
    /// </summary>
    public async Task<(string Subject, string Email, HttpClient Client)> PersonAsync(string role, bool confirmed = true)
    {
        var id = Guid.NewGuid();
        var email = $"{role}-{id.ToString("N")[..10]}@example.test";
        await using var db = Connection();
        await db.ExecuteAsync("""
            INSERT INTO accounts (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp,
                                  concurrency_stamp, role, created_at, created_by)
            VALUES (@id, @name, upper(@name), @email, upper(@email), @confirmed, 'stamp', 'stamp', @role, now(), 'test')
            """, new { id, name = $"n-{id:N}"[..20], email, confirmed, role });
        return (id.ToString(), email, ClientFor(role, id.ToString()));
    }

    /// <summary>A veteran who can be reached: a profile shown to recruiters, and the contact consent unless told otherwise.</summary>
    public async Task<(Guid Id, string Subject, string Email, HttpClient Client)> VeteranAsync(bool contact = true)
    {
        var (subject, email, client) = await PersonAsync(Roles.Veteran);
        var profile = await client.CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(birth: "19880302"),
            VeteranData.NewPhone(), share: true));
        if (contact)
        {
            var granted = await client.PutAsJsonAsync("/api/veterans/me/consents/contact", new { granted = true, textVersion = "2026-12" });
            Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        }
        return (profile.GetProperty("id").GetGuid(), subject, email, client);
    }

    /// <summary>A company with one reachable recruiter, and an open position of it.</summary>
    public async Task<(Guid Company, Guid Position, string Subject, string Email, HttpClient Recruiter)> CompanyAsync()
    {
        var company = await Admin().CreateCompany();
        var (subject, email, recruiter) = await PersonAsync(Roles.Recruiter);
        await Admin().LinkRecruiter(company, subject);
        return (company, await this.PostJob(company, headcount: 3), subject, email, recruiter);
    }

    /// <summary>The e-mail messages of a recipient in the outbox, oldest first.</summary>
    public async Task<List<(Guid Id, string Kind, string State, int Attempts)>> MessagesOf(string subject)
    {
        await using var db = Connection();
        return [.. await db.QueryAsync<(Guid, string, string, int)>(
            "SELECT id, kind, state, attempts FROM outbox WHERE recipient = @subject AND channel = 'email' ORDER BY created_at, id", new { subject })];
    }

    /// <summary>Waits (up to ten seconds) until the recipient's messages satisfy the condition, and returns them.</summary>
    public async Task<List<(Guid Id, string Kind, string State, int Attempts)>> WaitFor(string subject,
        Func<List<(Guid Id, string Kind, string State, int Attempts)>, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var messages = await MessagesOf(subject);
            if (done(messages) || DateTime.UtcNow > until)
            {
                return messages;
            }
            await Task.Delay(25);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Every mail the server was given, taken or refused, parsed as a client would read it.</summary>
    public sealed class Mailbox : MessageStore
    {
        readonly List<MimeMessage> taken = [];
        readonly List<MimeMessage> refused = [];
        readonly Dictionary<string, int> failures = [];
        readonly Dictionary<string, Action> onTaken = [];

        /// <summary>Runs <paramref name="action"/> when the server takes a mail to the address (before it answers).</summary>
        public void OnTaken(string address, Action action)
        {
            lock (taken)
            {
                onTaken[address] = action;
            }
        }

        /// <summary>Refuses the next <paramref name="times"/> mails to the address (int.MaxValue: until told otherwise).</summary>
        public void Refuse(string address, int times)
        {
            lock (taken)
            {
                failures[address] = times;
            }
        }

        public List<MimeMessage> TakenFor(string address)
        {
            lock (taken)
            {
                return [.. taken.Where(m => m.To.Mailboxes.Any(to => to.Address == address))];
            }
        }

        public List<MimeMessage> RefusedFor(string address)
        {
            lock (taken)
            {
                return [.. refused.Where(m => m.To.Mailboxes.Any(to => to.Address == address))];
            }
        }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var address = message.To.Mailboxes.First().Address;
            lock (taken)
            {
                if (failures.GetValueOrDefault(address) is > 0 and var left)
                {
                    failures[address] = left == int.MaxValue ? left : left - 1;
                    refused.Add(message);
                    return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "try again later");
                }
                taken.Add(message);
                onTaken.GetValueOrDefault(address)?.Invoke();
            }
            return SmtpResponse.Ok;
        }
    }
}
