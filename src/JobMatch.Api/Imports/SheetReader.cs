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

    public static Sheet Read(byte[] file, ImportOptions options)
    {
        var isZip = file.Length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
        return isZip ? XlsxReader.Read(file, options) : ReadCsv(file, options);
    }

    static Sheet ReadCsv(byte[] file, ImportOptions options)
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
            var record = parser.Record ?? [];
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

    internal static UnreadableFileException TooManyRows(ImportOptions options) => new(Conventions.Say.Text(
        $"文件超过 {options.MaxRows} 行的上限。", $"The file has more than the limit of {options.MaxRows} rows."));
}
