using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Simulation;

/// <summary>Train, validation and test sets split by veteran, so no veteran's outcomes leak across splits.</summary>
public sealed record SyntheticSplits(PairSet Train, PairSet Valid, PairSet Test);

/// <summary>A trained model and its report beside the baselines on the held-out test split.</summary>
public sealed record ExperimentResult(RankingModel Model, EvaluationReport Report, SyntheticSplits Splits);

/// <summary>The end-to-end synthetic check: simulate, featurise, split by veteran, train, and compare with every baseline.</summary>
public static class SyntheticExperiment
{
    public static FeatureBuilder Features(RankingTaxonomy taxonomy, SyntheticWorld world) =>
        new(taxonomy, SkillRarity.FromOpenings(taxonomy.Skills, world.Openings));

    public static SyntheticSplits Split(SyntheticWorld world, FeatureBuilder builder, int seed, double trainShare = 0.7, double validShare = 0.15)
    {
        var ids = world.Veterans.Select(v => v.Id).ToArray();
        new Random(seed).Shuffle(ids);
        var trainCount = (int)(ids.Length * trainShare);
        var validCount = (int)(ids.Length * validShare);
        var part = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            part[ids[i]] = i < trainCount ? 0 : i < trainCount + validCount ? 1 : 2;
        }

        var openings = world.Openings.ToDictionary(o => o.Id, builder.PrepareOpening, StringComparer.Ordinal);
        var veterans = world.Veterans.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var sets = Enumerable.Range(0, 3).Select(_ => (Builder: new RankingDatasetBuilder(FeatureSchema.Count), Veterans: new List<VeteranProfile>(), Openings: new List<Opening>())).ToArray();
        foreach (var group in world.Impressions.GroupBy(i => i.VeteranId))
        {
            var set = sets[part[group.Key]];
            var veteran = builder.PrepareVeteran(veterans[group.Key]);
            var rows = group.ToArray();
            var prepared = rows.Select(r => openings[r.OpeningId]).ToArray();
            set.Builder.AddQuery(group.Key, builder.BuildMatrix(veteran, prepared, world.Options.AsOf), rows.Select(r => (float)r.Label).ToArray());
            set.Veterans.Add(veteran.Profile);
            set.Openings.AddRange(prepared.Select(p => p.Opening));
        }

        var result = sets.Select(s => new PairSet(s.Builder.Build(), s.Veterans, s.Openings)).ToArray();
        return new SyntheticSplits(result[0], result[1], result[2]);
    }

    public static ExperimentResult Run(RankingTaxonomy taxonomy, SimulationOptions simulation, TrainerOptions trainer)
    {
        var world = WorldSimulator.Generate(taxonomy, simulation);
        var splits = Split(world, Features(taxonomy, world), simulation.Seed);
        var snapshot = $"synthetic-seed{simulation.Seed}-v{simulation.Veterans}-o{simulation.Openings}";
        var model = RankerTrainer.Train(splits.Train.Data, splits.Valid.Data, trainer, snapshot, FeatureSchema.Version, FeatureSchema.Names);
        var report = Compare(model, splits.Test, "Synthetic world (SYNTHETIC data, not real outcomes)", $"held-out test veterans ({splits.Test.Data.GroupCount})", simulation.Seed);
        var metadata = model.Metadata with
        {
            TestMetrics = report.ModelRow.Metrics,
            BaselineMetrics = report.Rows.Where(r => r.Role != RankerRole.Model).ToDictionary(r => r.Name, r => r.Metrics),
        };
        return new ExperimentResult(model.WithMetadata(metadata), report with { Model = metadata }, splits);
    }

    /// <summary>The model and every baseline on the same split, model first.</summary>
    public static EvaluationReport Compare(RankingModel model, PairSet test, string title, string split, int seed)
    {
        var d = test.Data;
        var rows = new List<ReportRow>
        {
            new($"model: {model.Metadata.Algorithm}", RankerRole.Model, MetricSet.Compute(d, model.Score(d.Features, d.RowCount))),
            new("random", RankerRole.Baseline, MetricSet.Compute(d, Baselines.Random(test, seed))),
            new("recency (newest first)", RankerRole.Baseline, MetricSet.Compute(d, Baselines.Recency(test))),
            new("skill overlap (rarity-weighted, crosswalk)", RankerRole.Baseline, MetricSet.Compute(d, Baselines.SkillOverlap(test))),
            new("BM25 (Lucene CJK bigrams)", RankerRole.Baseline, MetricSet.Compute(d, Baselines.Bm25(test))),
            new("cold-start heuristic", RankerRole.Reference, MetricSet.Compute(d, Baselines.ColdStart(test))),
        };
        return new EvaluationReport(title, split, model.Metadata, rows);
    }
}
