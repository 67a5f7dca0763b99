using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace JobMatch.Api.Conventions;

/// <summary>Marks a create endpoint as accepting the Idempotency-Key header.</summary>
public sealed class IdempotentAttribute : Attribute;

public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IdempotentAttribute());

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();
}

/// <summary>
/// Same key and same request (method, path, query and body): the first answer again (header Idempotent-Replayed). Same
/// key, another request: 422.
/// A key in flight answers 409 (taken over after two minutes). Only successful answers are kept (24 hours); a failure frees the key for a retry.
/// </summary>
sealed class IdempotencyMiddleware(RequestDelegate next, NpgsqlDataSource dataSource)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null
            || http.Request.Headers[Idempotency.Header].ToString() is not { Length: > 0 } key)
        {
            await next(http);
            return;
        }
        if (key.Length > 200)
        {
            await TypedResults.Problem(statusCode: 400, title: "Invalid Idempotency-Key",
                detail: Say.Text("Idempotency-Key 不能超过 200 个字符。", "Idempotency-Key must be at most 200 characters.")).ExecuteAsync(http);
            return;
        }
        var subject = http.User.FindFirst("sub")?.Value ?? "anonymous";
        var hash = await HashRequest(http.Request);
        await using (var db = await dataSource.OpenConnectionAsync())
        {
            await db.ExecuteAsync("DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'");
            var claimed = await db.ExecuteAsync("""
                INSERT INTO idempotency_keys (subject, key, request_hash) VALUES (@subject, @key, @hash)
                ON CONFLICT (subject, key) DO NOTHING
                """, new { subject, key, hash });
            if (claimed == 0)
            {
                // A key left in flight by a crashed request is taken over after two minutes instead of blocking for a day.
                claimed = await db.ExecuteAsync("""
                    UPDATE idempotency_keys SET request_hash = @hash, created_at = now()
                    WHERE subject = @subject AND key = @key AND status_code IS NULL AND created_at < now() - interval '2 minutes'
                    """, new { subject, key, hash });
            }
            if (claimed == 0)
            {
                var stored = await db.QuerySingleAsync<StoredAnswer>("""
                    SELECT request_hash AS RequestHash, status_code AS StatusCode, content_type AS ContentType, location AS Location, body AS Body
                    FROM idempotency_keys WHERE subject = @subject AND key = @key
                    """, new { subject, key });
                await Replay(http, stored, hash);
                return;
            }
        }
        await RunAndKeep(http, subject, key);
    }

    async Task RunAndKeep(HttpContext http, string subject, string key)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var succeeded = false;
        try
        {
            await next(http);
            succeeded = http.Response.StatusCode is >= 200 and < 300;
        }
        finally
        {
            http.Response.Body = original;
            await using var db = await dataSource.OpenConnectionAsync();
            if (succeeded)
            {
                await db.ExecuteAsync("""
                    UPDATE idempotency_keys SET status_code = @status, content_type = @contentType, location = @location, body = @body
                    WHERE subject = @subject AND key = @key
                    """, new { status = http.Response.StatusCode, contentType = http.Response.ContentType,
                               location = http.Response.Headers.Location.ToString(), body = buffer.ToArray(), subject, key });
            }
            else
            {
                await db.ExecuteAsync("DELETE FROM idempotency_keys WHERE subject = @subject AND key = @key", new { subject, key });
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original);
    }

    static async Task Replay(HttpContext http, StoredAnswer stored, byte[] hash)
    {
        if (!stored.RequestHash.AsSpan().SequenceEqual(hash))
        {
            await Problems.Unprocessable(
                "该 Idempotency-Key 已用于另一个请求体：请为新请求使用新的键。",
                "This Idempotency-Key was used with a different request: use a new key for a new request.").ExecuteAsync(http);
            return;
        }
        if (stored.StatusCode is not { } status)
        {
            await Problems.Conflict("使用该 Idempotency-Key 的请求仍在处理中，请稍后重试。",
                "A request with this Idempotency-Key is still being processed; retry shortly.").ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = stored.ContentType;
        if (!string.IsNullOrEmpty(stored.Location))
        {
            http.Response.Headers.Location = stored.Location;
        }
        http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.Body.WriteAsync(stored.Body ?? []);
    }

    static async Task<byte[]> HashRequest(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The query is part of the request: ?dryRun=true and the import itself are two requests, not one sent twice.
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }
        request.Body.Position = 0;
        return sha.GetHashAndReset();
    }

    sealed record StoredAnswer(byte[] RequestHash, int? StatusCode, string? ContentType, string? Location, byte[]? Body);
}
