using System.Text;

namespace JobMatch.Ranking.Taxonomy;

/// <summary>Minimal RFC 4180 reader for the small, UTF-8 taxonomy files; a header row is required.</summary>
internal static class CsvRows
{
    public static List<Dictionary<string, string>> Read(TextReader reader, params string[] requiredColumns)
    {
        var header = reader.ReadLine() ?? throw new InvalidDataException("The CSV file is empty.");
        var names = Split(header.TrimStart('\uFEFF')).Select(n => n.Trim()).ToArray();
        foreach (var column in requiredColumns)
        {
            if (!names.Contains(column, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"The CSV header lacks the column '{column}'.");
            }
        }

        var rows = new List<Dictionary<string, string>>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = Split(line);
            if (cells.Count != names.Length)
            {
                throw new InvalidDataException($"Line {lineNumber} has {cells.Count} cells, the header has {names.Length}.");
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                row[names[i]] = cells[i].Trim();
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
