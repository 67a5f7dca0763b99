using System.Data.Common;
using System.Security.Claims;
using System.Text.Json;
using Dapper;
using JobMatch.Api.Auth;

namespace JobMatch.Api.Audit;

/// <summary>
/// Appends to the audit log, in the caller's transaction so the record and the change land together.
/// People appear by opaque subject id only: never a name, ID number or phone in actor or details.
/// </summary>
public static class AuditLog
{
    public static Task WriteAsync(DbConnection db, DbTransaction? transaction, ClaimsPrincipal actor,
        string action, string objectType, Guid? objectId, object? details = null) =>
        WriteAsync(db, transaction, actor.Subject(), actor.Role(), action, objectType, objectId, details);

    public static Task WriteAsync(DbConnection db, DbTransaction? transaction, string actor, string actorRole,
        string action, string objectType, Guid? objectId, object? details = null) =>
        db.ExecuteAsync("""
            INSERT INTO audit.entries (id, actor, actor_role, action, object_type, object_id, details)
            VALUES (@id, @actor, @actorRole, @action, @objectType, @objectId, @details::jsonb)
            """,
            new { id = Guid.CreateVersion7(), actor, actorRole, action, objectType, objectId,
                  details = JsonSerializer.Serialize(details ?? new { }, JsonSerializerOptions.Web) },
            transaction);
}
