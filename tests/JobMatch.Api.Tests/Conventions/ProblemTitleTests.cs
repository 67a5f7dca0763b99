using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Conventions;

/// <summary>A ProblemDetails title speaks the request's language like its detail: Chinese by default, English when asked.</summary>
public sealed partial class ProblemTitleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task EveryTitleFollowsTheRequestsLanguage()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, null);
        var (veteran, _, _) = await api.Applicant();
        var application = await veteran.Apply(position);

        foreach (var english in new[] { false, true })
        {
            HttpClient As(HttpClient client)
            {
                client.DefaultRequestHeaders.AcceptLanguage.Clear();
                if (english)
                {
                    client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
                }
                return client;
            }
            (int Status, Task<HttpResponseMessage> Answer)[] answers =
            [
                (401, As(api.CreateClient()).GetAsync("/api/applications")),
                (403, As(veteran).GetAsync("/api/applications")),
                (404, As(api.Admin()).GetAsync("/api/no/such/place")),
                (405, As(api.Admin()).PutAsync("/api/veterans/me/applications", null)),
                (415, As(recruiter).PatchAsync($"/api/applications/{application}", new StringContent("state=interview", Encoding.UTF8, "text/plain"))),
                (400, As(recruiter).Move(application, "interview", on: "2999-01-01")),
                (400, As(recruiter).PatchAsync($"/api/applications/{application}", new StringContent("{", Encoding.UTF8, "application/json"))),
                (409, As(recruiter).Move(application, "hired")),
                (409, As(api.Veteran("no-profile-yet")).PostAsync($"/api/openings/{position}/applications", null)),
            ];
            foreach (var (status, answer) in answers)
            {
                var title = (await (await answer).AssertProblem(status)).GetProperty("title").GetString()!;
                Assert.True(english ? !Chinese().IsMatch(title) : Chinese().IsMatch(title) && !Latin().IsMatch(title),
                    $"{status} answered the title \"{title}\" to a request in {(english ? "English" : "Chinese")}");
            }
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
