using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>Roster files and uploads for the roster import tests.</summary>
public static class Rosters
{
    public const string Title = "淮南市退役军人花名册（测试）";
    public const string Header = "序号,姓名,性别,公民身份号码,联系电话,服役部队,入伍时间,退役时间,军衔,兵种,文化程度,准驾车型,证书,技能,户籍区县,就业意向";

    /// <summary>A GBK CSV from lines, as the bureau's spreadsheet exports it.</summary>
    public static byte[] GbkCsv(params string[] lines)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK").GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    /// <summary>A roster line in the column order of <see cref="Header"/>.</summary>
    public static string Line(int number, string name, string idNumber, string phone, string branch = "陆军", string enlist = "2015年9月",
        string discharge = "2020年9月", string specialty = "汽车驾驶员", string education = "高中", string licence = "C1驾照",
        string certificates = "叉车证", string skills = "叉车", string district = "田家庵区", string seeking = "就业") =>
        $"{number},{name},男,{idNumber},{phone},{branch},{enlist},{discharge},上士,{specialty},{education},{licence},{certificates},{skills},{district},{seeking}";

    /// <param name="consentTextVersion">The consent text version the veterans signed on the form, sent as its form field.</param>
    public static Task<HttpResponseMessage> UploadRoster(this HttpClient client, byte[] file, string fileName, string query = "",
        string? mapping = null, string? consentTextVersion = null)
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
        if (consentTextVersion is not null)
        {
            form.Add(new StringContent(consentTextVersion), "consentTextVersion");
        }
        return client.PostAsync($"/api/veterans/imports{query}", form);
    }

    public static int RosterCount(this JsonElement batch, string name) => batch.GetProperty("counts").GetProperty(name).GetInt32();

    /// <summary>The admin's view of the profile holding this ID number, or null.</summary>
    public static async Task<VeteranAnswer?> ProfileByIdNumber(this HttpClient admin, string idNumber)
    {
        var page = await (await admin.GetAsync($"/api/veterans?idNumber={idNumber}")).Read<PageOf<VeteranSummaryAnswer>>();
        if (page.Items.Count == 0)
        {
            return null;
        }
        return await (await admin.GetAsync($"/api/veterans/{page.Items.Single().Id}")).Read<VeteranAnswer>();
    }

    public static string DataFile(string name) => RepositoryData.File("veterans", name);

    public static Task<HttpResponseMessage> Claim(this HttpClient veteran, string idNumber, string name, string code) =>
        veteran.PostAsJsonAsync("/api/veterans/me/claim", new { idNumber, name, code });

    /// <summary>Staff issue a claim code for a profile (admin) and return the answer.</summary>
    public static Task<HttpResponseMessage> IssueClaimCode(this HttpClient admin, Guid veteranId) =>
        admin.PostAsync($"/api/veterans/{veteranId}/claim-code", null);

    /// <summary>A new claim code for the roster profile holding this ID number, as staff hand it over.</summary>
    public static async Task<string> ClaimCodeFor(this HttpClient admin, string idNumber)
    {
        var profile = await admin.ProfileByIdNumber(idNumber) ?? throw new InvalidOperationException("no profile holds that ID number");
        var response = await admin.IssueClaimCode(profile.Id);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return PersonalData.Remember((await response.Read<ClaimCodeAnswer>()).Code);
    }
}
