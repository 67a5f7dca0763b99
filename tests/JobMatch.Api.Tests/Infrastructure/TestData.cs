using System.Net.Http.Json;
using System.Text.Json;

namespace JobMatch.Api.Tests.Infrastructure;

public static class TestData
{
    const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>A fresh, valid unified social credit code (check character per GB 32100-2015).</summary>
    public static string NewCreditCode()
    {
        var body = "913404" + string.Concat(Enumerable.Range(0, 11).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]));
        var sum = body.Select((c, i) => Alphabet.IndexOf(c, StringComparison.Ordinal) * Weights[i]).Sum();
        return body + Alphabet[(31 - sum % 31) % 31];
    }

    public static async Task<Guid> CreateCompany(this HttpClient admin, string? name = null)
    {
        var response = await admin.PostAsJsonAsync("/api/companies", new { name = name ?? "淮南测试" + Guid.NewGuid().ToString("N")[..6] + "有限公司" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task LinkRecruiter(this HttpClient admin, Guid companyId, string subject) =>
        (await admin.PostAsJsonAsync($"/api/companies/{companyId}/recruiters", new { subject })).EnsureSuccessStatusCode();
}
