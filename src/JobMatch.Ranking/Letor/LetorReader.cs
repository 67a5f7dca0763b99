using System.Globalization;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Letor;

/// <summary>One line of an SVMlight/LETOR file: <c>label qid:N 1:v 2:v ... # comment</c>.</summary>
public sealed record LetorRow(float Label, string QueryId, IReadOnlyList<(int Index, float Value)> Features, string? Comment);

/// <summary>A parsed LETOR file. Feature indices are 1-based as in the file; absent features are 0.</summary>
public sealed record LetorFile(IReadOnlyList<LetorRow> Rows)
{
    public int MaxFeatureIndex => Rows.Count == 0 ? 0 : Rows.Max(r => r.Features.Count == 0 ? 0 : r.Features.Max(f => f.Index));

    /// <summary>
    /// Dense dataset with <paramref name="featureCount"/> columns (feature i in column i − 1). Groups follow the order in
    /// which each qid first appears and rows keep their file order within a group, so the file's groups and labels survive.
    /// </summary>
    public RankingDataset ToDataset(int featureCount)
    {
        var builder = new RankingDatasetBuilder(featureCount);
        foreach (var group in Rows.GroupBy(r => r.QueryId, StringComparer.Ordinal))
        {
            var rows = group.ToArray();
            var features = new float[rows.Length * featureCount];
            for (var r = 0; r < rows.Length; r++)
            {
                foreach (var (index, value) in rows[r].Features)
                {
                    if (index <= featureCount)
                    {
                        features[(r * featureCount) + index - 1] = value;
                    }
                }
            }

            builder.AddQuery(group.Key, features, rows.Select(r => r.Label).ToArray());
        }

        return builder.Build();
    }
}

/// <summary>Reads the standard learning-to-rank text format (MSLR-WEB10K, LETOR 4.0, Yahoo! LTR).</summary>
public static class LetorReader
{
    public static LetorFile Read(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    public static LetorFile Parse(TextReader reader)
    {
        var rows = new List<LetorRow>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var comment = hash >= 0 ? line[(hash + 1)..].Trim() : null;
            var body = (hash >= 0 ? line[..hash] : line).Trim();
            if (body.Length == 0)
            {
                continue;
            }

            var parts = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !parts[1].StartsWith("qid:", StringComparison.Ordinal))
            {
                throw new FormatException($"Line {lineNumber}: expected 'label qid:N index:value ...'.");
            }

            var label = float.Parse(parts[0], CultureInfo.InvariantCulture);
            var features = new List<(int, float)>(parts.Length - 2);
            for (var i = 2; i < parts.Length; i++)
            {
                var colon = parts[i].IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0
                    || !int.TryParse(parts[i].AsSpan(0, colon), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                    || index < 1
                    || !float.TryParse(parts[i].AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new FormatException($"Line {lineNumber}: bad feature '{parts[i]}'.");
                }

                features.Add((index, value));
            }

            rows.Add(new LetorRow(label, parts[1][4..], features, comment));
        }

        return new LetorFile(rows);
    }
}
