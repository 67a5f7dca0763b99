using System.Threading.Channels;
using Dapper;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Training;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Matching;

/// <summary>Trains the models queued by <c>POST /api/models/train</c>, one at a time, off the request path.</summary>
public sealed class TrainingQueue(ModelTraining training, ModelWatcher watcher, ILogger<TrainingQueue> logger) : BackgroundService
{
    readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid id) => _queue.Writer.TryWrite(id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await training.RunAsync(id, stoppingToken);
                // A model promoted here ranks this instance's next request; other instances follow at their next poll.
                await watcher.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Training model {ModelId} failed", id);
            }
        }
    }
}

/// <summary>
/// Every instance polls for the promoted model and switches to it without a restart; no promoted model means the
/// cold-start heuristic. A model that cannot be loaded (another feature schema) is logged and the current one kept.
/// </summary>
public sealed class ModelWatcher(NpgsqlDataSource dataSource, MatchingEngine engine, IOptions<MatchingOptions> options, ILogger<ModelWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ModelPollSeconds));
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or IncompatibleModelException or InvalidDataException)
            {
                logger.LogError(e, "Could not check or load the promoted ranking model");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var db = await dataSource.OpenConnectionAsync(ct);
        var promoted = await db.ExecuteScalarAsync<Guid?>("SELECT id FROM ranking_models WHERE status = 'promoted'");
        if (engine.Ready && promoted == engine.ActiveModelId)
        {
            return;
        }
        var features = await engine.FeaturesAsync(ct);
        if (promoted is not { } id)
        {
            engine.Use(null, null, features);
            return;
        }
        var bytes = await db.ExecuteScalarAsync<byte[]>("SELECT model FROM ranking_models WHERE id = @id", new { id });
        engine.Use(id, RankingModel.Load(new MemoryStream(bytes!), FeatureSchema.Version), features);
        logger.LogInformation("Ranking with model {ModelId}", id);
    }
}
