using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace JobMatch.Api.Imports;

/// <summary>The first worksheet of an XLSX as rows: formula cells give their cached value, merged ranges are filled down.</summary>
static class XlsxReader
{
    public static Sheet Read(byte[] file, ImportOptions options, CancellationToken ct)
    {
        CheckZip(file, options);
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(file, writable: false), false,
                new OpenSettings { MaxCharactersInPart = options.MaxXlsxPartCharacters });
            // The SDK locates the parts; the parts themselves are read with a plain XmlReader, which is several times faster
            // than its typed reader and does not recurse (the typed workbook overflowed the stack on deeply nested XML).
            // The character limit keeps a zip bomb from expanding without end.
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, CheckCharacters = false,
                MaxCharactersInDocument = options.MaxXlsxPartCharacters,
            };
            var workbook = document.WorkbookPart ?? throw SheetReader.Unreadable();
            var firstSheet = FirstSheetId(workbook.GetStream(), settings, ct) ?? throw SheetReader.Unreadable();
            var worksheet = workbook.GetPartById(firstSheet) as WorksheetPart ?? throw SheetReader.Unreadable();
            var shared = workbook.SharedStringTablePart is { } sst ? ReadSharedStrings(sst.GetStream(), settings, ct) : [];
            using var xml = XmlReader.Create(worksheet.GetStream(), settings);
            var (rows, merges) = ReadSheetXml(xml, shared, options, ct);
            XlsxMergedCells.Fill(rows, merges, ct);
            return new Sheet("xlsx", null, rows);
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or XmlException or InvalidOperationException
            or IOException or FileFormatException or KeyNotFoundException or ArgumentException)
        {
            throw SheetReader.Unreadable();
        }
    }

    /// <summary>The relationship id of the first &lt;sheet&gt; in &lt;workbook&gt;&lt;sheets&gt;.</summary>
    static string? FirstSheetId(Stream stream, XmlReaderSettings settings, CancellationToken ct)
    {
        using var xml = XmlReader.Create(stream, settings);
        while (xml.Read())
        {
            ct.ThrowIfCancellationRequested();
            if (xml.NodeType == XmlNodeType.Element && xml.Depth == 2 && xml.LocalName == "sheet")
            {
                return xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                    ?? xml.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships");
            }
        }
        return null;
    }

    static string[] ReadSharedStrings(Stream stream, XmlReaderSettings settings, CancellationToken ct)
    {
        using var xml = XmlReader.Create(stream, settings);
        var strings = new List<string>();
        var text = new StringBuilder();
        while (xml.Read())
        {
            ct.ThrowIfCancellationRequested();
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                var item = strings.Count + 1;
                strings.Add(ReadText(xml, text, () => ($"共享字符串第 {item} 项", $"shared string {item}"), ct));
            }
        }
        return [.. strings];
    }

    /// <summary>
    /// The text of a string item, the reader on its start tag (&lt;is&gt; of a cell, &lt;si&gt; of the shared strings) and left
    /// on its end tag: runs joined in one builder (joining strings run by run was quadratic: a 3 KB file cost 45 s of CPU),
    /// reading aids (rPh, furigana) left out, and the file refused past Excel's characters per cell or the runs cap.
    /// </summary>
    static string ReadText(XmlReader xml, StringBuilder text, Func<(string Chinese, string English)> where, CancellationToken ct)
    {
        text.Clear();
        if (xml.IsEmptyElement)
        {
            return "";
        }
        var depth = xml.Depth;
        var (runs, inRun, phonetic) = (0, false, 0);
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            ct.ThrowIfCancellationRequested();
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "t":
                    if (++runs > SheetReader.MaxRunsPerCell)
                    {
                        throw SheetReader.TooManyRuns(where());
                    }
                    inRun = !xml.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when xml.LocalName == "t":
                    inRun = false;
                    break;
                case XmlNodeType.Element when xml.LocalName == "rPh" && !xml.IsEmptyElement:
                    phonetic++;
                    break;
                case XmlNodeType.EndElement when xml.LocalName == "rPh":
                    phonetic--;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace
                    when inRun && phonetic == 0:
                    if (text.Length + xml.Value.Length > SheetReader.MaxCellCharacters)
                    {
                        throw SheetReader.CellTooLong(where());
                    }
                    text.Append(xml.Value);
                    break;
            }
        }
        return text.ToString();
    }

    static (List<SheetRow> Rows, List<string> Merges) ReadSheetXml(XmlReader xml, string[] shared, ImportOptions options,
        CancellationToken ct)
    {
        var rows = new List<SheetRow>();
        var merges = new List<string>();
        var cells = new List<string?>();
        var rowNumber = 0;
        var (column, type, value, inline) = (0, (string?)null, (string?)null, (string?)null);
        var text = new StringBuilder();
        xml.Read();
        while (!xml.EOF)
        {
            ct.ThrowIfCancellationRequested();
            if (xml.NodeType == XmlNodeType.Element)
            {
                switch (xml.LocalName)
                {
                    case "row":
                        if (rows.Count >= options.MaxRows)
                        {
                            throw SheetReader.TooManyRows(options);
                        }
                        rowNumber = int.TryParse(xml.GetAttribute("r"), CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                        cells.Clear();
                        if (xml.IsEmptyElement)
                        {
                            rows.Add(new SheetRow(rowNumber, []));
                        }
                        break;
                    case "c":
                        column = xml.GetAttribute("r") is { } reference ? XlsxMergedCells.ColumnIndex(reference) : cells.Count;
                        (type, value, inline) = (xml.GetAttribute("t"), null, null);
                        break;
                    // Text nodes read directly: ReadElementContentAsString costs more than the rest of a cell together.
                    case "v" when !xml.IsEmptyElement:
                        xml.Read();
                        value = xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace ? xml.Value : "";
                        continue;
                    case "is":
                        inline = xml.IsEmptyElement ? null : ReadText(xml, text, () => SheetReader.Cell(column, rowNumber), ct);
                        break;
                    case "mergeCell":
                        merges.Add(xml.GetAttribute("ref") ?? "");
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "c" && column < SheetReader.MaxColumns)
            {
                while (cells.Count <= column)
                {
                    cells.Add(null);
                }
                cells[column] = CellText(type, value, inline, shared);
                if (cells[column] is { Length: > SheetReader.MaxCellCharacters })
                {
                    throw SheetReader.CellTooLong(SheetReader.Cell(column, rowNumber));
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row")
            {
                rows.Add(new SheetRow(rowNumber, [.. cells]));
            }
            xml.Read();
        }
        return (rows, merges);
    }

    /// <summary>The stored value: a formula's cached result, never the formula itself; error values read as empty.</summary>
    static string? CellText(string? type, string? value, string? inline, string[] shared) => type switch
    {
        "inlineStr" => inline,
        "s" => int.TryParse(value, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Length ? shared[index] : null,
        "b" => value is null ? null : value == "1" ? "是" : "否",
        "e" => null,
        // Numbers: 3.0000000000000004 and 4000 as Excel stores them, written back the short way.
        null or "n" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) =>
            Math.Round(number, 6).ToString(CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>Zip bombs: refuse archives whose declared sizes or compression ratios are out of proportion.</summary>
    static void CheckZip(byte[] file, ImportOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > 10_000)
            {
                throw SheetReader.Bomb();
            }
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > options.MaxXlsxUncompressedBytes || entry.Length > 1024 * 1024 && entry.Length > entry.CompressedLength * 200L)
                {
                    throw SheetReader.Bomb();
                }
            }
        }
        catch (InvalidDataException)
        {
            throw SheetReader.Unreadable();
        }
    }
}
