using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Interactions;

/// <summary>What a veteran did with an opening they saw.</summary>
public sealed record InteractionInput([OneOf(typeof(InteractionsApi), nameof(InteractionsApi.VeteranKinds))] string Kind);

/// <summary>
/// One row of the ranker's training set: a (veteran, position) pair with the highest label it ever reached. GroupId
/// numbers veterans from 1 (ML.NET's query groups; rows of a group come together); no personal data.
/// </summary>
public sealed record TrainingRow(long GroupId, Guid VeteranId, Guid PositionId, short Label, string Source, DateTime LastAt);

public static class InteractionsApi
{
    internal static readonly string[] VeteranKinds = ["view", "save", "not_interested"];

    internal static readonly string[] TrainingSources = ["live", "historical", "synthetic"];

    public static IEndpointRouteBuilder MapInteractions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/openings/{id:guid}/interactions", Record).RequireAuthorization(Policies.Veteran).AcceptsIdempotencyKey()
            .WithTags("Interactions").WithSummary("Record that I viewed, saved or am not interested in an opening (feeds the ranker)");
        app.MapGet("/api/interactions/training-set", TrainingSet).RequireAuthorization(Policies.Admin).WithTags("Interactions")
            .WithSummary("The ranker's training set: one row per (veteran, position) with its highest label, grouped by veteran (admin); JSON or CSV")
            .WithDescription("source (live, historical, synthetic) narrows the interactions counted. Opaque ids only.");
        return app;
    }

    static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Record(
        Guid id, InteractionInput body, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        if (body.Kind is null) // which kinds is declared on InteractionInput
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["kind"] = [Say.Text("kind 应为 view、save 或 not_interested。", "kind must be view, save or not_interested.")],
            });
        }
        await using var db = await dataSource.OpenConnectionAsync();
        var veteranId = await MyProfile.IdAsync(db, user);
        if (veteranId is null)
        {
            return MyProfile.Missing("再记录您看过或收藏的岗位", "then record the openings you viewed or saved");
        }
        if (!await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM positions WHERE id = @id)", new { id }))
        {
            return TypedResults.NotFound();
        }
        await InteractionLog.RecordAsync(db, null, veteranId.Value, id, body.Kind);
        return TypedResults.NoContent();
    }

    static async Task<Results<Ok<List<TrainingRow>>, CsvResult<TrainingRow>, ValidationProblem>> TrainingSet(
        HttpRequest request, NpgsqlDataSource dataSource, [OneOf(typeof(InteractionsApi), nameof(TrainingSources))] string? source)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        // A pair's source is the one of its best label (live before historical before synthetic on ties).
        var rows = (await db.QueryAsync<TrainingRow>("""
            SELECT dense_rank() OVER (ORDER BY veteran_id) AS group_id, veteran_id, position_id, label, source, last_at
            FROM (SELECT DISTINCT ON (veteran_id, position_id) veteran_id, position_id, label, source,
                         max(at) OVER (PARTITION BY veteran_id, position_id) AS last_at
                  FROM interactions WHERE @source::text IS NULL OR source = @source
                  ORDER BY veteran_id, position_id, label DESC, array_position(ARRAY['live', 'historical', 'synthetic'], source)) best
            ORDER BY veteran_id, position_id
            """, new { source })).ToList();
        return Listing.WantsCsv(request)
            ? new CsvResult<TrainingRow>(rows, "training-set.csv", rows.Count, null)
            : TypedResults.Ok(rows);
    }
}
