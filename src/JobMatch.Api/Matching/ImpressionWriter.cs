using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Api.Matching;

/// <summary>One opening shown to one veteran in one response, at a rank, by a model ("heuristic" before any).</summary>
public sealed record ShownOpening(Guid VeteranId, Guid PositionId, int Rank, string Model, Guid RequestId, DateTime At);

/// <summary>
/// Impressions leave the request path: handlers enqueue them in a bounded channel, and this service writes each batch
/// with one binary COPY. Stopping the service writes what is still queued. A full queue drops (and logs a count of)
/// impressions rather than slow a response: they are training data, not records anyone relies on.
/// </summary>
public sealed class ImpressionWriter : BackgroundService
{
    readonly Channel<ShownOpening> _queue;
    readonly NpgsqlDataSource _dataSource;
    readonly MatchingOptions _options;
    readonly ILogger<ImpressionWriter> _logger;
    long _dropped;

    public ImpressionWriter(NpgsqlDataSource dataSource, IOptions<MatchingOptions> options, ILogger<ImpressionWriter> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<ShownOpening>(new BoundedChannelOptions(_options.ImpressionQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true,
        }, _ => Interlocked.Increment(ref _dropped));
    }

    public void Enqueue(IEnumerable<ShownOpening> shown)
    {
        foreach (var item in shown)
        {
            _queue.Writer.TryWrite(item);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Let a batch gather; a shutdown during the wait still writes it below.
                await Task.Delay(_options.ImpressionBatchMilliseconds, stoppingToken);
                await FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await FlushAsync(CancellationToken.None);
    }

    async Task FlushAsync(CancellationToken ct)
    {
        var batch = new List<ShownOpening>();
        while (batch.Count < 50_000 && _queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
        if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
        {
            _logger.LogWarning("The impression queue was full: {Dropped} impressions were not logged", dropped);
        }
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            await WriteAsync(batch, ct);
        }
        catch (NpgsqlException e)
        {
            _logger.LogError(e, "Could not log {Count} impressions", batch.Count);
        }
    }

    async Task WriteAsync(List<ShownOpening> batch, CancellationToken ct)
    {
        await using var db = await _dataSource.OpenConnectionAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE impressions_staging (id uuid, at timestamptz, veteran_id uuid, position_id uuid, rank int, model text, request_id uuid)
            ON COMMIT DROP
            """, db, tx))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var copy = await db.BeginBinaryImportAsync(
            "COPY impressions_staging (id, at, veteran_id, position_id, rank, model, request_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var s in batch)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(s.At, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(s.VeteranId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(s.PositionId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(s.Rank, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(s.Model, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(s.RequestId, NpgsqlDbType.Uuid, ct);
            }
            await copy.CompleteAsync(ct);
        }
        // A veteran deleted or a position removed since the response is skipped, not a failed batch.
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO interactions (id, at, veteran_id, position_id, kind, label, rank, model, request_id, source)
            SELECT s.id, s.at, s.veteran_id, s.position_id, 'impression', 0, s.rank, s.model, s.request_id, 'live'
            FROM impressions_staging s
            WHERE EXISTS (SELECT 1 FROM veterans v WHERE v.id = s.veteran_id) AND EXISTS (SELECT 1 FROM positions p WHERE p.id = s.position_id)
            """, db, tx))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
