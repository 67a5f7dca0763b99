using System.Globalization;

namespace JobMatch.Api.Matching;

/// <summary>A ranker the new model was measured against on the same held-out veterans: the one in production, or a baseline.</summary>
public sealed record Rival(string Name, string Role, double Ndcg10);

/// <summary>What a model learned from: the deployment's outcomes (imported history and the live log) or the synthetic world.</summary>
public sealed record TrainingData(string Source, int HistoricalVeterans, int LiveVeterans, int HistoricalRows, int LiveRows, int NegativesPerQuery,
    int TrainQueries, int ValidationQueries, int TestQueries, string Split);

/// <summary>The promotion decision as stored with the model (ranking_models.decision), rendered in Chinese or English.</summary>
public sealed record PromotionDecision(bool Promote, string Code, double Margin, double ModelNdcg10, Rival Production, IReadOnlyList<Rival> Rivals,
    TrainingData Data, string ReasonZh, string ReasonEn);

/// <summary>
/// A new model is promoted only if its held-out NDCG@10 beats the ranker in production (the promoted model, or the cold-start
/// heuristic) and every baseline, all measured on the same held-out veterans, by at least the margin. A model trained on the
/// synthetic world is never promoted once the deployment holds real outcomes: it was not judged on them. On the synthetic
/// world the cold-start heuristic is shown as a reference (role "reference"), not a rival: its weights were set by the team
/// that wrote the simulator.
/// </summary>
public static class PromotionRule
{
    public const string Beats = "beats_every_rival";
    public const string BelowMargin = "below_margin";
    public const string SyntheticWithRealOutcomes = "synthetic_with_real_outcomes";

    public static PromotionDecision Decide(double modelNdcg10, Rival production, IReadOnlyList<Rival> baselines, double margin, TrainingData data,
        bool deploymentHasOutcomes)
    {
        var s = (double x) => x.ToString("0.0000", CultureInfo.InvariantCulture);
        var rivals = baselines.Prepend(production).ToList();
        if (data.Source == "synthetic" && deploymentHasOutcomes)
        {
            return new(false, SyntheticWithRealOutcomes, margin, modelNdcg10, production, rivals, data,
                $"合成数据训练的模型不会启用：本系统已有 {data.HistoricalVeterans + data.LiveVeterans} 位退役军人的真实结果（少于训练所需），模型只能在真实结果上评判。",
                $"A model trained on SYNTHETIC data is never promoted once the deployment holds real outcomes ({data.HistoricalVeterans + data.LiveVeterans} veterans, "
                + "fewer than training needs): it was not judged on them.");
        }
        var failed = rivals.Where(r => r.Role != "reference" && modelNdcg10 < r.Ndcg10 + margin).OrderByDescending(r => r.Ndcg10).ToList();
        if (failed.Count == 0)
        {
            var all = string.Join(", ", rivals.OrderByDescending(r => r.Ndcg10).Select(r => $"{r.Name} {s(r.Ndcg10)}"));
            return new(true, Beats, margin, modelNdcg10, production, rivals, data,
                $"NDCG@10 {s(modelNdcg10)} 以至少 {s(margin)} 的差距胜过生产中的排序（{production.Name} {s(production.Ndcg10)}）和每个基线：{all}。",
                $"NDCG@10 {s(modelNdcg10)} beats every rival by at least {s(margin)} ({all}).");
        }
        var missed = string.Join(", ", failed.Select(r => $"{r.Name} {s(r.Ndcg10)}"));
        return new(false, BelowMargin, margin, modelNdcg10, production, rivals, data,
            $"NDCG@10 {s(modelNdcg10)} 未以 {s(margin)} 的差距胜过：{missed}。",
            $"NDCG@10 {s(modelNdcg10)} does not beat by the margin {s(margin)}: {missed}.");
    }
}
