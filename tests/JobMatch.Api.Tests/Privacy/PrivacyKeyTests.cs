using System.Text.Json;
using JobMatch.Api.Database;
using JobMatch.Api.Privacy;
using JobMatch.Api.Veterans;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JobMatch.Api.Tests.Privacy;

public sealed class PrivacyKeyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("not base64")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    public void AServiceWithoutAUsableEncryptionKeyRefusesToStart(string? key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Privacy:EncryptionKey"] = key }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddVeterans().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PrivacyOptions>>().Value);

        Assert.Contains("Privacy:EncryptionKey", error.Message);
    }

    [Fact]
    public async Task SeveralBadSettingsAtOnceAreStillAClearConfigurationError()
    {
        var exitCode = await JobMatch.Api.Cli.Commands.WithClearErrors(() => throw new AggregateException(
            new OptionsValidationException("Auth", typeof(object), ["Set Auth:SigningKey."]),
            new OptionsValidationException(PrivacyOptions.Section, typeof(PrivacyOptions), [IdNumberVault.Invalid])));

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void EmbeddedSecretsWrittenBeforeEncryptionGainAKeyOnceAndKeepTheRest()
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory("secrets-").FullName, "pgdata");
        File.WriteAllText(LocalSecrets.PathFor(directory), JsonSerializer.Serialize(new { SigningKey = "c2lnbmluZw==", DatabasePassword = "pw" }));

        var upgraded = LocalSecrets.LoadOrCreate(directory);
        var again = LocalSecrets.LoadOrCreate(directory);

        Assert.Equal("c2lnbmluZw==", upgraded.SigningKey);
        Assert.Equal(32, Convert.FromBase64String(upgraded.PrivacyKey!).Length);
        Assert.Equal(upgraded.PrivacyKey, again.PrivacyKey);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(LocalSecrets.PathFor(directory)));
    }
}
