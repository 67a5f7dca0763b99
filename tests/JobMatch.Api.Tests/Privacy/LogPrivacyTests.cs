using System.Net.Http.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Privacy;

/// <summary>
/// The paths where personal data travels, walked on purpose, then the logs read. Every other test class is held to
/// the same rule when its service is disposed (ApiFactory), so a leak anywhere in the run fails.
/// </summary>
public sealed class LogPrivacyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task LogsCarryNoNamesIdNumbersOrPhones()
    {
        var (name, idNumber, phone) = (VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone());
        var veteran = api.Veteran("vet-privacy-" + Guid.NewGuid().ToString("N"));
        var id = (await veteran.CreateProfile(VeteranData.Profile(name, idNumber, phone))).GetProperty("id").GetGuid();
        var admin = api.Admin();

        (await admin.GetAsync($"/api/veterans?idNumber={idNumber}")).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/veterans/{id}/unmask", new { reason = "核对就业补贴申请材料" })).EnsureSuccessStatusCode();
        (await veteran.GetAsync("/api/veterans/me/export")).EnsureSuccessStatusCode();
        // Bad input that carries personal data: answered, and still not logged.
        await veteran.PostAsJsonAsync("/api/veterans/me", VeteranData.Profile(name, idNumber[..17] + "0", phone + "9"));
        await veteran.PostAsync("/api/veterans/me", new StringContent($"{{\"name\": \"{name}\", \"idNumber\": \"{idNumber}\", ", System.Text.Encoding.UTF8, "application/json"));
        (await veteran.DeleteAsync("/api/veterans/me")).EnsureSuccessStatusCode();

        Assert.NotEmpty(api.Logs);
        foreach (var value in new[] { name, idNumber, phone })
        {
            Assert.DoesNotContain(api.Logs, line => line.Contains(value, StringComparison.Ordinal));
        }
    }
}
