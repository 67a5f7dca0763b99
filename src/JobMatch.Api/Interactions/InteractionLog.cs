using System.Data.Common;
using Dapper;

namespace JobMatch.Api.Interactions;

/// <summary>
/// Writes to the interaction log. Every feature that shows an opening to a veteran or moves an application records
/// it here, in its own transaction, so the ranker's training set is complete. The label follows the kind.
/// </summary>
public static class InteractionLog
{
    /// <summary>The graded label the ranker trains on for each kind of interaction.</summary>
    public static readonly IReadOnlyDictionary<string, short> Labels = new Dictionary<string, short>
    {
        ["impression"] = 0, ["not_interested"] = 0, ["rejected"] = 0, ["withdrawn"] = 0, ["dropped"] = 0,
        ["view"] = 1,
        ["save"] = 2, ["application"] = 2, ["screening"] = 2, ["cancelled"] = 2,
        ["interview"] = 3, ["offer"] = 3, ["enrolled"] = 3, ["graduated"] = 3,
        ["hired"] = 4, ["employed"] = 4, ["retained_6m"] = 4, ["retained_12m"] = 4,
    };

    public static Task RecordAsync(DbConnection db, DbTransaction? transaction, Guid veteranId, Guid positionId, string kind,
        string source = "live", DateTime? at = null) =>
        db.ExecuteAsync("""
            INSERT INTO interactions (id, at, veteran_id, position_id, kind, label, source)
            VALUES (@id, coalesce(@at, now()), @veteranId, @positionId, @kind, @label, @source)
            """, new { id = Guid.CreateVersion7(), at, veteranId, positionId, kind, label = Label(kind), source }, transaction);

    public static short Label(string kind) =>
        Labels.TryGetValue(kind, out var label) ? label : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown interaction kind.");
}
