using System.Net.Http.Headers;
using System.Text;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Conventions;

public sealed class ErrorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task MalformedJsonAnswers400ProblemNot500()
    {
        var response = await api.Admin().PostAsync("/api/companies", JsonBody("""{"name": """));
        await response.AssertProblem(400);
    }

    [Theory]
    [InlineData("text/plain", "junk")]
    [InlineData("application/json", """{"epochs": 1000}""")]
    public async Task TrainingTakesNoBodyAndRefusesOneWith400(string type, string body)
    {
        var response = await api.Admin().PostAsync("/api/models/train", new StringContent(body, Encoding.UTF8, type));
        var problem = await response.AssertProblem(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task UnknownJsonMemberAnswers400NamingIt()
    {
        var response = await api.Admin().PostAsync("/api/companies", JsonBody("""{"name": "淮南某公司", "isAdmin": true}"""));
        var problem = await response.AssertProblem(400);
        Assert.Contains("isAdmin", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MessagesAreChineseByDefaultAndEnglishWhenAsked()
    {
        var chinese = await (await api.CreateClient().GetAsync("/api/me")).AssertProblem(401);
        Assert.Contains("登录", chinese.GetProperty("detail").GetString());

        var client = api.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));
        var english = await (await client.GetAsync("/api/me")).AssertProblem(401);
        Assert.Contains("Sign in", english.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownRouteAnswers404Problem()
    {
        await (await api.CreateClient().GetAsync("/no/such/place")).AssertProblem(404);
        await (await api.Admin().GetAsync("/api/nothing.txt")).AssertProblem(404);
    }

    [Fact]
    public async Task OversizedBodyAnswers413Problem()
    {
        var huge = JsonBody($$"""{"name": "{{new string('x', 2 * 1024 * 1024)}}"}""");
        var response = await api.Admin().PostAsync("/api/companies", huge);
        await response.AssertProblem(413);
    }

    [Fact]
    public async Task WrongContentTypeAnswers415Problem()
    {
        var response = await api.Admin().PostAsync("/api/companies", new StringContent("name=x", Encoding.UTF8, "text/plain"));
        await response.AssertProblem(415);
    }

    [Fact]
    public async Task InvalidFieldsAnswer400WithFieldErrors()
    {
        var response = await api.Admin().PostAsync("/api/companies", JsonBody("""{"name": " ", "creditCode": "91340400MA2N0000XX"}"""));
        var problem = await response.AssertProblem(400);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("creditCode", out _));
    }
}
