using System.Data.Common;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Audit;

/// <summary>
/// Appends to the audit log, in the caller's transaction so the record and the change land together.
/// People appear by opaque subject id only: never a name, ID number or phone in actor or details.
/// </summary>
public static partial class AuditLog
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

    /// <summary>
    /// Whether free text bound for the log (a reason, a note) would copy a person into it: one of the given values (the
    /// person's name, ID number or phone), or any run of 11 or more digits however it is written: spaces, dashes or dots
    /// between the digits, full-width digits. A phone has 11, an ID number 15 or 18; a date or a case number is shorter.
    /// </summary>
    public static bool QuotesPerson(string text, params IEnumerable<string?> values)
    {
        var plain = Plain(text);
        return LongDigitRun().IsMatch(plain)
            || values.OfType<string>().Select(Plain).Any(value => value.Length > 0 && plain.Contains(value, StringComparison.OrdinalIgnoreCase));
    }

    static string Plain(string text) =>
        new(TermKey.HalfWidth(text).Where(c => !char.IsWhiteSpace(c) && !Separators.Contains(c)).ToArray());

    /// <summary>What people write between digit groups: dashes, dots, the middle dot, the ideographic full stop.</summary>
    const string Separators = "-.\u2010\u2011\u2012\u2013\u2014\u2015\u00B7\u30FB\u3002";

    [GeneratedRegex("[0-9]{11,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigitRun();
}
