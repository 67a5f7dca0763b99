using System.Collections.Concurrent;
using Dapper;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Openings;

/// <summary>
/// Positions as <c>GET /api/openings/{id}</c> answers them, kept in memory while the position's <c>updated_at</c> is
/// unchanged: a request reads that one timestamp by key and the whole row (33 columns, a join, three arrays) only when
/// it moved, so an edit, an import, a revert, a hire or a renamed company (V10 touches its positions) is never answered
/// stale. The closing date is applied at every answer. At most <see cref="Capacity"/> entries; when full it starts again empty.
/// </summary>
public sealed class OpeningReadCache(TimeProvider clock)
{
    public const int Capacity = 50_000;
    readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    sealed record Entry(DateTime UpdatedAt, Opening Opening);

    public async Task<Opening?> FindAsync(NpgsqlConnection db, Guid id)
    {
        var stamp = await db.QuerySingleOrDefaultAsync<DateTime?>("SELECT updated_at FROM positions WHERE id = @id", new { id });
        if (stamp is null)
        {
            return null;
        }
        var today = ShanghaiTime.Today(clock);
        Opening? opening;
        if (_entries.TryGetValue(id, out var entry) && entry.UpdatedAt == stamp)
        {
            opening = entry.Opening;
        }
        else
        {
            opening = await OpeningsApi.Find(db, null, id, clock);
            if (opening is null)
            {
                return null;
            }
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }
            // Stamped with the row's own updated_at: an edit between the two reads is caught by the next request.
            _entries[id] = new Entry(opening.UpdatedAt, opening);
        }
        // The status as read today, not as cached.
        return opening with { Status = OpeningStatus.AsOf(opening.Status, opening.ClosesOn, today) };
    }
}
