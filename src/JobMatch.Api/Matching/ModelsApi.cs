using System.Security.Claims;
using System.Text.Json;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Ranking.Features;
using Npgsql;

namespace JobMatch.Api.Matching;

/// <summary>
/// A stored model without its bytes: status, training progress, held-out metrics beside the rivals, and why. The decision says
/// what the model learned from (the bureau's outcomes or the SYNTHETIC world), its held-out NDCG@10 beside the ranker in
/// production and every baseline, and the reason in the caller's language. A model of another feature schema is not usable:
/// no instance loads it.
/// </summary>
public sealed record RankingModelView(Guid Id, DateTime CreatedAt, string CreatedBy, string Status, float Progress, string Stage, string? Source,
    string? TrainingSnapshot, double? Ndcg10, JsonElement? Metrics, JsonElement? BaselineMetrics, string? Reason, DateTime? PromotedAt,
    JsonElement? Decision, int? FeatureSchemaVersion, bool Usable);

public sealed record PromoteInput(string? Reason);

public static class ModelsApi
{
    public static void MapModels(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization(Policies.Admin);
        group.MapPost("/train", Train).AcceptsIdempotencyKey()
            .WithSummary("Train a model in the background from the bureau's outcomes and the interaction log (the synthetic world while they are too few); follow it at /api/models/{id}");
        group.MapGet("/", List).WithSummary("Models, newest first, with their held-out metrics and status");
        group.MapGet("/{id:guid}", Get).WithSummary("One model: training progress, metrics beside the baselines, and why it was or was not promoted");
        group.MapPost("/{id:guid}/promote", Promote).AcceptsIdempotencyKey().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Promote this model by hand (also to roll back to an earlier one); every instance switches within seconds");
    }

    sealed record Row(Guid Id, DateTime CreatedAt, string CreatedBy, string Status, float Progress, string Stage, string? Source,
        string? TrainingSnapshot, double? Ndcg10, string? Metrics, string? BaselineMetrics, string? Reason, DateTime? PromotedAt, string? Decision,
        int? FeatureSchemaVersion)
    {
        public RankingModelView View()
        {
            var decision = Parse(Decision);
            // Promoted by hand keeps its own reason; a trained model's reason is rendered from its stored decision.
            var reason = decision is { } d && !(Reason ?? "").StartsWith("Promoted by hand", StringComparison.Ordinal)
                ? Say.Text(d.GetProperty("reasonZh").GetString()!, d.GetProperty("reasonEn").GetString()!) : Reason;
            return new(Id, CreatedAt, CreatedBy, Status, Progress, Stage, Source, TrainingSnapshot, Ndcg10, Parse(Metrics), Parse(BaselineMetrics),
                reason, PromotedAt, decision, FeatureSchemaVersion, FeatureSchemaVersion is null or FeatureSchema.Version);
        }

        static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
    }

    const string Select = """
        SELECT id, created_at, created_by, status, progress, stage, source, training_snapshot, ndcg10, metrics::text AS metrics,
               baseline_metrics::text AS baseline_metrics, reason, promoted_at, decision::text AS decision, feature_schema_version
        FROM ranking_models
        """;

    static async Task<Results<Accepted<RankingModelView>, ValidationProblem>> Train(HttpRequest request, ClaimsPrincipal user,
        ModelTraining training, TrainingQueue queue, NpgsqlDataSource dataSource)
    {
        if (NoBody.Sent(request))
        {
            return NoBody.Refused("训练无需请求体：模型总是从局里的就业结果和互动记录中学习。",
                "Send no body: training takes no settings; it always learns from the bureau's outcomes and the interaction log.");
        }
        var id = await training.CreateAsync(user.Subject(), actorRole: user.Role());
        queue.Enqueue(id);
        await using var db = await dataSource.OpenConnectionAsync();
        var row = await db.QuerySingleAsync<Row>($"{Select} WHERE id = @id", new { id });
        return TypedResults.Accepted($"/api/models/{id}", row.View());
    }

    static async Task<Results<Ok<Page<RankingModelView>>, ValidationProblem>> List(string? cursor, int? limit, NpgsqlDataSource dataSource)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<Row>($"{Select} WHERE @after::uuid IS NULL OR id < @after ORDER BY id DESC LIMIT @fetch",
            new { after, fetch = take + 1 })).Select(r => r.View()).ToList();
        var total = await db.ExecuteScalarAsync<long>("SELECT count(*) FROM ranking_models");
        return TypedResults.Ok(Paging.ToPage(rows, take, total, r => r.Id));
    }

    static async Task<Results<Ok<RankingModelView>, NotFound>> Get(Guid id, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await db.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE id = @id", new { id }) is { } row
            ? TypedResults.Ok(row.View()) : TypedResults.NotFound();
    }

    static async Task<Results<Ok<RankingModelView>, NotFound, ProblemHttpResult>> Promote(Guid id, PromoteInput? body, ClaimsPrincipal user,
        NpgsqlDataSource dataSource, MatchingEngine engine, CancellationToken ct)
    {
        await using var db = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        var (status, version) = await db.QuerySingleOrDefaultAsync<(string?, int?)>(
            "SELECT status, feature_schema_version FROM ranking_models WHERE id = @id FOR UPDATE", new { id }, tx);
        if (status is null)
        {
            return TypedResults.NotFound();
        }
        if (status is "training" or "failed")
        {
            return Problems.Conflict("只能启用训练完成的模型。", "Only a trained model can be promoted.");
        }
        if (version is { } v && v != FeatureSchema.Version)
        {
            return Problems.Conflict($"该模型基于特征版本 v{v}，当前版本为 v{FeatureSchema.Version}，无法使用：请重新训练。",
                $"The model was trained on feature schema v{v}; this build computes v{FeatureSchema.Version} and cannot use it: train a new model.");
        }
        await db.ExecuteAsync("UPDATE ranking_models SET status = 'retired' WHERE status = 'promoted' AND id <> @id", new { id }, tx);
        await db.ExecuteAsync("""
            UPDATE ranking_models SET status = 'promoted', promoted_at = now(), reason = left(@reason, 1000) WHERE id = @id
            """, new { id, reason = "Promoted by hand" + (string.IsNullOrWhiteSpace(body?.Reason) ? "." : ": " + body.Reason.Trim()) }, tx);
        await AuditLog.WriteAsync(db, tx, user, "model.promoted", "ranking_model", id);
        await tx.CommitAsync(ct);
        // This instance switches at once; the others at their next poll.
        await engine.RefreshAsync(ct);
        var row = await db.QuerySingleAsync<Row>($"{Select} WHERE id = @id", new { id });
        return TypedResults.Ok(row.View());
    }
}
