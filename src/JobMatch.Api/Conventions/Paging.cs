using System.Buffers.Text;

namespace JobMatch.Api.Conventions;

/// <summary>One page of a list: <c>{ "items": [...], "total": n, "nextCursor": "..." | null }</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, string? NextCursor);

/// <summary>Keyset paging over UUIDv7 ids (newest first): the cursor is the last id of the previous page.</summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxCursorLength = 32;

    /// <summary>What the document states for a list's cursor and limit parameters, unless the parameter declares its own.</summary>
    public static IReadOnlyList<Attribute> Limits(string? parameter) => parameter switch
    {
        "cursor" => [new TextAttribute(MaxCursorLength)],
        "limit" => [new ClampedAttribute(1, MaxLimit, DefaultLimit)],
        _ => [],
    };

    /// <summary>Default 20; values above 100 are clamped to 100, below 1 to 1.</summary>
    public static int Clamp(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);

    public static string Encode(Guid id) => Base64Url.EncodeToString(id.ToByteArray());

    /// <summary>Null cursor means the first page; a cursor we did not issue is an error the caller must fix.</summary>
    public static bool TryDecode(string? cursor, out Guid? after)
    {
        after = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        // Checked before decoding: TryDecodeFromChars throws (a 500) on some malformed input instead of returning false.
        Span<byte> bytes = stackalloc byte[24];
        if (cursor.Length > MaxCursorLength || !Base64Url.IsValid(cursor, out var length) || length != 16
            || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != 16)
        {
            return false;
        }
        after = new Guid(bytes[..16]);
        return true;
    }

    public static ValidationProblem InvalidCursor() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["cursor"] = [Say.Text("cursor 无效：请使用上一页返回的 nextCursor。", "Invalid cursor: pass the nextCursor of the previous page.")] });

    /// <summary>Builds a page from up to limit + 1 rows fetched in order: the extra row only says there is more.</summary>
    public static Page<T> ToPage<T>(IReadOnlyList<T> rows, int limit, long total, Func<T, Guid> id)
    {
        var items = rows.Take(limit).ToList();
        return new Page<T>(items, total, rows.Count > limit ? Encode(id(items[^1])) : null);
    }
}
