using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>Fairs, programs and uploads for the listings tests.</summary>
public static class Listings
{
    public static string DataFile(string name) => RepositoryData.File("listings", name);

    public static async Task<Guid> CreateFair(this HttpClient admin, int? companies = null, int? positions = null, int? openings = null)
    {
        var response = await admin.PostAsJsonAsync("/api/job-fairs", new
        {
            name = "测试招聘会" + Guid.NewGuid().ToString("N")[..6], heldOn = "2023-03-16", online = true,
            declaredCompanies = companies, declaredPositions = positions, declaredOpenings = openings,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Read<Created>()).Id;
    }

    public static Task<HttpResponseMessage> Upload(this HttpClient client, Guid fairId, byte[] file, string fileName, string query = "",
        string? mapping = null, string source = "job-fairs")
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", fileName);
        if (mapping is not null)
        {
            form.Add(new StringContent(mapping), "mapping");
        }
        return client.PostAsync($"/api/{source}/{fairId}/imports{query}", form);
    }

    /// <summary>A CSV in UTF-8 (no BOM) from lines; the header row is added unless given.</summary>
    public static byte[] Csv(params string[] lines) => System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static int Count(this JsonElement batch, string name) => batch.GetProperty("counts").GetProperty(name).GetInt32();

    public static async Task<List<JsonElement>> Errors(this HttpClient client, Guid batchId)
    {
        var page = await (await client.GetAsync($"/api/imports/{batchId}/errors?limit=100")).ReadJson();
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>An import's report (<see cref="Errors"/>) as the test's record of its lines.</summary>
    public static async Task<List<ReportLineAnswer>> ReportLines(this HttpClient client, Guid batchId) =>
        [.. (await (await client.GetAsync($"/api/imports/{batchId}/errors?limit=100")).Read<PageOf<ReportLineAnswer>>()).Items];

    public static async Task<List<JsonElement>> OpeningsOf(this HttpClient client, Guid fairId, string query = "")
    {
        var response = await client.GetAsync($"/api/openings?fairId={fairId}&limit=100{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var page = await response.ReadJson();
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>A fair's openings (<see cref="OpeningsOf"/>) as the test's record of them.</summary>
    public static async Task<List<OpeningAnswer>> OpeningAnswersOf(this HttpClient client, Guid fairId, string query = "")
    {
        var response = await client.GetAsync($"/api/openings?fairId={fairId}&limit=100{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return [.. (await response.Read<PageOf<OpeningAnswer>>()).Items];
    }
}
