using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using JobMatch.ImportBench;

namespace JobMatch.Api.Tests.Fuzz;

/// <summary>A file for the importer fuzz: what it is (for the report) and its bytes.</summary>
public sealed record FuzzFile(string Name, byte[] Bytes);

/// <summary>
/// Spreadsheets for the importer fuzz: valid listings as UTF-8 and GBK CSV and as XLSX, then random bytes, mutations
/// of the valid files (flipped bytes, cuts, spliced chunks), and hand-made XLSX packages with hostile parts.
/// </summary>
public static class SpreadsheetFiles
{
    static SpreadsheetFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    const string Header = "单位名称,岗位名称,招聘人数,薪资待遇,学历要求,年龄要求,截止日期,联系电话,技能要求";

    static IEnumerable<string[]> Lines(int count) => Enumerable.Range(1, count).Select(i => new[]
    {
        $"淮南模糊测试{i % 7}有限公司", $"岗位{i}", (i % 5 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "4000-6000元/月", "高中",
        "18-45岁", "2030-04-30", "0554-1234567", "叉车、电工",
    });

    public static byte[] Utf8Csv(int rows = 20) => Encoding.UTF8.GetBytes(Csv(rows));

    public static byte[] GbkCsv(int rows = 20) => Encoding.GetEncoding("GBK").GetBytes(Csv(rows));

    static string Csv(int rows) => string.Join("\r\n", Lines(rows).Select(cells => string.Join(',', cells)).Prepend(Header)) + "\r\n";

    public static byte[] Xlsx(int rows = 20) =>
        XlsxWriter.Write(Lines(rows).Select(cells => cells.Cast<object?>().ToArray()).Prepend(Header.Split(',')), ["A2:A3"]);

    public static IEnumerable<FuzzFile> Valid() =>
        [new("valid UTF-8 CSV", Utf8Csv()), new("valid GBK CSV", GbkCsv()), new("valid XLSX", Xlsx())];

    /// <summary>Random bytes of several sizes, some behind a zip signature so that they reach the XLSX reader.</summary>
    public static IEnumerable<FuzzFile> Random(Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[random.Pick([0, 1, 3, 4, 17, 512, 4096, 65_536])];
            random.NextBytes(bytes);
            if (i % 2 == 1 && bytes.Length >= 4)
            {
                "PK\u0003\u0004"u8.CopyTo(bytes);
            }
            yield return new($"{bytes.Length} random bytes{(i % 2 == 1 && bytes.Length >= 4 ? " after PK\\3\\4" : "")}", bytes);
        }
    }

    /// <summary>The valid files with bytes flipped, cut at a random point, or a chunk copied elsewhere.</summary>
    public static IEnumerable<FuzzFile> Mutated(Random random, int perFile)
    {
        foreach (var valid in Valid())
        {
            for (var i = 0; i < perFile; i++)
            {
                var bytes = valid.Bytes.ToArray();
                var at = random.Next(bytes.Length);
                switch (i % 3)
                {
                    case 0:
                        var flips = random.Next(1, 9);
                        for (var f = 0; f < flips; f++)
                        {
                            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                        }
                        yield return new($"{valid.Name} with {flips} bits flipped (variant {i})", bytes);
                        break;
                    case 1:
                        yield return new($"{valid.Name} cut at byte {at}", bytes[..at]);
                        break;
                    default:
                        var length = random.Next(1, Math.Min(512, bytes.Length - at) + 1);
                        var to = random.Next(bytes.Length);
                        yield return new($"{valid.Name} with {length} bytes from {at} spliced in at {to}", [.. bytes[..to], .. bytes.AsSpan(at, length), .. bytes[to..]]);
                        break;
                }
            }
        }
    }

