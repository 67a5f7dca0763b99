using System.Globalization;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Veterans;

/// <summary>One synthetic veteran, ready to write: ID number in clear here only, encrypted by the seeder.</summary>
sealed record SyntheticVeteran(
    Guid Id, string Name, string Gender, DateOnly BirthDate, string IdNumber, string Phone, string Branch, int ServiceYears, int DischargeYear,
    string Rank, string Specialty, string EducationLevel, string? Major, string[] LicenceClasses, string[] SpecialOperations,
    string[] SpecialEquipment, string[] OtherCertificates, string HomeDistrict, string[] PreferredDistricts, string[] PreferredIndustries,
    int MinMonthlySalary, string[] Seeking, string Status, string[] StatedSkills, bool SharesWithRecruiters, bool AllowsMatching);

/// <summary>
/// Made-up veterans of Huainan with plausible proportions (mostly army, two-year conscripts, senior-high education,
/// the populous districts) — not statistics. Names come from common surnames and given-name characters; ID numbers
/// carry real Huainan address codes and correct check characters but belong to nobody known.
/// </summary>
static class SyntheticVeterans
{
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎"];
    static readonly string[] MaleGiven = ["伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩", "凯", "健", "俊", "帅", "龙", "林", "峰", "建", "国", "志", "文", "海", "东", "亮", "成"];
    static readonly string[] FemaleGiven = ["静", "丽", "娟", "敏", "艳", "芳", "婷", "雪", "慧", "玲", "琳", "倩", "颖", "洁", "欣", "悦", "晨", "佳", "楠", "月"];

    // Address codes of the real districts and counties, weighted roughly by population.
    static readonly (string Code, int Weight)[] Districts =
        [("340403", 30), ("340402", 8), ("340404", 12), ("340405", 5), ("340406", 10), ("340421", 18), ("340422", 17)];

    static readonly (string Code, int Weight)[] Branches =
        [("army", 60), ("armed_police", 14), ("air_force", 9), ("navy", 8), ("rocket_force", 5), ("joint_logistics", 3), ("strategic_support", 1)];

    static readonly Dictionary<string, (string Specialty, int Weight)[]> SpecialtiesByBranch = new()
    {
        ["army"] = [("步兵", 20), ("汽车驾驶员", 18), ("炊事员", 8), ("通信员", 6), ("卫生员", 5), ("装备维修", 5), ("工程兵", 5), ("侦察", 4), ("炮兵", 5),
                    ("仓库保管员", 4), ("文书", 3), ("电工", 3), ("坦克驾驶员", 3), ("装甲车驾驶员", 3), ("汽车修理工", 3), ("工程机械操作手", 2), ("无人机操作手", 2), ("班长", 3), ("防化兵", 1), ("测绘兵", 1)],
        ["armed_police"] = [("武警战士", 35), ("哨兵", 15), ("警卫", 12), ("防暴队员", 8), ("汽车驾驶员", 10), ("炊事员", 7), ("特种兵", 5), ("军犬训导员", 3), ("消防员", 5)],
        ["air_force"] = [("航空机务", 25), ("雷达操作", 15), ("航空油料员", 10), ("汽车驾驶员", 15), ("空降兵", 10), ("气象兵", 5), ("警卫", 10), ("炊事员", 10)],
        ["navy"] = [("舰艇轮机兵", 25), ("水手", 20), ("舰艇电工", 15), ("声呐兵", 8), ("炊事员", 10), ("潜水员", 5), ("船艇驾驶员", 7), ("雷达操作", 10)],
        ["rocket_force"] = [("导弹操作号手", 35), ("发电员", 15), ("汽车驾驶员", 15), ("牵引车驾驶员", 10), ("测绘兵", 10), ("炊事员", 10), ("空调制冷员", 5)],
        ["joint_logistics"] = [("仓库保管员", 25), ("油料保管员", 15), ("汽车驾驶员", 20), ("卫生员", 10), ("药剂员", 8), ("护士", 7), ("装卸员", 8), ("军需员", 7)],
        ["strategic_support"] = [("网络维护员", 30), ("计算机操作员", 25), ("卫星通信兵", 20), ("电子对抗兵", 15), ("机要员", 10)],
    };

    static readonly (int Years, string Rank, int Weight)[] Terms =
        [(2, "上等兵", 50), (5, "下士", 20), (8, "中士", 12), (12, "上士", 10), (16, "四级军士长", 6), (20, "三级军士长", 2)];

    static readonly (string Level, int Weight)[] Education =
        [("junior_high_or_below", 12), ("senior_high", 45), ("junior_college", 30), ("bachelor", 12), ("master", 1)];

