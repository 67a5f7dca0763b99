using JobMatch.Api.Companies;

namespace JobMatch.Api.Mentoring;

/// <summary>
/// The synthetic programme of the seed report's size: 31 mentors and 179 veteran-founded enterprises in Huainan's
/// districts, about five in six assigned, with sessions since. Fixed random seed, so every load gives the same people;
/// dates are relative to the day of loading. Every name carries （示例） and every row synthetic = true.
/// </summary>
sealed class DemoMentoringData
{
    public sealed record MentorSeed(Guid Id, string Name, string[] Expertise, string[] Industries, string District, int Capacity, bool Paused, string Phone);
    public sealed record EnterpriseSeed(Guid Id, string Name, string CreditCode, string FounderName, string FounderPhone, string Industry,
        string Stage, string District, int Employees, string[] Needs, bool DemonstrationBase);
    public sealed record AssignmentSeed(Guid Id, Guid MentorId, Guid EnterpriseId, DateOnly StartsOn, DateOnly? EndsOn, bool CoMentoring, string Reason, string? EndReason);
    public sealed record SessionSeed(Guid Id, Guid EnterpriseId, Guid MentorId, DateOnly HeldOn, decimal Hours, string Format, string[] Topics, string[] NeedsAddressed, string NextSteps);

    public const int MentorCount = 31;
    public const int EnterpriseCount = 179;

    // Industry → the needs its founders most often bring, and a name stem for the enterprise.
    static readonly (string Industry, string[] Needs, string[] Stems)[] Industries =
    [
        ("餐饮", ["marketing", "financing", "hiring", "management"], ["老兵饭庄", "军味小厨", "淮河鱼馆", "牛肉汤馆"]),
        ("物流运输", ["financing", "ecommerce", "management", "legal"], ["迅达物流", "八公山运输", "顺安货运", "铁军快运"]),
        ("农业种养", ["ecommerce", "technology", "financing", "policy"], ["寿州农庄", "瓦埠湖水产", "绿野果蔬", "正阳关种养"]),
        ("电子商务", ["marketing", "ecommerce", "accounting", "technology"], ["戎创电商", "豆腐之乡网货", "淮味优选", "老兵直播"]),
        ("建筑装修", ["legal", "financing", "hiring", "management"], ["钢铁装饰", "筑梦建工", "淮建装修", "八一装饰"]),
        ("机械制造", ["technology", "financing", "export", "hiring"], ["精工机械", "矿山配件", "鑫锐机电", "铸剑五金"]),
        ("汽车维修", ["marketing", "technology", "hiring", "legal"], ["老兵汽修", "驰骋汽车服务", "路安养护", "铁骑汽修"]),
        ("家政服务", ["hiring", "marketing", "legal", "policy"], ["军嫂家政", "暖心家政", "邻里帮"]),
        ("安保服务", ["legal", "hiring", "management", "policy"], ["卫士保安", "神盾安保", "长城安防"]),
        ("教育培训", ["marketing", "legal", "policy", "accounting"], ["强军驾校", "国防教育营地", "技能培训学校"]),
        ("新能源", ["technology", "financing", "policy", "export"], ["光伏科技", "新能储电", "绿电运维"]),
        ("商贸零售", ["ecommerce", "marketing", "accounting", "financing"], ["军需超市", "便民商行", "老兵粮油"]),
    ];

    static readonly string[] Surnames = ["张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"];
    static readonly string[] GivenNames = ["建国", "卫东", "志刚", "海军", "振华", "红兵", "国强", "立新", "永生", "晓东", "明亮", "德胜", "军", "勇", "伟", "磊", "鹏", "超", "俊杰", "春燕", "丽", "秀英", "建华", "保国", "兴邦"];
    // Districts weighted roughly by population: the city centre first.
    static readonly string[] DistrictDraw = ["340403", "340403", "340403", "340403", "340402", "340402", "340404", "340404", "340405", "340406", "340406", "340421", "340421", "340421", "340422", "340422", "340422", "340407", "340401", "340471"];
    static readonly string[] Formats = ["in_person", "in_person", "site_visit", "phone", "video"];

    readonly Random random = new(20230316);
    readonly DateOnly today;

    public DemoMentoringData(DateOnly today)
    {
        this.today = today;
        Mentors = Enumerable.Range(0, MentorCount).Select(MakeMentor).ToList();
        Enterprises = Enumerable.Range(0, EnterpriseCount).Select(MakeEnterprise).ToList();
        Assign();
    }

    public List<MentorSeed> Mentors { get; }
    public List<EnterpriseSeed> Enterprises { get; }
    public List<AssignmentSeed> Assignments { get; } = [];
    public List<SessionSeed> Sessions { get; } = [];

