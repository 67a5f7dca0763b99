using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JobMatch.Api.OpenApi;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.OpenApi;

/// <summary>What an integrator generating a client needs of the document: ids, upload forms, texts in their language.</summary>
public sealed class IntegratorDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static readonly string[] Imports = ["/api/job-fairs/{id}/imports", "/api/programs/{id}/imports", "/api/veterans/imports", "/api/placements/imports"];

    async Task<List<(string Name, JsonElement Operation)>> Operations(string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/swagger/v1/swagger.json");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        var document = await (await api.CreateClient().SendAsync(request)).ReadJson();
        return [.. document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => ($"{op.Name} {path.Name}", op.Value)))];
    }

    [Fact]
    public async Task EveryOperationHasAUniqueOperationIdMadeFromItsMethodAndRoute()
    {
        var operations = await Operations();
        var ids = operations.ToDictionary(o => o.Name, o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null);
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id.Value), $"{id.Key} has an operationId"));
        Assert.Equal(ids.Count, ids.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("getMe", ids["get /api/me"]);
        Assert.Equal("getCompaniesById", ids["get /api/companies/{id}"]);
        Assert.Equal("postJobFairsByIdImports", ids["post /api/job-fairs/{id}/imports"]);
        Assert.Equal("deleteCompaniesByIdRecruitersBySubject", ids["delete /api/companies/{id}/recruiters/{subject}"]);
        // No row for an operation that is gone (the demo sign-in is mapped only for a local demo, not here).
        Assert.Empty(ChineseSummaries.ById.Keys.Except(ids.Values!).Except(["getDemoUsers", "postDemoSignIn"]));
    }

    [Fact]
    public async Task EveryImportDocumentsItsMultipartFormWithTheFileAndItsLimit()
    {
        var operations = (await Operations()).ToDictionary(o => o.Name, o => o.Operation);
        foreach (var path in Imports)
        {
            var body = operations[$"post {path}"].GetProperty("requestBody");
            var schema = body.GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
            var file = schema.GetProperty("properties").GetProperty("file");
            Assert.Equal(("string", "binary"), (file.GetProperty("type").GetString(), file.GetProperty("format").GetString()));
            Assert.Contains("file", schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
            Assert.True(file.GetProperty("maxLength").GetInt64() > 0, $"{path}: the file limit");
            Assert.Equal(path != "/api/placements/imports", schema.GetProperty("properties").TryGetProperty("mapping", out _));
        }
        var roster = operations["post /api/veterans/imports"].GetProperty("requestBody").GetProperty("content")
            .GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").GetProperty("consentTextVersion");
        Assert.Contains("2026-11", roster.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task AnUploadAsSwaggerUiSendsItWithTheDocumentedFieldPreviewsAnImport()
    {
        var operation = (await Operations()).Single(o => o.Name == "post /api/placements/imports").Operation;
        var field = operation.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data")
            .GetProperty("schema").GetProperty("required")[0].GetString()!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("身份证号,单位名称,日期,结果\n110101199003074514,淮南测试公司,2025-01-02,录用\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, field, "placements.csv");

        var response = await api.Admin().PostAsync("/api/placements/imports?dryRun=true", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var preview = await response.Read<PlacementImportAnswer>();
        Assert.True(preview.DryRun);
        Assert.Equal(1, preview.RowsRead);
    }

    [Fact]
    public async Task SummariesAndDescriptionsAreChineseByDefaultAndEnglishOnRequest()
    {
        var chinese = (await Operations()).ToDictionary(o => o.Name, o => o.Operation);
        var english = (await Operations("en")).ToDictionary(o => o.Name, o => o.Operation);
        Assert.Equal(chinese.Keys.Order(), english.Keys.Order());
        Assert.All(chinese, o =>
        {
            var (zh, en) = (o.Value.GetProperty("summary").GetString()!, english[o.Key].GetProperty("summary").GetString()!);
            Assert.True(zh.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{o.Key} has a Chinese summary (ChineseSummaries), not \"{zh}\"");
            Assert.True(en.Any(char.IsAsciiLetter) && en != zh, $"{o.Key} has an English summary");
            Assert.Contains("调用者", o.Value.GetProperty("description").GetString());
            Assert.Contains("Who may call it", english[o.Key].GetProperty("description").GetString());
        });
        var post = english["post /api/companies"].GetProperty("description").GetString()!;
        Assert.Contains("admin", post);
        Assert.Contains("Idempotency-Key", post);
        Assert.Contains("413", post);
        Assert.Contains("无需令牌", chinese["get /api/console/settings"].GetProperty("description").GetString());
    }
}
