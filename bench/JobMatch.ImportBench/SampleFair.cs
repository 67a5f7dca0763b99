using System.Text;

namespace JobMatch.ImportBench;

public sealed record SamplePosition(string Title, int Headcount, object HeadcountCell, string Education, string Majors, string Age,
    string Gender, string Salary, string Location, string Duties, string Skills, string Certificates);

public sealed record SampleCompany(string Name, string CreditCode, string Industry, string Contact, string Phone, List<SamplePosition> Positions);

/// <summary>
/// Synthetic job-fair listings shaped like the bureau's spreadsheets (see data/listings/README.md): a title row, Chinese
/// headers, the company cells merged over their positions, a totals row (a SUM formula) and a note. Deterministic for a
/// seed; exact company, position and opening totals. Every name, code and phone is invented.
/// </summary>
public static class SampleFair
{
    public const string Title = "淮南市退役军人网络专场招聘会岗位信息表（2023年3月16日）【合成示例数据 SYNTHETIC】";
    public const string Note = "注：本表为合成示例数据（synthetic），单位名称、信用代码和联系方式均为虚构。";

    public static readonly string[] Header =
        ["序号", "单位名称", "统一社会信用代码", "所属行业", "岗位名称", "招聘人数", "学历要求", "专业要求", "年龄要求", "性别要求",
         "薪资待遇", "工作地点", "岗位职责", "技能要求", "证书要求", "联系人", "联系电话"];

    static readonly int[] CompanyColumns = [0, 1, 2, 3, 15, 16];

    sealed record Industry(string Name, string[] Words, string[] Titles, string[] Skills, string[] Certificates, int BaseSalary, string Majors);

    static readonly Industry[] Industries =
    [
        new("采矿与能源", ["煤业", "能源", "矿山机械", "电力工程", "洗选煤"], ["井下电工", "采煤机司机", "综采维修工", "安全检查员", "矿用车辆驾驶员", "变电站值班员", "通风工"], ["电气维修", "设备巡检", "安全生产"], ["特种作业操作证（低压电工）", "煤矿安全作业证"], 6000, "机电一体化、采矿工程"),
        new("医药制造", ["药业", "制药", "生物科技", "医药"], ["药品生产操作工", "质量检验员", "仓库管理员", "设备维修工", "医药代表", "灭菌操作员"], ["GMP", "质量检测", "设备操作"], ["健康证"], 4500, "药学、化学制药"),
        new("新材料", ["新材料科技", "化工材料", "复合材料", "高分子材料"], ["化工操作工", "实验员", "设备技术员", "叉车司机", "中控操作员", "安全员"], ["化工操作", "DCS", "设备维护"], ["叉车证"], 5000, "应用化工技术、材料工程"),
        new("物流", ["物流", "供应链管理", "运输", "仓储服务"], ["货车司机", "仓储管理员", "调度员", "快递分拣员", "叉车司机", "配送员"], ["驾驶", "仓储管理", "调度"], ["A2驾驶证", "B2驾驶证", "叉车证"], 5000, "物流管理"),
        new("建筑", ["建设工程", "建筑安装", "市政工程", "路桥工程"], ["施工员", "安全员", "电焊工", "测量员", "塔吊司机", "资料员"], ["施工管理", "焊接", "测量"], ["焊工证", "高处作业证", "起重机操作证"], 5500, "土木工程、建筑工程技术"),
        new("保安服务", ["保安服务", "安保服务", "安防科技"], ["保安员", "保安队长", "押运员", "监控员", "消防控制室值班员", "巡逻队员"], ["安全防范", "消防设施", "应急处置"], ["保安员证"], 3500, "不限"),
        new("物业管理", ["物业管理", "物业服务", "城市服务"], ["物业管理员", "水电维修工", "保洁主管", "客服专员", "绿化工", "停车场管理员"], ["水电维修", "客户服务", "设施管理"], ["特种作业操作证（低压电工）"], 3500, "物业管理"),
        new("制造业", ["机械制造", "电子科技", "汽车零部件", "装备制造"], ["数控车工", "装配工", "质检员", "机修钳工", "电工", "焊工", "仓管员"], ["数控编程", "机械装配", "质量检测"], ["特种作业操作证（低压电工）", "焊工证"], 4800, "机械制造与自动化、数控技术"),
        new("零售", ["商贸", "超市", "百货", "连锁商业"], ["门店店长", "收银员", "理货员", "导购", "生鲜主管", "采购员"], ["门店管理", "收银", "商品陈列"], ["健康证"], 3500, "市场营销"),
        new("餐饮", ["餐饮管理", "酒店管理", "食品"], ["厨师", "配菜员", "服务员", "餐厅主管", "面点师", "采购专员"], ["烹饪", "食品安全", "服务礼仪"], ["健康证"], 4000, "烹饪工艺与营养"),
    ];

