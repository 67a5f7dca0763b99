using System.Text.Json;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.ColdStart;
using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Matching;

/// <summary>
/// Trains one model: from the deployment's outcomes (imported history and the live log) once enough veterans have them, else
/// from the synthetic world; evaluates it beside the ranker in production and the baselines on the same held-out veterans;
/// stores it with the decision; promotes it only by the rule.
/// Used by the API's background queue and by the <c>train</c> command alike.
/// </summary>
public sealed class ModelTraining(NpgsqlDataSource dataSource, ReferenceData data, IOptions<MatchingOptions> options, TimeProvider clock)
{
    const int Seed = 20230316;
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public async Task<Guid> CreateAsync(string createdBy, CancellationToken ct = default, string actorRole = "system")
    {
        var id = Guid.CreateVersion7();
        await using var db = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        await db.ExecuteAsync("INSERT INTO ranking_models (id, created_by, status, stage) VALUES (@id, @createdBy, 'training', 'queued')",
            new { id, createdBy }, tx);
        await AuditLog.WriteAsync(db, tx, createdBy, actorRole, "model.training_requested", "ranking_model", id);
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task<(string Status, string? Reason)> OutcomeAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dataSource.OpenConnectionAsync(ct);
        return await db.QuerySingleAsync<(string, string?)>("SELECT status, reason FROM ranking_models WHERE id = @id", new { id });
    }

    /// <summary>Models asked for and not finished, oldest first: queued, waiting, or left mid-way by an instance that stopped.</summary>
    public async Task<IReadOnlyList<Guid>> UnfinishedAsync(CancellationToken ct = default)
    {
        await using var db = await dataSource.OpenConnectionAsync(ct);
        return [.. await db.QueryAsync<Guid>(new CommandDefinition("SELECT id FROM ranking_models WHERE status = 'training' ORDER BY id", cancellationToken: ct))];
    }