    T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    string[] PickSome(IReadOnlyList<string> items, int min, int max) =>
        items.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1)).ToArray();

    string Person() => Pick(Surnames) + Pick(GivenNames);

    string Phone() => "1" + Pick(["38", "39", "58", "59", "77", "80", "86", "89"]) + random.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    MentorSeed MakeMentor(int index)
    {
        var industries = PickSome(Industries.Select(i => i.Industry).ToList(), 2, 3);
        // Expertise leans on the needs of the industries the mentor knows, plus one general field.
        var expertise = industries.SelectMany(industry => Industries.First(i => i.Industry == industry).Needs.Take(2))
            .Append(Pick(Vocabulary.Needs.Keys.ToList())).Distinct().Take(4).ToArray();
        return new MentorSeed(Guid.CreateVersion7(), $"{Person()}（示例）", expertise, industries, Pick(DistrictDraw),
            Pick([5, 6, 6, 7, 7, 8]), Paused: index is 7 or 22, Phone());
    }

    EnterpriseSeed MakeEnterprise(int index)
    {
        var (industry, needs, stems) = Pick(Industries);
        var district = Pick(DistrictDraw);
        var stage = Pick(["idea", "started", "started", "started", "growing", "growing"]);
        var employees = stage switch { "idea" => random.Next(0, 3), "started" => random.Next(2, 15), _ => random.Next(10, 80) };
        var name = $"淮南{Pick(stems)}{index + 1:D3}有限公司（示例）";
        return new EnterpriseSeed(Guid.CreateVersion7(), name, CreditCodeFor(index), Person(), Phone(), industry, stage, district,
            employees, PickSome(needs, 1, 3), DemonstrationBase: stage == "growing" && random.Next(4) == 0);
    }

    /// <summary>A valid code (check character per GB 32100-2015) in Huainan's 3404 area, distinct per index.</summary>
    static string CreditCodeFor(int index)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var body = $"92340400MA8Q{index:D5}";
        var sum = body.Select((c, i) => alphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        var code = body + alphabet[(31 - sum % 31) % 31];
        return CreditCode.IsValid(code) ? code : throw new InvalidOperationException($"Generated an invalid credit code {code}.");
    }

    /// <summary>About five in six enterprises get a mentor among the better-fitting ones with room, as staff would pick.</summary>
    void Assign()
    {
        var load = Mentors.ToDictionary(m => m.Id, _ => 0);
        foreach (var enterprise in Enterprises.OrderBy(_ => random.Next()))
        {
            if (random.Next(6) == 0)
            {
                continue;
            }
            var traits = new EnterpriseTraits(enterprise.Id, enterprise.Needs, enterprise.Industry, enterprise.District);
            var candidates = Mentors.Where(m => !m.Paused && load[m.Id] < m.Capacity - 1)
                .OrderByDescending(m => MentorFit.Score(new MentorTraits(m.Id, m.Expertise, m.Industries, m.District), traits).Total)
                .Take(4).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }
            var mentor = Pick(candidates);
            load[mentor.Id]++;
            var startsOn = today.AddDays(-random.Next(20, 420));
            if (random.Next(12) == 0)
            {
                // An earlier mentor who handed over: history that has ended.
                var earlier = Pick(Mentors);
                var earlierStart = startsOn.AddDays(-random.Next(60, 200));
                Assignments.Add(new AssignmentSeed(Guid.CreateVersion7(), earlier.Id, enterprise.Id, earlierStart, startsOn,
                    false, "示例：按区县就近结对", "示例：导师工作调整，移交"));
                AddSessions(enterprise, earlier.Id, earlierStart, startsOn, diligence: 25);
            }
            // A few growing enterprises get a second mentor for a specialised need (co-mentoring counts for both).
            var partner = enterprise.Stage == "growing" && random.Next(8) == 0
                ? candidates.FirstOrDefault(m => m.Id != mentor.Id) : null;
            Assignments.Add(new AssignmentSeed(Guid.CreateVersion7(), mentor.Id, enterprise.Id, startsOn, null, partner is not null, "示例：专长与需求匹配", null));
            // Most mentors keep in touch every few weeks; a few let it slip, which the overdue view is for.
            AddSessions(enterprise, mentor.Id, startsOn, today, diligence: random.Next(5) == 0 ? 70 : 28);
            if (partner is not null)
            {
                load[partner.Id]++;
                Assignments.Add(new AssignmentSeed(Guid.CreateVersion7(), partner.Id, enterprise.Id, startsOn, null, true, "示例：共同辅导，补充专长", null));
                AddSessions(enterprise, partner.Id, startsOn.AddDays(7), today, diligence: 45);
            }
        }
    }

    void AddSessions(EnterpriseSeed enterprise, Guid mentorId, DateOnly from, DateOnly until, int diligence)
    {
        for (var day = from.AddDays(random.Next(3, 15)); day <= until; day = day.AddDays(random.Next(diligence / 2, diligence + 15)))
        {
            var addressed = PickSome(enterprise.Needs, 0, Math.Min(2, enterprise.Needs.Length));
            var topics = addressed.Select(need => Vocabulary.Needs[need].Zh + "辅导").DefaultIfEmpty("经营情况回访").ToArray();
            Sessions.Add(new SessionSeed(Guid.CreateVersion7(), enterprise.Id, mentorId, day, Pick([1m, 1.5m, 2m, 2m, 3m]),
                Pick(Formats), topics, addressed, "示例：下次回访跟进落实情况"));
        }
    }
}
