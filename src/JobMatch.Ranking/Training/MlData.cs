using Microsoft.ML;
using Microsoft.ML.Data;

namespace JobMatch.Ranking.Training;

/// <summary>Moves flat feature arrays in and out of ML.NET data views.</summary>
internal static class MlData
{
    public const string Features = "Features";
    public const string Label = "Label";
    public const string GroupId = "GroupId";
    public const string Score = "Score";

    /// <summary>A labelled, grouped view for training; GroupId is a key (1-based, contiguous) as ranking trainers require.</summary>
    public static IDataView ForTraining(MLContext ml, RankingDataset data)
    {
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.FeatureCount);
        schema[nameof(TrainingRow.GroupId)].ColumnType = new KeyDataViewType(typeof(uint), Math.Max(1, data.GroupCount));
        return ml.Data.LoadFromEnumerable(TrainingRows(data), schema);
    }

    /// <summary>An unlabelled view of rows × featureCount values, for scoring.</summary>
    public static IDataView ForScoring(MLContext ml, float[] features, int rows, int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(ScoringRow));
        schema[nameof(ScoringRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return ml.Data.LoadFromEnumerable(ScoringRows(features, rows, featureCount), schema);
    }

    public static float[] ReadScores(IDataView scored, int rows)
    {
        var scores = new float[rows];
        using var cursor = scored.GetRowCursor(scored.Schema.Where(c => c.Name == Score));
        var getter = cursor.GetGetter<float>(scored.Schema[Score]);
        var i = 0;
        while (cursor.MoveNext())
        {
            getter(ref scores[i++]);
        }

        return scores;
    }

    private static IEnumerable<TrainingRow> TrainingRows(RankingDataset data)
    {
        for (var r = 0; r < data.RowCount; r++)
        {
            yield return new TrainingRow
            {
                Features = data.Row(r).ToArray(),
                Label = data.Labels[r],
                // A POCO holds a key as its 0-based index; ML.NET exposes it as 1-based (0 means missing).
                GroupId = data.GroupIds[r] - 1,
            };
        }
    }

    private static IEnumerable<ScoringRow> ScoringRows(float[] features, int rows, int featureCount)
    {
        for (var r = 0; r < rows; r++)
        {
            yield return new ScoringRow { Features = features.AsSpan(r * featureCount, featureCount).ToArray() };
        }
    }

    internal sealed class TrainingRow
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }

        public uint GroupId { get; set; }
    }

    internal sealed class ScoringRow
    {
        public float[] Features { get; set; } = [];
    }
}
