using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Applications;

/// <summary>The bureau's list of applications across fairs and programs, narrowed to one fair or one program.</summary>
public sealed class ApplicationListsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AdminNarrowsApplicationsToOneFairOrOneProgram()
    {
        var admin = api.Admin();
        var (company, _) = await api.CompanyWithRecruiter();
        var fair = await admin.CreateFair();
        var otherFair = await admin.CreateFair();
        var atFair = await api.PostJob(company, 4, fair);
        var atOtherFair = await api.PostJob(company, 4, otherFair);
        var (program, seat) = await api.OrderClass(company, seats: 5);
        var (veteran, _, _) = await api.Applicant();
        var toFair = await veteran.Apply(atFair);
        await veteran.Apply(atOtherFair);
        var toProgram = await veteran.Apply(seat);

        var byFair = await (await admin.GetAsync($"/api/applications?fairId={fair}")).Read<PageOf<ApplicationAnswer>>();
        Assert.Equal(toFair, Assert.Single(byFair.Items).Id);
        Assert.Equal(1, byFair.Total);
        var byProgram = await (await admin.GetAsync($"/api/applications?programId={program}")).Read<PageOf<ApplicationAnswer>>();
        Assert.Equal(toProgram, Assert.Single(byProgram.Items).Id);
        var both = await (await admin.GetAsync($"/api/applications?fairId={fair}&programId={program}")).Read<PageOf<ApplicationAnswer>>();
        Assert.Empty(both.Items);
        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/applications?fairId={fair}");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await admin.SendAsync(csvRequest);
        Assert.Equal("1", csv.Headers.GetValues("X-Total-Count").Single());
        Assert.Contains(toFair.ToString(), await csv.Content.ReadAsStringAsync());
    }
}
