using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using JobMatch.Api.Database;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>
/// The real program, as `dotnet run` starts it, in a folder of its own: embedded database, command line, signals.
/// Dispose stops whatever is still running (a service, or a PostgreSQL left behind by a killed service) and removes the folder.
/// </summary>
sealed class ServiceProcess : IDisposable
{
    static readonly string Program = typeof(Program).Assembly.Location;
    readonly string root = TempRoot.Create("jobmatch-service-");

    public string Root => root;
    readonly List<Process> started = [];
    readonly Dictionary<Process, Task<string>> outputs = [];
    readonly ConcurrentQueue<string> logged = new();

    /// <summary>What the services started by <see cref="Serve"/> wrote so far, line by line (stdout and stderr).</summary>
    public IEnumerable<string> Logged => logged;

    public string DataDirectory => Path.Combine(root, "pgdata");

    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Program);
        foreach (var arg in args.Append($"--Embedded:DataDirectory={DataDirectory}"))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ConnectionStrings__JobMatch");
        var process = Process.Start(info)!;
        started.Add(process);
        return process;
    }

    public async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        started.Remove(process);
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }

    /// <summary>Starts the service on a free loopback port and waits until /health/ready answers 200.</summary>
    public Task<(Process Service, HttpClient Http, TimeSpan ReadyAfter)> Serve(params string[] settings) => ServeOn("127.0.0.1", settings);

    /// <summary>Starts the service on a free port of <paramref name="host"/> (0.0.0.0: every interface), reached on loopback.</summary>
    public async Task<(Process Service, HttpClient Http, TimeSpan ReadyAfter)> ServeOn(string host, params string[] settings)
    {
        var port = FreePort();
        var clock = Stopwatch.StartNew();
        var service = Start(["--urls", $"http://{host}:{port}", .. settings]);
        outputs[service] = Collect(service.StandardOutput);
        _ = Collect(service.StandardError);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120) };
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return (service, http, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            Assert.False(service.HasExited, "the service exited before it was ready");
            await Task.Delay(200);
        }
        throw new TimeoutException("The service was not ready within 90 s.");
    }

    /// <summary>What a served process wrote to its standard output, once it has exited.</summary>
    public Task<string> OutputOf(Process service) => outputs[service];

    async Task<string> Collect(StreamReader output)
    {
        var all = new StringBuilder();
        while (await output.ReadLineAsync() is { } line)
        {
            logged.Enqueue(line);
            all.AppendLine(line);
        }
        return all.ToString();
    }

    /// <summary>An admin token from the program's own `token` command.</summary>
    public async Task<string> Token(string role = "admin", string subject = "first-admin")
    {
        var token = await Run("token", "--role", role, "--subject", subject);
        Assert.True(token.ExitCode == 0, token.Error);
        return token.Output;
    }

    public static Task Signal(Process process, string signal) =>
        ProcessRunner.RunAsync("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)], null);

    public static async Task Terminate(Process service)
    {
        await Signal(service, "TERM");
        await service.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The running cluster's postmaster.pid: process id, port and socket folder.</summary>
    public (int Pid, int Port, string SocketDirectory) Postmaster()
    {
        var lines = File.ReadAllLines(Path.Combine(DataDirectory, "postmaster.pid"));
        return (int.Parse(lines[0], CultureInfo.InvariantCulture), int.Parse(lines[3], CultureInfo.InvariantCulture), lines[4]);
    }

    /// <summary>The superuser over the cluster's private socket (local connections are trusted).</summary>
    public string SuperuserConnectionString()
    {
        var (_, port, socket) = Postmaster();
        return $"Host={socket};Port={port};Database={EmbeddedPostgres.AppDatabase};Username={EmbeddedPostgres.Superuser};Pooling=false";
    }

    /// <summary>pg_ctl against the service's cluster, as the account that runs PostgreSQL.</summary>
    public Task<ProcessResult> PgCtl(params string[] args) =>
        ProcessRunner.RunAsync(Path.Combine(PostgresBinaries.Find()!, "pg_ctl"), ["-D", DataDirectory, .. args], ServiceAccount.ForPostgres());

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var process in started)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            process.Dispose();
        }
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            PgCtl("stop", "-m", "immediate", "-w", "-s").GetAwaiter().GetResult();
        }
        Directory.Delete(root, recursive: true);
    }
}
