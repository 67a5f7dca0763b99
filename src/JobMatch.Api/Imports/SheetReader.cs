using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace JobMatch.Api.Imports;

/// <summary>One row as the spreadsheet numbers it (1-based), its cells by column index.</summary>
public sealed record SheetRow(int Number, string?[] Cells);

public sealed record Sheet(string Format, string? Encoding, IReadOnlyList<SheetRow> Rows);

/// <summary>A file that cannot be read at all (as opposed to rows with problems): answered 422.</summary>
public sealed class UnreadableFileException(string message) : Exception(message);

/// <summary>
/// Reads a CSV (UTF-8, UTF-8 with BOM, GBK/GB18030, detected) or the first worksheet of an XLSX into rows. Formula
/// cells give their cached value and are never evaluated; vertically merged cells are filled down (see <see cref="XlsxReader"/>).
/// </summary>
public static class SheetReader
{
    public const int MaxColumns = 100;

    /// <summary>Excel's own limit on the characters of a cell: a file with a longer one was not written by Excel, and is refused.</summary>
    public const int MaxCellCharacters = 32_767;

    /// <summary>Text runs (pieces of rich text, each &lt;t&gt;) in one cell or shared string: real formatting uses a handful.</summary>
    public const int MaxRunsPerCell = 1_000;

    /// <param name="ct">The request's: reading stops when the caller goes away.</param>
    public static Sheet Read(byte[] file, ImportOptions options, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var isZip = file.Length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
        return isZip ? XlsxReader.Read(file, options, ct) : ReadCsv(file, options, ct);
    }

    static Sheet ReadCsv(byte[] file, ImportOptions options, CancellationToken ct)
    {
        var (text, encoding) = Decode(file);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", "\t", ";"],
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var parser = new CsvParser(new StringReader(text), configuration);
        var rows = new List<SheetRow>();
        while (parser.Read())
        {
            if (rows.Count >= options.MaxRows)
            {
                throw TooManyRows(options);
            }
            ct.ThrowIfCancellationRequested();
            var record = parser.Record ?? [];
            for (var c = 0; c < record.Length; c++)
            {
                if (record[c].Length > MaxCellCharacters)
                {
                    throw CellTooLong(Cell(c, parser.Row));
                }
            }
            rows.Add(new SheetRow(parser.Row, record.Length > MaxColumns ? record[..MaxColumns] : record));
        }
        return new Sheet("csv", encoding, rows);
    }

    /// <summary>A BOM decides; otherwise strict UTF-8, and GB18030 (a superset of GBK) when that fails.</summary>
    public static (string Text, string Encoding) Decode(byte[] file)
    {
        if (file.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8.GetString(file, 3, file.Length - 3), "utf-8-bom");
        }
        if (file.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(file, 2, file.Length - 2), "utf-16le");
        }
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding("GB18030").GetString(file), "gb18030");
        }
    }

    internal static UnreadableFileException Bomb() => new(Conventions.Say.Text(
        "XLSX 文件解压后过大或压缩比异常，拒绝读取。", "The XLSX file expands too much when unpacked; it was refused."));

    internal static UnreadableFileException Unreadable() => new(Conventions.Say.Text(
        "无法读取该文件：请上传 CSV 或 XLSX。", "The file cannot be read: upload a CSV or an XLSX."));

    /// <summary>A cell as a spreadsheet names it: column letters (A, B, ... Z, AA) and the row number.</summary>
    public static string CellName(int column, int row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"The cell B2" in a message, both languages.</summary>
    internal static (string Chinese, string English) Cell(int column, int row) =>
        ($"单元格 {CellName(column, row)} ", $"cell {CellName(column, row)}");

    internal static UnreadableFileException CellTooLong((string Chinese, string English) where) => new(Conventions.Say.Text(
        $"{where.Chinese}超过 {MaxCellCharacters} 个字符（Excel 单元格的上限）：拒绝读取该文件。",
        $"The {where.English} holds more than {MaxCellCharacters} characters (the limit of an Excel cell): the file was refused."));

    internal static UnreadableFileException TooManyRuns((string Chinese, string English) where) => new(Conventions.Say.Text(
        $"{where.Chinese}由超过 {MaxRunsPerCell} 段文本组成：拒绝读取该文件。",
        $"The {where.English} is made of more than {MaxRunsPerCell} runs of text: the file was refused."));

    internal static UnreadableFileException TooManyRows(ImportOptions options) => new(Conventions.Say.Text(
        $"文件超过 {options.MaxRows} 行的上限。", $"The file has more than the limit of {options.MaxRows} rows."));
}
