using System.Text.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.OpenApi;

/// <summary>What an integrator generating a client needs of the document.</summary>
public sealed class IntegratorDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
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
    }
}
