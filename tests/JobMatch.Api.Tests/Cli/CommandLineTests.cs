using System.CommandLine;
using JobMatch.Api.Cli;

namespace JobMatch.Api.Tests.Cli;

/// <summary>The command line as Program.cs builds it, in process: the server is a stand-in that records what it was given.</summary>
public sealed class CommandLineTests
{
    static async Task<(int ExitCode, string[]? Served, string Error)> Run(params string[] args)
    {
        string[]? served = null;
        using var error = new StringWriter();
        var exitCode = await Commands.Create(given => { served = given; return Task.FromResult(0); }, _ => { })
            .Parse(args).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
        return (exitCode, served, error.ToString());
    }

    [Fact]
    public async Task AMistypedCommandIsAnErrorNamingTheCommandsAndStartsNoServer()
    {
        var (exitCode, served, error) = await Run("acount", "create");
        Assert.NotEqual(0, exitCode);
        Assert.Null(served);
        Assert.Contains("'acount' is not a command", error, StringComparison.Ordinal);
        Assert.All(["migrate", "token", "seed", "train", "backup", "restore", "account", "remind"],
            command => Assert.Contains(command, error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OptionsAndSettingsStillGoToTheServer()
    {
        string[] args = ["--urls", "http://127.0.0.1:5000", "--Embedded:DataDirectory=/srv/jobmatch", "Logging:LogLevel:Default=Warning",
            "--x"];
        var (exitCode, served, error) = await Run(args);
        Assert.Equal((0, ""), (exitCode, error));
        Assert.Equal(args, served);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(" padded", false)]
    [InlineData("bell\a", false)]
    [InlineData("107691503500061507151", true)]
    [InlineData("staff-wang", true)]
    public void TheTokenCommandMintsOnlySubjectsTheServiceAccepts(string subject, bool accepted)
    {
        var errors = Commands.Create(_ => Task.FromResult(0), _ => { }).Parse(["token", "--role", "admin", "--subject", subject]).Errors;
        Assert.Equal(accepted, errors.Count == 0);
        Assert.All(errors, e => Assert.Contains("--subject", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void TheTokenCommandRefusesASubjectOverTwoHundredCharacters() =>
        Assert.NotEmpty(Commands.Create(_ => Task.FromResult(0), _ => { })
            .Parse(["token", "--role", "admin", "--subject", new string('s', 201)]).Errors);
}
