using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Matching;

/// <summary>
/// Trains the models asked for, one at a time, off the request path. The database is the queue: at each request on this
/// instance, and every <c>Matching:ModelPollSeconds</c>, it trains every unfinished model, oldest first, so one left
/// mid-way by a stopped instance is taken up again (<see cref="ModelTraining.RunAsync"/> holds the cluster-wide lock).
/// </summary>
public sealed class TrainingQueue(ModelTraining training, MatchingEngine engine, IOptions<MatchingOptions> options, ILogger<TrainingQueue> logger)
    : BackgroundService
{
    readonly Channel<Guid> _requests = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid id) => _requests.Writer.TryWrite(id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var id in await training.UnfinishedAsync(stoppingToken))
                {
                    await TrainAsync(id, stoppingToken);
                }
            }
            catch (NpgsqlException e)
            {
                logger.LogError(e, "Could not look for models to train");
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(TimeSpan.FromSeconds(options.Value.ModelPollSeconds));
            try
            {
                await _requests.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The poll interval passed without a request: look again.
            }
            while (_requests.Reader.TryRead(out _))
            {
            }
        }
    }

    async Task TrainAsync(Guid id, CancellationToken ct)
    {
        try
        {
            if (await training.RunAsync(id, ct))
            {
                // A model promoted here ranks this instance's next request; other instances follow at their next poll.
                await engine.RefreshAsync(ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Training model {ModelId} failed", id);
        }
    }
}

/// <summary>
/// Every instance polls for the promoted model and switches to it without a restart; no promoted model means the
/// cold-start heuristic. The first check runs at start-up, so the instance is warm before its first request.
/// </summary>
public sealed class ModelWatcher(MatchingEngine engine, IOptions<MatchingOptions> options, ILogger<ModelWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ModelPollSeconds));
        do
        {
            try
            {
                await engine.RefreshAsync(stoppingToken);
            }
            catch (NpgsqlException e)
            {
                logger.LogError(e, "Could not check for the promoted ranking model");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
