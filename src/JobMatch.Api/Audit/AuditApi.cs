using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Audit;

public sealed record AuditEntry(Guid Id, DateTime At, string Actor, string ActorRole, string Action, string ObjectType, Guid? ObjectId, string Details);

public static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).WithSummary("The audit log, newest first, filtered by actor, action, object type, object id and time (from inclusive, to exclusive) (admin); JSON or CSV");
        return group;
    }

    static async Task<Results<Ok<Page<AuditEntry>>, CsvResult<AuditEntry>, ValidationProblem>> List(
        HttpRequest request, NpgsqlDataSource dataSource, string? actor, string? action, string? objectType, Guid? objectId,
        DateTime? from, DateTime? to, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        var filter = new { actor, action, objectType, objectId, from = from?.ToUniversalTime(), to = to?.ToUniversalTime(), after, take = take + 1 };
        const string where = """
            WHERE (@actor::text IS NULL OR actor = @actor) AND (@action::text IS NULL OR action = @action)
              AND (@objectType::text IS NULL OR object_type = @objectType) AND (@objectId::uuid IS NULL OR object_id = @objectId)
              AND (@from::timestamptz IS NULL OR at >= @from) AND (@to::timestamptz IS NULL OR at < @to)
            """;
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<AuditEntry>($"""
            SELECT id, at, actor, actor_role, action, object_type, object_id, details::text
            FROM audit.entries {where} AND (@after::uuid IS NULL OR id < @after)
            ORDER BY id DESC LIMIT @take
            """, filter)).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM audit.entries {where}", filter);
        var page = Paging.ToPage(rows, take, total, entry => entry.Id);
        return Listing.WantsCsv(request) ? Listing.Csv(page, "audit.csv") : TypedResults.Ok(page);
    }
}
