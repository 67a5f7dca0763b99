namespace JobMatch.Ranking.Training;

/// <summary>
/// Labelled rows grouped by query (one query per veteran), stored flat for speed. Groups are contiguous and
/// numbered from 1, which is what ML.NET's ranking trainers need; <see cref="GroupStarts"/> gives each group's rows.
/// </summary>
public sealed class RankingDataset
{
    internal RankingDataset(int featureCount, float[] features, float[] labels, uint[] groupIds, int[] groupStarts, string[] queryIds)
    {
        FeatureCount = featureCount;
        Features = features;
        Labels = labels;
        GroupIds = groupIds;
        GroupStarts = groupStarts;
        QueryIds = queryIds;
    }

    public int FeatureCount { get; }

    public int RowCount => Labels.Length;

    public int GroupCount => QueryIds.Length;

    /// <summary>Row-major features, RowCount × FeatureCount.</summary>
    public float[] Features { get; }

    /// <summary>Graded relevance: 0 ignored or rejected, 1 viewed, 2 saved or applied, 3 interviewed, 4 hired.</summary>
    public float[] Labels { get; }

    /// <summary>1-based, contiguous group number of each row.</summary>
    public uint[] GroupIds { get; }

    /// <summary>First row of each group, plus RowCount at the end (GroupCount + 1 entries).</summary>
    public int[] GroupStarts { get; }

    /// <summary>The caller's id of each group (veteran id, or the qid of a LETOR file).</summary>
    public string[] QueryIds { get; }

    public ReadOnlySpan<float> Row(int row) => Features.AsSpan(row * FeatureCount, FeatureCount);
}

/// <summary>Builds a <see cref="RankingDataset"/> one query at a time, so groups cannot interleave.</summary>
public sealed class RankingDatasetBuilder(int featureCount)
{
    private readonly List<float> _features = [];
    private readonly List<float> _labels = [];
    private readonly List<uint> _groups = [];
    private readonly List<int> _starts = [];
    private readonly List<string> _queryIds = [];

    public int FeatureCount => featureCount;

    /// <summary>Adds one query: <paramref name="features"/> holds labels.Length rows of FeatureCount values.</summary>
    public void AddQuery(string queryId, ReadOnlySpan<float> features, ReadOnlySpan<float> labels)
    {
        if (features.Length != labels.Length * featureCount)
        {
            throw new ArgumentException($"Expected {labels.Length * featureCount} feature values, got {features.Length}.", nameof(features));
        }

        if (labels.Length == 0)
        {
            return;
        }

        _starts.Add(_labels.Count);
        _queryIds.Add(queryId);
        var group = (uint)_queryIds.Count;
        foreach (var value in features)
        {
            _features.Add(value);
        }

        foreach (var label in labels)
        {
            _labels.Add(label);
            _groups.Add(group);
        }
    }

    public RankingDataset Build() =>
        new(featureCount, [.. _features], [.. _labels], [.. _groups], [.. _starts, _labels.Count], [.. _queryIds]);
}