    /// <summary>Text that is hostile inside a cell, as CSV lines and as XLSX cells.</summary>
    public static IEnumerable<FuzzFile> HostileCells()
    {
        string[] cells =
        [
            "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "+SUM(1)", "@SUM(1)", "-1+1", "a\u0000b", "\u0000", "' OR 1=1 --",
            new string('长', 40_000), "\"unclosed", "a\"b", "\uFEFF", "\u202Eabc", "👩‍👩‍👧‍👦", "\r", "\n\n\n",
        ];
        foreach (var cell in cells)
        {
            var name = HostileInputs.Clip(cell, 30);
            var csvCell = "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var line = $"淮南模糊测试有限公司,{csvCell},3,{csvCell},高中,{csvCell},2030-04-30,0554-1234567,{csvCell}";
            yield return new($"UTF-8 CSV with cells {name}", Encoding.UTF8.GetBytes($"{Header}\r\n{line}\r\n"));
            if (!cell.Any(char.IsSurrogate))
            {
                yield return new($"GBK CSV with cells {name}", Encoding.GetEncoding("GB18030").GetBytes($"{Header}\r\n{line}\r\n"));
            }
            yield return new($"XLSX with cells {name}", Package(SheetXml(InlineRow(1, Header.Split(','))
                + InlineRow(2, "淮南模糊测试有限公司", cell, "3", cell, "高中", cell, "2030-04-30", "0554-1234567", cell))));
        }
        yield return new("CSV of one row with 100,000 columns", Encoding.UTF8.GetBytes(Header + "\r\n" + new string(',', 100_000) + "\r\n"));
        yield return new("CSV of 200,000 empty lines", Encoding.UTF8.GetBytes(Header + new string('\n', 200_000)));
        yield return new("CSV of one unclosed quote over 1 MB", Encoding.UTF8.GetBytes(Header + "\r\n\"" + new string('x', 1 << 20)));
        yield return new("CSV in UTF-16 with a lone surrogate", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Header + "\r\n淮南模糊测试有限公司,"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes(",3\r\n")]);
    }

    /// <summary>Hand-made XLSX packages: the parts an attacker controls, each hostile in one way.</summary>
    public static IEnumerable<FuzzFile> HostileXlsx(Random random)
    {
        var row = InlineRow(1, "单位名称", "岗位名称");
        string Sheet(string rows, string after = "") => SheetXml(row + rows, after);
        string Data(string a, string b) => $"""<row r="2"><c r="A2" t="inlineStr"><is><t>{a}</t></is></c><c r="B2" {b}</row>""";

        yield return new("XLSX with NUL and lone-surrogate character references", Package(Sheet(Data("&#0;公司&#xD800;", """t="inlineStr"><is><t>a&#0;b</t></is></c>"""))));
        yield return new("XLSX with a formula cell =cmd|", Package(Sheet(Data("淮南公司", """><f>cmd|' /C calc'!A0</f><v>=cmd|' /C calc'!A0</v></c>"""))));
        yield return new("XLSX with a shared-string index out of range", Package(Sheet(Data("淮南公司", """t="s"><v>2147483647</v></c>"""))));
        yield return new("XLSX with a negative shared-string index", Package(Sheet(Data("淮南公司", """t="s"><v>-1</v></c>""")), Shared("<si><t>x</t></si>")));
        yield return new("XLSX with cell references past the last column", Package(Sheet("""<row r="2"><c r="ZZZZZZZZZZZZ2"><v>1</v></c><c r="2"><v>1</v></c><c r="A"><v>1</v></c></row>""")));
        yield return new("XLSX with row numbers at the edges", Package(Sheet("""<row r="-1"><c><v>1</v></c></row><row r="2147483647"><c><v>1</v></c></row><row r="99999999999"><c><v>1</v></c></row>""")));
        yield return new("XLSX with a merge over the whole sheet", Package(Sheet(Data("淮南公司", """t="inlineStr"><is><t>电工</t></is></c>"""),
            """<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>""")));
        yield return new("XLSX with a merge to the last row number", Package(Sheet(Data("淮南公司", """t="inlineStr"><is><t>电工</t></is></c>"""),
            """<mergeCells><mergeCell ref="A1:A2147483647"/></mergeCells>""")));
        yield return new("XLSX with merges without column letters", Package(Sheet(Data("淮南公司", """t="inlineStr"><is><t>电工</t></is></c>"""),
            """<mergeCells><mergeCell ref="1:2"/><mergeCell ref="A2:A1"/><mergeCell ref=":"/><mergeCell ref="ZZZZZZZZZZZZ1:ZZZZZZZZZZZZ2"/></mergeCells>""")));
        yield return new("XLSX with 20,000 merges over 1,000 rows", Package(Sheet(
            string.Concat(Enumerable.Range(2, 1000).Select(r => $"""<row r="{r}"><c r="A{r}"><v>1</v></c></row>""")),
            "<mergeCells>" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"""<mergeCell ref="A2:CV1001"/>""")) + "</mergeCells>")));
        yield return new("XLSX with shared strings nested 100,000 deep", Package(Sheet(Data("淮南公司", """t="s"><v>0</v></c>""")),
            Shared("<si>" + string.Concat(Enumerable.Repeat("<r>", 100_000)) + "<t>x</t>" + string.Concat(Enumerable.Repeat("</r>", 100_000)) + "</si>")));
        yield return new("XLSX with a sheet nested 100,000 deep", Package(Sheet(string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000)))));
        yield return new("XLSX with a workbook nested 100,000 deep", Package(Sheet(""), workbookExtra: string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000))));
        yield return new("XLSX with a DTD and an entity", Package("""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>""" + Sheet(Data("&b;", "/>"))));
        yield return new("XLSX whose sheet is not XML", Package("\u0000\u0001 not xml <<<"));
        yield return new("XLSX with no workbook", Package(Sheet(""), withWorkbook: false));
        yield return new("XLSX whose workbook names a sheet that is not there", Package(Sheet(""), sheetTarget: "worksheets/missing.xml"));
        yield return new("XLSX whose workbook names its sheet by a part of the wrong content type", Package(Sheet(""), sheetTarget: "sharedStrings.xml"));
        yield return new("XLSX with content types that say it is a document", Package(Sheet(""), mainType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));
        yield return new("XLSX with 20,000 entries", Package(Sheet(""), extraEntries: 20_000));

        // Enormous shared strings: one string of 8 million characters (random blocks repeated, so that deflate keeps it
        // under the 200:1 ratio guard), and 200,000 distinct strings.
        var block = new char[16 * 1024];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = (char)('a' + random.Next(26));
        }
        var huge = new StringBuilder(8 << 20);
        while (huge.Length < 8 << 20)
        {
            huge.Append(block);
        }
        yield return new("XLSX with one shared string of 8 million characters", Package(Sheet(Data("淮南公司", """t="s"><v>0</v></c>""")), Shared($"<si><t>{huge}</t></si>")));
        yield return new("XLSX with 200,000 distinct shared strings", Package(Sheet(Data("淮南公司", """t="s"><v>199999</v></c>""")),
            Shared(string.Concat(Enumerable.Range(0, 200_000).Select(i => $"<si><t>s{i}</t></si>")))));

        // Declared sizes that lie: a 4 GiB entry, and a small one that inflates to 32 MiB.
        var valid = Xlsx();
        yield return new("XLSX whose sheet declares 4 GiB", WithDeclaredSize(valid, "xl/worksheets/sheet1.xml", uint.MaxValue));
        yield return new("XLSX whose sheet declares 1 KiB but inflates to 32 MiB", WithDeclaredSize(
            Package(Sheet("<row r=\"2\">" + new string(' ', 32 << 20) + "</row>")), "xl/worksheets/sheet1.xml", 1024));
    }

    public static string SheetXml(string rows, string after = "") =>
        $"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData>{after}</worksheet>""";

    /// <summary>A row of inline strings; characters XML cannot hold as text (a NUL) go in as character references.</summary>
    static string InlineRow(int number, params string[] cells) =>
        $"""<row r="{number}">""" + string.Concat(cells.Select((cell, i) =>
            $"""<c r="{XlsxWriter.Reference(i, (uint)number)}" t="inlineStr"><is><t>{XmlText(cell)}</t></is></c>""")) + "</row>";

    static string XmlText(string text) => string.Concat(text.Select(c => c switch
    {
        '&' => "&amp;", '<' => "&lt;", '>' => "&gt;",
        < ' ' => $"&#{(int)c};",
        _ => c.ToString(),
    }));

    public static string Shared(string items) =>
        $"""<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{items}</sst>""";

    /// <summary>A minimal XLSX: content types, relationships, a workbook naming one sheet, the sheet and optionally shared strings.</summary>
    public static byte[] Package(string sheetXml, string? sharedXml = null, string workbookExtra = "", bool withWorkbook = true,
        string sheetTarget = "worksheets/sheet1.xml", string mainType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        int extraEntries = 0)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
            Add("[Content_Types].xml", $"""
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="{mainType}"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
                """);
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            if (withWorkbook)
            {
                Add("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="岗位" sheetId="1" r:id="rId1"/></sheets>{workbookExtra}</workbook>""");
                Add("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{sheetTarget}"/>{(sharedXml is null ? "" : """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""")}</Relationships>""");
            }
            Add("xl/worksheets/sheet1.xml", sheetXml);
            if (sharedXml is not null)
            {
                Add("xl/sharedStrings.xml", sharedXml);
            }
            for (var i = 0; i < extraEntries; i++)
            {
                zip.CreateEntry($"x/{i}.bin", CompressionLevel.NoCompression);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The package with the uncompressed size of one entry rewritten in its local header and in the central directory.</summary>
    static byte[] WithDeclaredSize(byte[] zip, string entryName, uint size)
    {
        var bytes = zip.ToArray();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, Math.Min(name.Length, bytes.Length - i - 30)).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, Math.Min(name.Length, bytes.Length - i - 46)).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
            }
        }
        return bytes;
    }
}
