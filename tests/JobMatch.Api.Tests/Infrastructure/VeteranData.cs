using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Auth;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>Fresh, valid identifiers and profiles for veteran tests; names are unusual so a scan cannot meet them by chance.</summary>
public static class VeteranData
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string Rare = "甄郗隗靳琚龚昝璩濮邝裘麴蔺";

    static readonly string[] HuainanCodes = ["340403", "340402", "340404", "340405", "340406", "340421", "340422"];
    static int issued = Random.Shared.Next(0, 500);

    /// <summary>
    /// A valid ID number from Huainan (3404xx), born 1990-05-17 unless told, male unless told; never the same twice in a
    /// run (a random sequence number collided often enough to make profile creation answer 409 now and then).
    /// </summary>
    public static string NewIdNumber(bool male = true, string birth = "19900517")
    {
        var n = Interlocked.Increment(ref issued);
        var sequence = n % 500 * 2 + (male ? 1 : 0);
        var first17 = HuainanCodes[n / 500 % HuainanCodes.Length] + birth + sequence.ToString("000", CultureInfo.InvariantCulture);
        var sum = first17.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return PersonalData.Remember(first17 + "10X98765432"[sum % 11]);
    }

    public static string NewPhone() => PersonalData.Remember("139" + Random.Shared.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture));

    public static string NewName() => PersonalData.Remember(string.Concat(Enumerable.Range(0, 4).Select(_ => Rare[Random.Shared.Next(Rare.Length)])));

    public static object Consent(string kind, bool granted = true) => new { kind, granted, textVersion = "2026-11" };

    /// <summary>A full profile body; sensitive data with its consent, sharing and matching as asked.</summary>
    public static object Profile(string name, string idNumber, string phone, bool share = false, string[]? specialties = null, string[]? skills = null) => new
    {
        name,
        idNumber,
        phone,
        service = new { branch = "陆军", years = 5, dischargeYear = 2022, rank = "下士", specialties = specialties ?? ["汽车驾驶员"] },
        education = new { level = "大专", major = "汽车运用与维修" },
        certificates = new { licenceClasses = new[] { "A2", "C1" }, specialEquipment = new[] { "叉车司机" } },
        skills = skills ?? ["叉车、电焊", "會計"],
        homeDistrict = "田家庵区",
        preferences = new { districts = new[] { "340403", "大通区" }, industries = new[] { "物流运输" }, minMonthlySalary = 5000, seeking = new[] { "job" } },
        consents = new[] { Consent("sensitive_data"), Consent("automated_matching"), Consent("share_with_recruiters", share) },
    };

    public static HttpClient Veteran(this ApiFactory api, string subject) => api.ClientFor(Roles.Veteran, subject);

    /// <summary>Creates the caller's profile and returns it.</summary>
    public static async Task<JsonElement> CreateProfile(this HttpClient veteran, object profile)
    {
        var response = await veteran.PostAsJsonAsync("/api/veterans/me", profile);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