    /// <summary>
    /// Trains the model unless it is finished already. One training runs at a time across every instance and the
    /// <c>train</c> command: a session advisory lock on a connection of its own, held for the run and released when the
    /// run ends or when its process dies (the connection drops), so a model whose instance stopped mid-way is trained
    /// again from the start by the next instance that looks. False when there was nothing left to do.
    /// </summary>
    public async Task<bool> RunAsync(Guid id, CancellationToken ct = default, IProgress<(double Fraction, string Stage)>? progress = null)
    {
        await using var gate = await dataSource.OpenConnectionAsync(ct);
        if (!await gate.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(hashtext(@key))", new { key = LockKey }, cancellationToken: ct)))
        {
            await Progress(progress, id, 0, "waiting for another training to finish", ct);
            await gate.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(hashtext(@key))", new { key = LockKey }, commandTimeout: 0, cancellationToken: ct));
        }
        try
        {
            if (await gate.ExecuteScalarAsync<string>(new CommandDefinition("SELECT status FROM ranking_models WHERE id = @id", new { id }, cancellationToken: ct)) != "training")
            {
                return false;
            }
            await TrainAsync(id, progress, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await using var db = await dataSource.OpenConnectionAsync(CancellationToken.None);
            await db.ExecuteAsync("UPDATE ranking_models SET status = 'failed', stage = 'failed', reason = left(@reason, 1000) WHERE id = @id",
                new { id, reason = e.GetType().Name + ": " + e.Message });
            throw;
        }
        finally
        {
            // A pooled connection keeps session locks until it is reset: release it here, not at the pool's leisure.
            if (gate.State == System.Data.ConnectionState.Open)
            {
                await gate.ExecuteAsync("SELECT pg_advisory_unlock(hashtext(@key))", new { key = LockKey });
            }
        }
    }

    const string LockKey = "jobmatch:training";

    async Task TrainAsync(Guid id, IProgress<(double Fraction, string Stage)>? progress, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var taxonomy = new RankingTaxonomy(data.Skills.Taxonomy, data.Specialties.Crosswalk, data.Districts);
        await Progress(progress, id, 0.05, "reading the bureau's outcomes and the interaction log", ct);
        Outcomes outcomes;
        await using (var read = await dataSource.OpenConnectionAsync(ct))
        {
            outcomes = await OutcomeLog.ReadAsync(read, data, now, ct);
        }
        LabelledSplits splits;
        string source, snapshot;
        var negatives = new NegativeSampling(outcomes.Pool, o.NegativesPerQuery);
        if (outcomes.VeteransWithOutcomes >= o.MinLoggedVeterans)
        {
            var features = new FeatureBuilder(taxonomy, SkillRarity.FromOpenings(taxonomy.Skills, outcomes.Openings));
            await Progress(progress, id, 0.15, $"featurising the outcomes of {outcomes.VeteransWithOutcomes} veterans", ct);
            splits = OutcomeSplits.Split(features, outcomes.Veterans, outcomes.Openings, outcomes.Rows, negatives, now, Seed);
            (source, snapshot) = ("interactions", $"interactions-until-{now:yyyyMMddTHHmmssZ}-v{outcomes.VeteransWithOutcomes}");
        }
        else
        {
            await Progress(progress, id, 0.15, $"{outcomes.VeteransWithOutcomes} veterans have outcomes (< {o.MinLoggedVeterans}): simulating a SYNTHETIC world", ct);
            var simulation = new SimulationOptions(Seed: Seed, Veterans: o.SyntheticVeterans, Openings: o.SyntheticOpenings);
            var world = WorldSimulator.Generate(taxonomy, simulation);
            splits = SyntheticExperiment.Split(world, SyntheticExperiment.Features(taxonomy, world), Seed);
            (source, snapshot) = ("synthetic", $"synthetic-seed{Seed}-v{o.SyntheticVeterans}-o{o.SyntheticOpenings}");
        }

        await Progress(progress, id, 0.3, $"training on {splits.Train.Data.GroupCount} veterans", ct);
        // A young log has few rows: leaves of 200 examples (the default) would leave trees without a split, which ML.NET
        // cannot represent. One leaf per twentieth of the rows keeps the default once the log has 4,000 training rows.
        var trainer = new TrainerOptions { MinExamplesPerLeaf = Math.Clamp(splits.Train.Data.RowCount / 20, 2, 200) };
        var outcome = await Task.Run(() => ModelEvaluation.TrainAndEvaluate(splits, trainer, snapshot, "JobMatch model", Seed, clock), ct);
        await Progress(progress, id, 0.9, "comparing with the ranker in production and the baselines", ct);

        var production = await ProductionAsync(splits, ct);
        if (source == "synthetic" && production.Role == "heuristic")
        {
            production = (production.Rival with { Role = "reference" }, production.Role);
        }
        // The cold-start weights were set by the team that wrote the simulator: on the synthetic world they are a reference,
        // on the deployment's own outcomes a rival like any other.
        var baselines = outcome.Report.Rows.Where(r => r.Role == RankerRole.Baseline
                || (r.Role == RankerRole.Reference && source != "synthetic" && production.Role != "heuristic"))
            .Select(r => new Rival(r.Name, "baseline", r.Metrics.Ndcg10)).ToList();
        var trainingData = new TrainingData(source, outcomes.HistoricalVeterans, outcomes.LiveVeterans, outcomes.HistoricalRows, outcomes.LiveRows,
            source == "synthetic" ? 0 : negatives.PerQuery, splits.Train.Data.GroupCount, splits.Valid.Data.GroupCount, splits.Test.Data.GroupCount,
            source == "synthetic" ? "SYNTHETIC world, veterans split at random" : "by veteran; the veterans with the latest outcomes held out");
        var ndcg = outcome.Report.ModelRow.Metrics.Ndcg10;
        var decision = PromotionRule.Decide(ndcg, production.Rival, baselines, o.PromotionMargin, trainingData, outcomes.VeteransWithOutcomes > 0);
        var promote = decision.Promote;
        using var bytes = new MemoryStream();
        outcome.Model.Save(bytes);

        await using var db = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (promote)
        {
            await db.ExecuteAsync("UPDATE ranking_models SET status = 'retired' WHERE status = 'promoted'", transaction: tx);
        }
        await db.ExecuteAsync("""
            UPDATE ranking_models SET status = @status, progress = 1, stage = 'done', source = @source, training_snapshot = @snapshot,
                ndcg10 = @ndcg, metrics = @metrics::jsonb, baseline_metrics = @baselines::jsonb, reason = left(@reason, 1000), model = @model,
                decision = @decision::jsonb, feature_schema_version = @version, promoted_at = CASE WHEN @promote THEN now() END
            WHERE id = @id
            """, new
            {
                id, status = promote ? "promoted" : "candidate", source, snapshot, ndcg, promote, reason = decision.ReasonEn, model = bytes.ToArray(),
                metrics = JsonSerializer.Serialize(outcome.Report.ModelRow.Metrics, Web),
                baselines = JsonSerializer.Serialize(decision.Rivals.ToDictionary(r => r.Name, r => r.Ndcg10), Web),
                decision = JsonSerializer.Serialize(decision, Web), version = FeatureSchema.Version,
            }, tx);
        if (promote)
        {
            // Promoted by the rule, on behalf of whoever asked for the training (an admin's sub, or the command line).
            var requestedBy = await db.ExecuteScalarAsync<string>("SELECT created_by FROM ranking_models WHERE id = @id", new { id }, tx);
            await AuditLog.WriteAsync(db, tx, requestedBy ?? "system", "system", "model.promoted", "ranking_model", id, new { automatic = true, ndcg10 = ndcg });
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// What ranks in production now, measured on the same held-out veterans: the promoted model, or the cold-start heuristic
    /// when none is promoted or the promoted one was trained on another feature schema (it cannot be loaded, so it does not rank).
    /// </summary>
    async Task<(Rival Rival, string Role)> ProductionAsync(LabelledSplits splits, CancellationToken ct)
    {
        await using var db = await dataSource.OpenConnectionAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<(Guid Id, byte[] Model)>("SELECT id, model FROM ranking_models WHERE status = 'promoted'");
        if (row.Id != Guid.Empty)
        {
            try
            {
                var model = RankingModel.Load(new MemoryStream(row.Model), FeatureSchema.Version);
                return (new Rival($"promoted model {row.Id}", "production", ModelEvaluation.Measure(model, splits.Test).Ndcg10), "model");
            }
            catch (IncompatibleModelException)
            {
                // Refused at load by every instance too: the heuristic is what ranks.
            }
        }
        return (new Rival("cold-start heuristic", "production", ModelEvaluation.Measure(new ColdStartHeuristic(), splits.Test).Ndcg10), "heuristic");
    }

    Task Progress(IProgress<(double Fraction, string Stage)>? report, Guid id, double progress, string stage, CancellationToken ct)
    {
        report?.Report((progress, stage));
        return WithConnection(db =>
        db.ExecuteAsync(new CommandDefinition("UPDATE ranking_models SET progress = @progress, stage = @stage WHERE id = @id",
            new { id, progress = (float)progress, stage }, cancellationToken: ct)), ct);
    }

    async Task WithConnection(Func<NpgsqlConnection, Task> work, CancellationToken ct)
    {
        await using var db = await dataSource.OpenConnectionAsync(ct);
        await work(db);
    }
}
