using System.Text.RegularExpressions;
using JobMatch.Api.Conventions;
using JobMatch.Api.Spreadsheets;

namespace JobMatch.Api.Imports;

/// <summary>
/// Every column of an import is read or reported: a header cell no field claims becomes one warning on the header row,
/// naming the column and how to have it read. Blank header cells and a row-number column (序号, 编号, 行号, No.) carry no
/// data and are passed over in silence.
/// </summary>
public static partial class IgnoredColumns
{
    /// <param name="header">The header row.</param>
    /// <param name="read">The columns the import reads.</param>
    /// <param name="recognised">Whether a header names a field (a second column for the same field is reported as such).</param>
    /// <param name="howToMap">What to do about the column it is given, Chinese then English.</param>
    public static IEnumerable<ImportProblem> Of(SheetRow header, IEnumerable<int> read, Func<string, bool> recognised,
        Func<string, (string Chinese, string English)> howToMap)
    {
        var used = read.ToHashSet();
        for (var c = 0; c < header.Cells.Length; c++)
        {
            if (used.Contains(c) || header.Cells[c] is not { } cell || string.IsNullOrWhiteSpace(cell) || IsRowNumber(cell))
            {
                continue;
            }
            var name = cell.Trim();
            var (chinese, english) = howToMap(name);
            yield return new ImportProblem(header.Number, name, null, ImportProblem.Warning, recognised(name)
                ? Say.Text($"列「{name}」与前面的列是同一字段：只读取第一列，此列未导入。",
                    $"Column '{name}' names the same field as an earlier column: only the first is read, this one is ignored.")
                : Say.Text($"未识别的列「{name}」：未导入。{chinese}", $"Column '{name}' is not recognised and was ignored. {english}"));
        }
    }

    public static bool IsRowNumber(string header) => RowNumber().IsMatch(CellParsers.Compact(header));

    [GeneratedRegex(@"^(序号|编号|行号|no\.?|#)$")]
    private static partial Regex RowNumber();
}
