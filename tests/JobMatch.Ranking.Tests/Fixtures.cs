using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Tests;

/// <summary>Hand-made veterans and openings whose features are known.</summary>
internal static class Fixtures
{
    public static readonly DateTime AsOf = new(2023, 3, 16, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A former storekeeper in 田家庵区 who declares forklift work.</summary>
    public static VeteranProfile Storekeeper(int? age = 30) => new(
        "V-1", "340403", EducationLevel.HighSchool, null, ["forklift"], ["仓库保管员"], ["C1", "叉车证"], 4500,
        ["仓储"], [OpeningKind.Job], "陆军退役，服役期间任仓库保管员，熟悉叉车和出入库管理。", age);

    public static Opening ForkliftJob(string id = "O-1", string district = "340403") => new(
        id, "叉车工", "仓储", OpeningKind.Job, district, EducationLevel.HighSchool, [], ["forklift", "warehouse_mgmt", "picking_packing"],
        ["叉车"], null, 5000, 6500, 5, 1, AsOf.AddDays(-3), "淮南顺通物流招聘叉车工。岗位职责：叉车装卸作业，仓库管理。任职要求：持叉车证。");

    public static Opening CookJob(string id = "O-2") => new(
        id, "厨师", "餐饮", OpeningKind.Job, "340422", EducationLevel.HighSchool, [], ["cooking_chinese", "pastry"],
        ["健康证"], null, 4000, 5000, 2, 0, AsOf.AddDays(-60), "食堂招聘厨师，负责中餐烹饪与面点制作。");

    public static Opening TruckJob(string licence = "A2") => new(
        "O-3", "货车司机", "物流运输", OpeningKind.Job, "340403", null, [], ["drive_truck"], [], licence,
        7000, 9000, 3, 0, AsOf.AddDays(-1), "招聘货车司机，跑干线运输。", MinAge: 22, MaxAge: 45);
}
