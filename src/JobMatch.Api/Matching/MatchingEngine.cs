using System.Collections.Concurrent;
using Dapper;
using JobMatch.Api.Conventions;
using JobMatch.Api.Openings;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.ColdStart;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Matching;
using JobMatch.Ranking.Policy;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Matching;

/// <summary>A cached opening: the row, and its prepared features, valid while the row's updated_at is unchanged.</summary>
public sealed record CachedOpening(PositionRow Row, PreparedOpening Prepared);

/// <summary>The scorer in use: a promoted model, or the cold-start heuristic (Id null, named "heuristic").</summary>
public sealed record ActiveScorer(Guid? ModelId, IPairScorer Scorer, JobRanker Ranker)
{
    public string Name => ModelId?.ToString() ?? "heuristic";
}

/// <summary>
/// One per app: the taxonomy, the feature builder (skill rarity fixed at first use), the in-memory cache of prepared
/// openings, and the scorer in use, swapped without a restart when another model is promoted.
/// </summary>
public sealed class MatchingEngine(NpgsqlDataSource dataSource, ReferenceData data, IOptions<MatchingOptions> options,
    ILogger<MatchingEngine> logger, TimeProvider clock)
{
    readonly ConcurrentDictionary<Guid, CachedOpening> _openings = new();
    readonly SemaphoreSlim _gate = new(1, 1);
    readonly SemaphoreSlim _modelGate = new(1, 1);
    readonly EligibilityOptions _rules = new(GatedCertificates: options.Value.GatedCertificates);
    EligibilityPolicy? _policy;
    FeatureBuilder? _features;
    volatile ActiveScorer? _scorer;

    public ReferenceData Data => data;
    public EligibilityOptions PolicyOptions => _rules;
    public EligibilityPolicy Policy => _policy ??= new(_rules);

    public async Task<FeatureBuilder> FeaturesAsync(CancellationToken ct = default)
    {
        if (_features is { } ready)
        {
            return ready;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_features is null)
            {
                // Rarity is measured once over the open positions of the day; the cache is warmed on the way.
                await using var db = await dataSource.OpenConnectionAsync(ct);
                var rows = (await db.QueryAsync<PositionRow>(new CommandDefinition($"""
                    SELECT {RankingInputs.PositionColumns} FROM positions p JOIN companies c ON c.id = p.company_id
                    WHERE {OpeningSql.IsOpen}
                    """, new { today = ShanghaiTime.Today(clock) }, cancellationToken: ct))).ToList();
                var openings = rows.Select(r => RankingInputs.ToOpening(r, data)).ToList();
                var taxonomy = new RankingTaxonomy(data.Skills.Taxonomy, data.Specialties.Crosswalk, data.Districts);
                var features = new FeatureBuilder(taxonomy, SkillRarity.FromOpenings(taxonomy.Skills, openings));
                for (var i = 0; i < rows.Count; i++)
                {
                    _openings[rows[i].Id] = new CachedOpening(rows[i], features.PrepareOpening(openings[i]));
                }
                _features = features;
            }
            return _features;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The scorer in use. Before the first check for a promoted model (a request that arrives while the instance is still
    /// warming up) it makes that check itself, so no request is ranked by the heuristic while a model is promoted.
    /// </summary>
    public async Task<ActiveScorer> ScorerAsync(CancellationToken ct = default) => _scorer ?? await RefreshAsync(ct);

    /// <summary>
    /// Switches to the promoted model if it is not the one in use (the heuristic when none is promoted). A promoted model
    /// that cannot be loaded (another feature schema, damaged bytes) is logged and the scorer in use kept.
    /// </summary>
    public async Task<ActiveScorer> RefreshAsync(CancellationToken ct)
    {
        await _modelGate.WaitAsync(ct);
        try
        {
            await using var db = await dataSource.OpenConnectionAsync(ct);
            var promoted = await db.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                "SELECT id FROM ranking_models WHERE status = 'promoted'", cancellationToken: ct));
            if (_scorer is { } current && promoted == current.ModelId)
            {
                return current;
            }
            var features = await FeaturesAsync(ct);
            if (promoted is not { } id)
            {
                return Use(null, null, features);
            }
            var bytes = await db.ExecuteScalarAsync<byte[]>(new CommandDefinition(
                "SELECT model FROM ranking_models WHERE id = @id", new { id }, cancellationToken: ct));
            try
            {
                var scorer = Use(id, RankingModel.Load(new MemoryStream(bytes!), FeatureSchema.Version), features);
                logger.LogInformation("Ranking with model {ModelId}", id);
                return scorer;
            }
            catch (Exception e) when (e is IncompatibleModelException or InvalidDataException)
            {
                logger.LogError(e, "Could not load the promoted ranking model {ModelId}; ranking stays with {Scorer}", id, _scorer?.Name ?? "heuristic");
                return _scorer ?? Use(null, null, features);
            }
        }
        finally
        {
            _modelGate.Release();
        }
    }

    /// <summary>Switches every later request to this model (null: the cold-start heuristic).</summary>
    public ActiveScorer Use(Guid? modelId, IPairScorer? model, FeatureBuilder features)
    {
        var scorer = new ActiveScorer(modelId, model ?? new ColdStartHeuristic(), new JobRanker(features, Policy, model));
        _scorer = scorer;
        return scorer;
    }

    public Guid? ActiveModelId => _scorer?.ModelId;

    public bool Ready => _scorer is not null;

    /// <summary>
    /// Prepared openings for these ids, in the given order. A row edited since it was cached (updated_at moved) is read
    /// and prepared again, so an edit is never answered from a stale cache entry.
    /// </summary>
    public async Task<IReadOnlyList<CachedOpening>> OpeningsAsync(NpgsqlConnection db, IReadOnlyList<(Guid Id, DateTime UpdatedAt)> wanted, CancellationToken ct)
    {
        var features = await FeaturesAsync(ct);
        var stale = wanted.Where(w => !_openings.TryGetValue(w.Id, out var c) || c.Row.UpdatedAt != w.UpdatedAt).Select(w => w.Id).ToArray();
        if (stale.Length > 0)
        {
            var rows = await db.QueryAsync<PositionRow>(new CommandDefinition($"""
                SELECT {RankingInputs.PositionColumns} FROM positions p JOIN companies c ON c.id = p.company_id WHERE p.id = ANY(@stale)
                """, new { stale }, cancellationToken: ct));
            foreach (var row in rows)
            {
                _openings[row.Id] = new CachedOpening(row, features.PrepareOpening(RankingInputs.ToOpening(row, data)));
            }
        }
        return wanted.Select(w => _openings.TryGetValue(w.Id, out var c) ? c : null).OfType<CachedOpening>().ToList();
    }
}