    static readonly string[] Words = ["金泰", "华宇", "恒通", "顺达", "新源", "瑞丰", "皖淮", "东辰", "鼎盛", "宏图", "泰和", "众诚", "安邦", "永安", "天和", "锦程", "舜耕", "淮河", "八公", "寿春", "凤凰", "龙湖", "洞山", "上窑", "楚韵", "广益", "合力", "远航", "润达", "嘉禾", "正阳", "长丰", "汇通", "德润", "昌盛", "鑫源"];
    static readonly string[] Places = ["田家庵区洞山路", "田家庵区朝阳路", "大通区大通街道", "谢家集区望峰岗", "八公山区新庄孜", "潘集区潘集镇", "凤台县城关镇", "寿县寿春镇", "毛集实验区毛集镇", "经济技术开发区", "高新区山南新区"];
    static readonly string[] Forms = ["有限公司", "有限公司", "有限责任公司", "股份有限公司"];
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    static readonly string[] Educations = ["不限", "初中及以上", "高中/中专及以上", "大专及以上", "本科及以上"];
    static readonly string[] Ages = ["18-45岁", "45岁以下", "不限", "20-50周岁", "18-40岁"];
    const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Exactly <paramref name="companies"/> companies, <paramref name="positions"/> positions and <paramref name="openings"/> openings.</summary>
    public static List<SampleCompany> Generate(int companies, int positions, int openings, int seed)
    {
        var random = new Random(seed);
        var perCompany = Spread(random, companies, positions, 1, 12);
        var headcounts = Spread(random, positions, openings, 1, 30);
        var names = new HashSet<string>();
        var result = new List<SampleCompany>();
        var p = 0;
        for (var c = 0; c < companies; c++)
        {
            var industry = Industries[random.Next(Industries.Length)];
            string name;
            do
            {
                name = Words[random.Next(Words.Length)] + Words[random.Next(Words.Length)] + industry.Words[random.Next(industry.Words.Length)];
            }
            while (!names.Add(name));
            name = (random.Next(3) == 0 ? "安徽" : "淮南") + name + Forms[random.Next(Forms.Length)];
            var list = new List<SamplePosition>();
            for (var i = 0; i < perCompany[c]; i++, p++)
            {
                var title = industry.Titles[i % industry.Titles.Length] + (i >= industry.Titles.Length ? $"（{i / industry.Titles.Length + 1}班组）" : "");
                list.Add(Position(random, industry, title, headcounts[p]));
            }
            result.Add(new SampleCompany(name, CreditCode(random), industry.Name, Surnames[random.Next(Surnames.Length)] + (random.Next(2) == 0 ? "先生" : "女士"),
                "0554-6" + random.Next(100000, 999999), list));
        }
        return result;
    }

    static SamplePosition Position(Random random, Industry industry, string title, int headcount)
    {
        var low = industry.BaseSalary + random.Next(0, 6) * 500;
        var high = low + 1000 + random.Next(0, 5) * 500;
        var salary = random.Next(10) switch
        {
            0 => $"{low / 1000.0:0.#}k-{high / 1000.0:0.#}k",
            1 => $"{low}元以上",
            2 => "面议",
            3 => $"年薪{high * 12 / 10000}万",
            4 => $"{low}+提成",
            5 => FullWidth($"{low}-{high}元"),
            _ => $"{low}-{high}元/月",
        };
        object headcountCell = random.Next(4) switch { 0 => $"{headcount}人", 1 => FullWidth($"{headcount}"), _ => headcount };
        var gender = industry.Name == "保安服务" && random.Next(3) == 0 ? "男" : "不限";
        var skills = string.Join("、", industry.Skills.OrderBy(_ => random.Next()).Take(random.Next(1, industry.Skills.Length + 1)));
        var certificate = random.Next(2) == 0 ? industry.Certificates[random.Next(industry.Certificates.Length)] : "";
        return new SamplePosition(title, headcount, headcountCell, Educations[random.Next(Educations.Length)], industry.Majors,
            Ages[random.Next(Ages.Length)], gender, salary, Places[random.Next(Places.Length)],
            $"负责{title}相关工作，服从班组安排，遵守安全规程。退役军人优先。", skills, certificate);
    }

