using System.Text.Json;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Matching;

/// <summary>
/// Trains one model: from the interaction log once enough veterans have outcomes, else from the synthetic world; evaluates
/// it beside the baselines and the promoted model on one held-out split; stores it; promotes it only by the rule.
/// Used by the API's background queue and by the <c>train</c> command alike.
/// </summary>
public sealed class ModelTraining(NpgsqlDataSource dataSource, ReferenceData data, IOptions<MatchingOptions> options)
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
        var taxonomy = new RankingTaxonomy(data.Skills.Taxonomy, data.Specialties.Crosswalk, data.Districts);
        await Progress(progress, id, 0.05, "reading the interaction log", ct);
        var log = await ReadLogAsync(ct);
        LabelledSplits splits;
        string source, snapshot;
        if (log.Veterans.Count >= o.MinLoggedVeterans)
        {
            var features = new FeatureBuilder(taxonomy, SkillRarity.FromOpenings(taxonomy.Skills, log.Openings));
            await Progress(progress, id, 0.15, $"featurising {log.Impressions.Count} logged outcomes", ct);
            splits = LabelledPairs.Split(features, log.Veterans, log.Openings, log.Impressions, DateTime.UtcNow, Seed);
            (source, snapshot) = ("interactions", $"interactions-until-{DateTime.UtcNow:yyyyMMddTHHmmssZ}-v{log.Veterans.Count}");
        }
        else
        {
            await Progress(progress, id, 0.15, $"the log has {log.Veterans.Count} veterans with outcomes (< {o.MinLoggedVeterans}): simulating a synthetic world", ct);
            var simulation = new SimulationOptions(Seed: Seed, Veterans: o.SyntheticVeterans, Openings: o.SyntheticOpenings);
            var world = WorldSimulator.Generate(taxonomy, simulation);
            splits = SyntheticExperiment.Split(world, SyntheticExperiment.Features(taxonomy, world), Seed);
            (source, snapshot) = ("synthetic", $"synthetic-seed{Seed}-v{o.SyntheticVeterans}-o{o.SyntheticOpenings}");
        }

        await Progress(progress, id, 0.3, $"training on {splits.Train.Data.GroupCount} veterans", ct);
        // A young log has few rows: leaves of 200 examples (the default) would leave trees without a split, which ML.NET
        // cannot represent. One leaf per twentieth of the rows keeps the default once the log has 4,000 training rows.
        var trainer = new TrainerOptions { MinExamplesPerLeaf = Math.Clamp(splits.Train.Data.RowCount / 20, 2, 200) };
        var outcome = await Task.Run(() => ModelEvaluation.TrainAndEvaluate(splits, trainer, snapshot, "JobMatch model", Seed), ct);
        await Progress(progress, id, 0.9, "comparing with the promoted model and the baselines", ct);

        var rivals = outcome.Report.Rows.Where(r => r.Role == RankerRole.Baseline).ToDictionary(r => r.Name, r => r.Metrics.Ndcg10);
        var current = await CurrentAsync(ct);
        if (current is { } promoted)
        {
            rivals[$"promoted model {promoted.Id}"] = ModelEvaluation.Compare(promoted.Model, splits.Test, "current", "test", Seed).ModelRow.Metrics.Ndcg10;
        }
        var ndcg = outcome.Report.ModelRow.Metrics.Ndcg10;
        var (promote, reason) = PromotionRule.Decide(ndcg, rivals, o.PromotionMargin);
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
                ndcg10 = @ndcg, metrics = @metrics::jsonb, baseline_metrics = @baselines::jsonb, reason = @reason, model = @model,
                promoted_at = CASE WHEN @promote THEN now() END
            WHERE id = @id
            """, new
            {
                id, status = promote ? "promoted" : "candidate", source, snapshot, ndcg, promote, reason, model = bytes.ToArray(),
                metrics = JsonSerializer.Serialize(outcome.Report.ModelRow.Metrics, Web),
                baselines = JsonSerializer.Serialize(rivals, Web),
            }, tx);
        if (promote)
        {
            // Promoted by the rule, on behalf of whoever asked for the training (an admin's sub, or the command line).
            var requestedBy = await db.ExecuteScalarAsync<string>("SELECT created_by FROM ranking_models WHERE id = @id", new { id }, tx);
            await AuditLog.WriteAsync(db, tx, requestedBy ?? "system", "system", "model.promoted", "ranking_model", id, new { automatic = true, ndcg10 = ndcg });
        }
        await tx.CommitAsync(ct);
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

    async Task<(Guid Id, RankingModel Model)?> CurrentAsync(CancellationToken ct)
    {
        await using var db = await dataSource.OpenConnectionAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<(Guid Id, byte[] Model)>("SELECT id, model FROM ranking_models WHERE status = 'promoted'");
        return row.Id == Guid.Empty ? null : (row.Id, RankingModel.Load(new MemoryStream(row.Model), FeatureSchema.Version));
    }

    sealed record LoggedOutcome(Guid VeteranId, Guid PositionId, int Position, int Label, DateTime ShownAt);

    /// <summary>Each (veteran, opening) shown: the best outcome it led to, the rank it was first shown at.</summary>
    async Task<(List<JobMatch.Ranking.Profiles.VeteranProfile> Veterans, List<JobMatch.Ranking.Profiles.Opening> Openings, List<Impression> Impressions)> ReadLogAsync(CancellationToken ct)
    {
        await using var db = await dataSource.OpenConnectionAsync(ct);
        var outcomes = (await db.QueryAsync<LoggedOutcome>(new CommandDefinition("""
            SELECT veteran_id, position_id, coalesce(min(rank), 1000) AS position, max(label)::int AS label, min(at) AS shown_at
            FROM interactions WHERE source = 'live' GROUP BY veteran_id, position_id
            HAVING bool_or(kind = 'impression')
            """, cancellationToken: ct))).ToList();
        var withOutcome = outcomes.GroupBy(x => x.VeteranId).Where(g => g.Any(x => x.Label > 0)).Select(g => g.Key).ToArray();
        if (withOutcome.Length < options.Value.MinLoggedVeterans)
        {
            return ([], [], []);
        }
        var now = DateTime.UtcNow;
        var veterans = (await db.QueryAsync<VeteranInputRow>($"SELECT {RankingInputs.VeteranColumns} FROM veterans v WHERE v.id = ANY(@withOutcome)",
            new { withOutcome })).Select(v => RankingInputs.ToProfile(v, now)).ToList();
        var positions = outcomes.Select(x => x.PositionId).Distinct().ToArray();
        var openings = (await db.QueryAsync<PositionRow>($"""
            SELECT {RankingInputs.PositionColumns} FROM positions p JOIN companies c ON c.id = p.company_id WHERE p.id = ANY(@positions)
            """, new { positions })).Select(p => RankingInputs.ToOpening(p, data)).ToList();
        var impressions = outcomes.Select(x => new Impression(x.VeteranId.ToString(), x.PositionId.ToString(), x.Position, x.Label,
            DateTime.SpecifyKind(x.ShownAt, DateTimeKind.Utc))).ToList();
        return (veterans, openings, impressions);
    }
}
