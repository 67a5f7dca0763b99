using System.Threading.Channels;
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
                await RefreshAsync(stoppingToken);
            }
            catch (NpgsqlException e)
            {
                logger.LogError(e, "Could not check for the promoted ranking model");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public Task RefreshAsync(CancellationToken ct) => engine.RefreshAsync(ct);
}