    /// <summary>Splits total into count parts, each between min and max.</summary>
    static int[] Spread(Random random, int count, int total, int min, int max)
    {
        var parts = Enumerable.Repeat(min, count).ToArray();
        for (var left = total - min * count; left > 0;)
        {
            var i = random.Next(count);
            if (parts[i] < max)
            {
                parts[i]++;
                left--;
            }
        }
        return parts;
    }

    public static string CreditCode(Random random)
    {
        var body = "9134040" + random.Next(1, 7) + string.Concat(Enumerable.Range(0, 9).Select(_ => Alphabet[random.Next(Alphabet.Length)]));
        var sum = body.Select((ch, i) => Alphabet.IndexOf(ch, StringComparison.Ordinal) * Weights[i]).Sum();
        return body + Alphabet[(31 - sum % 31) % 31];
    }

    static string FullWidth(string text) => new([.. text.Select(ch => ch is >= '0' and <= '9' ? (char)(ch + 0xFEE0) : ch)]);

    /// <summary>The sheet's rows: title, header, data (company cells only on a company's first row), totals, note.</summary>
    public static List<object?[]> Rows(List<SampleCompany> companies, bool totalsAsFormula)
    {
        var rows = new List<object?[]> { Pad([Title]), Header };
        var index = 0;
        foreach (var company in companies)
        {
            index++;
            for (var i = 0; i < company.Positions.Count; i++)
            {
                var p = company.Positions[i];
                var first = i == 0;
                rows.Add([first ? index : null, first ? company.Name : null, first ? company.CreditCode : null, first ? company.Industry : null,
                    p.Title, p.HeadcountCell, p.Education, p.Majors, p.Age, p.Gender, p.Salary, p.Location, p.Duties, p.Skills,
                    p.Certificates.Length > 0 ? p.Certificates : null, first ? company.Contact : null, first ? company.Phone : null]);
            }
        }
        var openings = companies.Sum(c => c.Positions.Sum(p => p.Headcount));
        var totals = Pad(["合计", $"{companies.Count}家单位", null, null, $"{companies.Sum(c => c.Positions.Count)}个岗位"]);
        totals[5] = totalsAsFormula ? new FormulaCell($"SUM(F3:F{rows.Count})", openings.ToString(System.Globalization.CultureInfo.InvariantCulture)) : openings;
        rows.Add(totals);
        rows.Add(Pad([Note]));
        return rows;
    }

    static object?[] Pad(object?[] cells)
    {
        var row = new object?[Header.Length];
        cells.CopyTo(row, 0);
        return row;
    }

    /// <summary>The XLSX: title merged across the columns, company cells merged over their positions.</summary>
    public static byte[] ToXlsx(List<SampleCompany> companies)
    {
        var merges = new List<string> { $"A1:{XlsxWriter.Reference(Header.Length - 1, 1)}" };
        uint row = 3;
        foreach (var company in companies)
        {
            var last = row + (uint)company.Positions.Count - 1;
            if (last > row)
            {
                merges.AddRange(CompanyColumns.Select(column => $"{XlsxWriter.Reference(column, row)}:{XlsxWriter.Reference(column, last)}"));
            }
            row = last + 1;
        }
        return XlsxWriter.Write(Rows(companies, totalsAsFormula: true), merges);
    }

    /// <summary>The same sheet as CSV (as Excel exports it: merged cells leave the continuation rows blank).</summary>
    public static byte[] ToCsv(List<SampleCompany> companies, Encoding encoding)
    {
        var text = new StringBuilder();
        foreach (var row in Rows(companies, totalsAsFormula: false))
        {
            text.AppendJoin(',', row.Select(cell => Quote(cell switch { null => "", FormulaCell f => f.CachedValue, _ => Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture)! })));
            text.Append("\r\n");
        }
        return encoding.GetBytes(text.ToString());
    }

    static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