    static readonly string[] Majors = ["机电一体化", "汽车运用与维修", "计算机应用", "电气自动化", "会计", "物流管理", "护理", "药学", "市场营销", "建筑工程技术", "化学工程", "采矿工程"];
    static readonly string[] Industries = ["煤炭", "电力能源", "医药制造", "新材料", "物流运输", "建筑施工", "安保服务", "餐饮", "制造业", "信息技术", "商贸零售", "物业管理"];

    public static IEnumerable<SyntheticVeteran> Generate(int count, ReferenceData data, int thisYear, int seed = 20261129)
    {
        var random = new Random(seed);
        var idNumbers = new HashSet<string>();
        var phones = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var gender = random.NextDouble() < 0.08 ? "female" : "male";
            var name = Pick(random, Surnames) + string.Concat(Enumerable.Range(0, random.NextDouble() < 0.7 ? 2 : 1)
                .Select(_ => Pick(random, gender == "male" ? MaleGiven : FemaleGiven)));
            var branch = Weighted(random, Branches);
            var specialty = Weighted(random, SpecialtiesByBranch[branch]);
            var (years, rank, _) = Terms[WeightedIndex(random, Terms.Select(t => t.Weight).ToArray())];
            var discharge = thisYear - (int)Math.Floor(Math.Pow(random.NextDouble(), 1.6) * 15);
            var birth = new DateOnly(discharge - years - random.Next(18, 21), random.Next(1, 13), random.Next(1, 29));
            var birthplace = Weighted(random, Districts);
            string idNumber;
            do
            {
                var sequence = random.Next(0, 500) * 2 + (gender == "male" ? 1 : 0);
                var first17 = birthplace + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
                idNumber = first17 + ResidentId.CheckCharacter(first17);
            }
            while (!idNumbers.Add(idNumber));
            string phone;
            do
            {
                phone = Pick(random, ["13", "15", "17", "18", "19"]) + random.Next(0, 10) + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
            }
            while (!phones.Add(phone));
            var home = random.NextDouble() < 0.8 ? birthplace : Weighted(random, Districts);
            var education = Weighted(random, Education);
            var drives = specialty.Contains("驾驶", StringComparison.Ordinal);
            string[] licences = drives ? [random.NextDouble() < 0.6 ? "A2" : "B2"] : random.NextDouble() < 0.6 ? ["C1"] : [];
            var stated = data.Skills.Taxonomy.Skills.Where(_ => random.NextDouble() < 0.006).Select(s => s.NameZh).Take(3).ToArray();
            yield return new SyntheticVeteran(Guid.CreateVersion7(), name, gender, birth, idNumber, phone, branch, years, discharge, rank, specialty,
                education, education is "junior_college" or "bachelor" or "master" ? Pick(random, Majors) : null, licences,
                Certificates(random, specialty, ["电工", "发电员", "舰艇电工", "营房水电工"], "低压电工作业", 0.7)
                    .Concat(Certificates(random, specialty, ["装备维修", "汽车修理工", "工程兵"], "焊工作业", 0.2)).ToArray(),
                Certificates(random, specialty, ["仓库保管员", "装卸员", "油料保管员", "军需员"], "叉车司机", 0.5),
                Certificates(random, specialty, ["武警战士", "哨兵", "警卫", "防暴队员", "步兵"], "保安员证", 0.3)
                    .Concat(Certificates(random, specialty, ["炊事员", "面点员"], "健康证", 0.8)).ToArray(),
                home, random.NextDouble() < 0.3 ? [home, Weighted(random, Districts)] : [home],
                [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(random, Industries)).Distinct()],
                3000 + random.Next(0, 11) * 500,
                [.. new[] { ("job", 0.85), ("training", 0.25), ("entrepreneurship", 0.1) }.Where(s => random.NextDouble() < s.Item2).Select(s => s.Item1).DefaultIfEmpty("job")],
                Weighted(random, [("seeking", 60), ("employed", 30), ("training", 5), ("not_seeking", 5)]),
                stated, random.NextDouble() < 0.75, random.NextDouble() < 0.9);
        }
    }

    static string[] Certificates(Random random, string specialty, string[] specialties, string certificate, double chance) =>
        specialties.Contains(specialty) && random.NextDouble() < chance ? [certificate] : [];

    static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    static string Weighted(Random random, (string Value, int Weight)[] items) =>
        items[WeightedIndex(random, items.Select(i => i.Weight).ToArray())].Value;

    static int WeightedIndex(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}
