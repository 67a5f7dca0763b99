using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Veterans;

/// <summary>Staff find a veteran by the whole phone number and narrow by job status, as the console's search offers.</summary>
public sealed class VeteranSearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AdminFindsAProfileByItsWholePhoneAndByStatusMasked()
    {
        var phone = VeteranData.NewPhone();
        var id = (await api.Veteran("vet-search-phone").CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(), phone)))
            .As<VeteranAnswer>().Id;
        await api.Veteran("vet-search-other").CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone()));
        var admin = api.Admin();

        var found = await (await admin.GetAsync($"/api/veterans?phone={phone}")).ReadJson();
        Assert.Equal(id, Assert.Single(found.As<PageOf<VeteranSummaryAnswer>>().Items).Id);
        Assert.DoesNotContain(phone, found.ToString());
        var seeking = await (await admin.GetAsync($"/api/veterans?phone={phone}&status=求职中")).Read<PageOf<VeteranSummaryAnswer>>();
        Assert.Equal(id, Assert.Single(seeking.Items).Id);
        var employed = await (await admin.GetAsync($"/api/veterans?phone={phone}&status=employed")).Read<PageOf<VeteranSummaryAnswer>>();
        Assert.Empty(employed.Items);

        var partial = await (await admin.GetAsync($"/api/veterans?phone={phone[..7]}")).AssertProblem(400);
        Assert.True(partial.GetProperty("errors").TryGetProperty("phone", out _));
        await (await admin.GetAsync("/api/veterans?status=flying")).AssertProblem(400);
    }
}
