using System.Text;
using JobMatch.Api.Imports;
using JobMatch.Api.Tests.Fuzz;

namespace JobMatch.Api.Tests.Imports;

/// <summary>
/// What reading a spreadsheet may cost, without a clock: work proportional to the file (measured as bytes allocated on the
/// reading thread, which a quadratic join of text runs multiplies), and Excel's own cap of 32,767 characters per cell.
/// </summary>
public sealed class SpreadsheetCostTests
{
    static SpreadsheetCostTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    static readonly string Run30 = new('运', 30);

    static string Header => Row(1, "单位名称", "<t>岗位名称</t>");

    /// <summary>A row of two inline strings: A's text, and B's runs as given.</summary>
    static string Row(int r, string company, string runs) =>
        $"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{company}</t></is></c><c r="B{r}" t="inlineStr"><is>{runs}</is></c></row>""";

    static string Runs(int runs, string text) => string.Concat(Enumerable.Repeat($"<r><t>{text}</t></r>", runs));

    /// <summary>Rows 2.. with a company in A and, in B, an inline string of the given runs.</summary>
    static byte[] InlineRuns(int rows, int runs, string text) => SpreadsheetFiles.Package(SpreadsheetFiles.SheetXml(Header + string.Concat(
        Enumerable.Range(2, rows).Select(r => Row(r, "淮南公司", Runs(runs, text))))));

    /// <summary>The same through the shared strings: each row's B names its own rich-text item.</summary>
    static byte[] SharedRuns(int rows, int runs, string text) => SpreadsheetFiles.Package(
        SpreadsheetFiles.SheetXml(Header + string.Concat(Enumerable.Range(2, rows).Select(r =>
            $"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>淮南公司</t></is></c><c r="B{r}" t="s"><v>{r - 2}</v></c></row>"""))),
        SpreadsheetFiles.Shared(string.Concat(Enumerable.Range(0, rows).Select(_ => $"<si>{Runs(runs, text)}</si>"))));

    static long Allocated(byte[] file)
    {
        SheetReader.Read(file, new ImportOptions()); // warm: the first read also pays for loading and compiling
        var before = GC.GetAllocatedBytesForCurrentThread();
        SheetReader.Read(file, new ImportOptions());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void DoublingTheRunsOfInlineStringsAtMostAboutDoublesTheWork()
    {
        var (single, doubled) = (Allocated(InlineRuns(4, 500, Run30)), Allocated(InlineRuns(4, 1000, Run30)));
        Assert.True(doubled <= 2.5 * single, $"500 runs a cell: {single:N0} bytes allocated; 1,000 runs: {doubled:N0}");
    }

    [Fact]
    public void DoublingTheRunsOfSharedRichTextAtMostAboutDoublesTheWork()
    {
        var (single, doubled) = (Allocated(SharedRuns(4, 500, Run30)), Allocated(SharedRuns(4, 1000, Run30)));
        Assert.True(doubled <= 2.5 * single, $"500 runs a string: {single:N0} bytes allocated; 1,000 runs: {doubled:N0}");
    }

    [Fact]
    public void ACellOfExcelsMaximumIsReadAndOneCharacterMoreRefusesTheFileNamingTheCell()
    {
        var full = new string('长', SheetReader.MaxCellCharacters);
        Assert.Equal(full, SheetReader.Read(InlineRuns(1, 1, full), new ImportOptions()).Rows[1].Cells[1]);
        Assert.Equal(full, SheetReader.Read(SharedRuns(1, 1, full), new ImportOptions()).Rows[1].Cells[1]);
        Assert.Equal(full, SheetReader.Read(Encoding.UTF8.GetBytes($"单位名称,岗位名称\r\n淮南公司,{full}\r\n"), new ImportOptions()).Rows[1].Cells[1]);

        var over = full + "长";
        foreach (var (file, where) in new[]
        {
            (InlineRuns(1, 1, over), "B2"), (InlineRuns(1, 2, full[..16_384]), "B2"), (SharedRuns(1, 1, over), "1"),
            (Encoding.UTF8.GetBytes($"单位名称,岗位名称\r\n淮南公司,{over}\r\n"), "B2"),
            (Encoding.GetEncoding("GBK").GetBytes($"单位名称,岗位名称\r\n淮南公司,\"{over}\"\r\n"), "B2"),
        })
        {
            var refused = Assert.Throws<UnreadableFileException>(() => SheetReader.Read(file, new ImportOptions()));
            Assert.Contains("32767", refused.Message, StringComparison.Ordinal);
            Assert.Contains(where, refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheThreeKilobyteFileOfOneHundredThirtyOneThousandRunsIsRefusedAtTheRunCap()
    {
        // The attack: <t>a</t> 131,000 times in one inline string, 3 KB at the best compression (13 KB at the fastest, as
        // here), 45 s of CPU when runs were concatenated one by one.
        var attack = SpreadsheetFiles.Package(SpreadsheetFiles.SheetXml(Header
            + Row(2, "淮南公司", string.Concat(Enumerable.Repeat("<t>a</t>", 131_000)))));
        Assert.True(attack.Length < 16 * 1024, $"{attack.Length} bytes");
        var refused = Assert.Throws<UnreadableFileException>(() => SheetReader.Read(attack, new ImportOptions()));
        Assert.Contains("B2", refused.Message, StringComparison.Ordinal);

        // Empty runs add no characters: the run cap stops them (the last run allowed, then one more).
        Assert.Equal("", SheetReader.Read(InlineRuns(1, SheetReader.MaxRunsPerCell, ""), new ImportOptions()).Rows[1].Cells[1] ?? "");
        var oneRunTooMany = SheetReader.MaxRunsPerCell + 1;
        Assert.Throws<UnreadableFileException>(() => SheetReader.Read(InlineRuns(1, oneRunTooMany, ""), new ImportOptions()));
        Assert.Throws<UnreadableFileException>(() => SheetReader.Read(SharedRuns(1, oneRunTooMany, ""), new ImportOptions()));
    }

    [Fact]
    public void AParseStopsWhenItsRequestIsCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => SheetReader.Read(SpreadsheetFiles.Utf8Csv(), new ImportOptions(), cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => XlsxReader.Read(SpreadsheetFiles.Xlsx(), new ImportOptions(), cancelled.Token));

        // Cancelled midway, as when the client goes away, the row loop stops at its next check.
        using var midway = new CancellationTokenSource();
        var reported = 0;
        var file = SpreadsheetFiles.Utf8Csv(5000);
        Assert.Throws<OperationCanceledException>(() => ImportRunner.Parse(file, null, new ImportOptions(), (done, _) =>
        {
            reported = done;
            if (done >= 1000)
            {
                midway.Cancel();
            }
        }, midway.Token));
        Assert.Equal(1000, reported);
    }
}
