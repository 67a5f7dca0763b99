using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JobMatch.ImportBench;

/// <summary>A cell holding a formula and the value Excel cached for it.</summary>
public sealed record FormulaCell(string Formula, string CachedValue);

/// <summary>
/// Writes one worksheet the way Excel does: strings in the shared-string table, numbers as numbers, formulas with cached
/// values, merged ranges listed after the data (their cells other than the top-left left empty). Streams rows with OpenXmlWriter.
/// </summary>
public static class XlsxWriter
{
    public static byte[] Write(IEnumerable<object?[]> rows, IEnumerable<string> merges, string sheetName = "岗位信息")
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var strings = new Dictionary<string, int>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                uint number = 0;
                foreach (var row in rows)
                {
                    number++;
                    writer.WriteStartElement(new Row { RowIndex = number });
                    for (var column = 0; column < row.Length; column++)
                    {
                        if (row[column] is { } value)
                        {
                            writer.WriteElement(ToCell(value, Reference(column, number), strings));
                        }
                    }
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                var ranges = merges.ToList();
                if (ranges.Count > 0)
                {
                    writer.WriteStartElement(new MergeCells { Count = (uint)ranges.Count });
                    foreach (var range in ranges)
                    {
                        writer.WriteElement(new MergeCell { Reference = range });
                    }
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            }
            var table = workbook.AddNewPart<SharedStringTablePart>();
            table.SharedStringTable = new SharedStringTable(strings.OrderBy(pair => pair.Value).Select(pair => new SharedStringItem(new Text(pair.Key))));
            table.SharedStringTable.Save();
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    static Cell ToCell(object value, string reference, Dictionary<string, int> strings) => value switch
    {
        int or long or double or decimal => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
        FormulaCell formula => new Cell { CellReference = reference, CellFormula = new CellFormula(formula.Formula), CellValue = new CellValue(formula.CachedValue) },
        _ => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(SharedIndex(value.ToString()!, strings)) },
    };

    static int SharedIndex(string text, Dictionary<string, int> strings)
    {
        if (!strings.TryGetValue(text, out var index))
        {
            strings[text] = index = strings.Count;
        }
        return index;
    }

    /// <summary>Column 0, row 1 → A1; column 27 → AB.</summary>
    public static string Reference(int column, uint row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + (c - 1) % 26) + letters;
        }
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
