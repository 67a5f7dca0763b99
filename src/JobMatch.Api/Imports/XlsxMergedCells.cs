using System.Globalization;

namespace JobMatch.Api.Imports;

/// <summary>Merged ranges of a worksheet filled from their top-left cell, and the A1 references they are written in.</summary>
static class XlsxMergedCells
{
    /// <summary>Every cell of a merged range takes the top-left value (bureaus merge the company cell over its positions).</summary>
    public static void Fill(List<SheetRow> rows, List<string> merges, CancellationToken ct)
    {
        // The rows the sheet has, by number: a range visits only those (it may end at row 2147483647).
        var order = Enumerable.Range(0, rows.Count).DistinctBy(i => rows[i].Number).OrderBy(i => rows[i].Number).ToArray();
        var numbers = order.Select(i => rows[i].Number).ToArray();
        // Merged ranges never overlap in a valid file, so together they cover at most every cell once; more is hostile
        // (20,000 ranges over the same 1,000 rows would be two billion writes).
        var budget = (long)rows.Count * SheetReader.MaxColumns;
        foreach (var merge in merges)
        {
            ct.ThrowIfCancellationRequested();
            var corners = merge.Split(':');
            if (corners.Length != 2)
            {
                continue;
            }
            var (firstColumn, firstRow) = (ColumnIndex(corners[0]), RowIndex(corners[0]));
            var (lastColumn, lastRow) = (Math.Min(ColumnIndex(corners[1]), SheetReader.MaxColumns - 1), RowIndex(corners[1]));
            var from = Array.BinarySearch(numbers, firstRow);
            if (firstColumn < 0 || lastColumn < firstColumn || from < 0 || firstColumn >= rows[order[from]].Cells.Length)
            {
                continue;
            }
            var value = rows[order[from]].Cells[firstColumn];
            for (var k = from; k < numbers.Length && numbers[k] <= lastRow; k++)
            {
                budget -= lastColumn - firstColumn + 1;
                if (budget < 0)
                {
                    throw SheetReader.Unreadable();
                }
                var cells = rows[order[k]].Cells;
                if (cells.Length <= lastColumn)
                {
                    Array.Resize(ref cells, lastColumn + 1);
                    rows[order[k]] = rows[order[k]] with { Cells = cells };
                }
                for (var c = firstColumn; c <= lastColumn; c++)
                {
                    cells[c] = value;
                }
            }
        }
    }

    /// <summary>The zero-based column of an A1 reference ("C7" → 2); -1 without letters.</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                index = Math.Min(index * 26 + (char.ToUpperInvariant(c) - 'A' + 1), 1 << 20); // far past XFD, without overflow
            }
            else
            {
                break;
            }
        }
        return index - 1;
    }

    /// <summary>The row number of an A1 reference ("C7" → 7); 0 when it has none.</summary>
    public static int RowIndex(string reference)
    {
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            letters++;
        }
        return int.TryParse(reference.AsSpan(letters), CultureInfo.InvariantCulture, out var row) ? row : 0;
    }
}
