using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using JobMatch.Ranking.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace JobMatch.Ranking.Training;

/// <summary>
/// A trained ranker and its metadata. The transformer is thread-safe, so one instance can serve every request;
/// scoring goes through ML.NET in batches, never a PredictionEngine per row.
/// </summary>
public sealed class RankingModel : IPairScorer
{
    private const string ModelEntry = "mlnet-model.zip";
    private const string MetadataEntry = "metadata.json";

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly CompiledEnsemble _compiled;
    private readonly Lazy<ITransformer> _contributions;

    internal RankingModel(MLContext ml, ITransformer model, int featureCount, ModelMetadata metadata)
    {
        _ml = ml;
        _model = model;
        _compiled = new CompiledEnsemble(RankerTrainer.Ensemble(model));
        // Fitted once: a fitted transformer is thread-safe, building one per request through the context is not promised to be.
        _contributions = new Lazy<ITransformer>(FitContributions);
        FeatureCount = featureCount;
        Metadata = metadata;
    }

    public int FeatureCount { get; }

    public string Name => $"{Metadata.Algorithm} ({Metadata.Trees} trees)";

    public ModelMetadata Metadata { get; }

    internal ITransformer Transformer => _model;

    /// <summary>Replaces the metadata, e.g. to record test and baseline metrics after evaluation.</summary>
    public RankingModel WithMetadata(ModelMetadata metadata) => new(_ml, _model, FeatureCount, metadata);

    /// <summary>Scores rows × FeatureCount row-major features in one batch by walking the trained trees; higher is better.</summary>
    public float[] Score(float[] features, int rows) => _compiled.Score(features, rows, FeatureCount);

    /// <summary>The same scores through ML.NET's own transformer over a data view: slower, kept to check <see cref="Score"/> against.</summary>
    public float[] ScoreWithMlNet(float[] features, int rows)
    {
        if (rows == 0)
        {
            return [];
        }

        var scored = _model.Transform(MlData.ForScoring(_ml, features, rows, FeatureCount));
        return MlData.ReadScores(scored, rows);
    }

    /// <summary>
    /// ML.NET's feature contributions for tree models (how much each feature moved each row's score), for the few rows
    /// being explained; the result is rows × FeatureCount.
    /// </summary>
    public float[][] Contributions(float[] features, int rows)
    {
        var input = MlData.ForScoring(_ml, features, rows, FeatureCount);
        var output = _contributions.Value.Transform(input);
        var column = output.Schema["FeatureContributions"];
        var result = new float[rows][];
        using var cursor = output.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var i = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            result[i++] = buffer.DenseValues().ToArray();
        }

        return result;
    }

    private ITransformer FitContributions()
    {
        if (_model is not ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> predictor)
        {
            throw new InvalidOperationException("This model cannot calculate feature contributions.");
        }

        var calculator = _ml.Transforms.CalculateFeatureContribution(predictor, FeatureCount, FeatureCount, normalize: false);
        return calculator.Fit(MlData.ForScoring(_ml, [], 0, FeatureCount));
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        Save(file);
    }

    /// <summary>One zip holding ML.NET's model and the metadata as JSON.</summary>
    public void Save(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(ModelEntry).Open())
        {
            var schema = MlData.ForScoring(_ml, [], 0, FeatureCount).Schema;
            using var buffer = new MemoryStream();
            _ml.Model.Save(_model, schema, buffer);
            buffer.Position = 0;
            buffer.CopyTo(entry);
        }

        using var meta = zip.CreateEntry(MetadataEntry).Open();
        JsonSerializer.Serialize(meta, Metadata, Json);
    }

    public static RankingModel Load(string path, int expectedSchemaVersion)
    {
        using var file = File.OpenRead(path);
        return Load(file, expectedSchemaVersion);
    }

    /// <summary>Loads a saved model, refusing one trained on another feature schema version.</summary>
    public static RankingModel Load(Stream stream, int expectedSchemaVersion)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var metaEntry = zip.GetEntry(MetadataEntry) ?? throw new InvalidDataException("The model file has no metadata.");
        ModelMetadata metadata;
        using (var meta = metaEntry.Open())
        {
            metadata = JsonSerializer.Deserialize<ModelMetadata>(meta, Json) ?? throw new InvalidDataException("Empty model metadata.");
        }

        if (metadata.FeatureSchemaVersion != expectedSchemaVersion)
        {
            throw new IncompatibleModelException(
                $"The model was trained on feature schema v{metadata.FeatureSchemaVersion}; this build computes v{expectedSchemaVersion}.");
        }

        var ml = new MLContext(metadata.Parameters.Seed);
        using var buffer = new MemoryStream();
        using (var entry = (zip.GetEntry(ModelEntry) ?? throw new InvalidDataException("The model file has no model.")).Open())
        {
            entry.CopyTo(buffer);
        }

        buffer.Position = 0;
        var model = ml.Model.Load(buffer, out _);
        return new RankingModel(ml, model, metadata.FeatureNames.Count, metadata);
    }
}
