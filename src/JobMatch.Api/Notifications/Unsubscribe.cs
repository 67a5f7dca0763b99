using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using JobMatch.Api.Accounts;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Notifications;

/// <summary>
/// The signed tokens of the unsubscribe links in every notification mail: a person and an event kind, with an HMAC-SHA256
/// over both by a key derived (HKDF, as Privacy's ID-number keys are) from Auth:SigningKey, so that no token can be guessed
/// or altered to stop another person's mails or another kind. Without a signing key (an OpenID Connect issuer alone, no
/// accounts, so no one to mail) there are no links.
/// </summary>
public sealed class UnsubscribeTokens
{
    const string Route = "/api/notifications/unsubscribe";
    readonly byte[]? key;

    public UnsubscribeTokens(IOptions<AuthOptions> auth) =>
        key = auth.Value.HasUsableKey()
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, auth.Value.SigningKeyBytes(), 32, info: "jobmatch notifications unsubscribe"u8.ToArray())
            : null;

    /// <summary>The link that turns <paramref name="kind"/> off by e-mail for <paramref name="subject"/>; null without a key.</summary>
    public string? Link(string origin, string subject, string kind) =>
        key is null ? null : $"{origin.TrimEnd('/')}{Route}?token={Issue(subject, kind)}";

    public string Issue(string subject, string kind)
    {
        var payload = Encoding.UTF8.GetBytes($"{subject}\n{kind}");
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key!, payload))}";
    }

    /// <summary>The person and kind of a token this service signed; false for anything else (forged, altered, cut).</summary>
    public bool TryRead(string? token, out string subject, out string kind)
    {
        (subject, kind) = ("", "");
        var parts = (token ?? "").Split('.');
        if (key is null || parts.Length != 2 || token!.Length > 600 || !TryDecode(parts[0], out var payload) || !TryDecode(parts[1], out var mac)
            || !CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)))
        {
            return false;
        }
        var fields = Encoding.UTF8.GetString(payload).Split('\n');
        (subject, kind) = fields.Length == 2 ? (fields[0], fields[1]) : ("", "");
        return fields.Length == 2 && Notices.Kinds.Contains(kind);
    }

    static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}

/// <summary>
/// The unsubscribe link of a mail, for whoever holds it (no sign-in: the signed token is the proof), within the sign-in
/// budget per address. GET shows what it stops and a button (a mail scanner opening links changes nothing); POST stops it,
/// the button's and RFC 8058's one-click (List-Unsubscribe-Post) alike.
/// </summary>
public static class UnsubscribeApi
{
    public static RouteGroupBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications/unsubscribe").WithTags("Notifications").AllowAnonymous()
            .AddEndpointFilter<SignInLimit>();
        group.MapGet("/", Confirm).Produces(StatusCodes.Status200OK, contentType: "text/html").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The page of an e-mail's unsubscribe link: what it stops, and a button to stop it (changes nothing)");
        group.MapPost("/", Stop).DisableAntiforgery().Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Stop the e-mails of the link's kind for its person: the page's button and RFC 8058 one-click (again: no change)");
        return group;
    }

    static Results<ContentHttpResult, ProblemHttpResult> Confirm([Text(600)] string? token, UnsubscribeTokens tokens) =>
        !tokens.TryRead(token, out _, out var kind) ? Refused() : TypedResults.Content(Page(Say.Text(
            $"退订「{Kind(kind, NotificationTexts.Chinese)}」邮件？站内通知不受影响，登录后可在“通知设置”中重新开启。",
            $"Stop the mails about \"{Kind(kind, NotificationTexts.English)}\"? Notices in the console stay; you can turn mails back on in Notification settings."),
            $"""<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">{Say.Text("退订", "Unsubscribe")}</button></form>"""),
            "text/html; charset=utf-8");

    static async Task<Results<ContentHttpResult, ProblemHttpResult>> Stop([Text(600)] string? token, UnsubscribeTokens tokens, NpgsqlDataSource dataSource,
        TimeProvider clock)
    {
        if (!tokens.TryRead(token, out var subject, out var kind))
        {
            return Refused();
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        await Preferences.SetAsync(db, tx, subject, [new PreferenceChoice(kind, Outbox.Email, false)], clock.GetUtcNow().UtcDateTime);
        await AuditLog.WriteAsync(db, tx, subject, "anonymous", "notifications.unsubscribed", "notification_preferences", null,
            new { kind, channel = Outbox.Email, by = "unsubscribe link" });
        await tx.CommitAsync();
        return TypedResults.Content(Page(Say.Text($"已退订「{Kind(kind, NotificationTexts.Chinese)}」邮件。",
            $"You will get no more mails about \"{Kind(kind, NotificationTexts.English)}\"."), ""), "text/html; charset=utf-8");
    }

    static ProblemHttpResult Refused() => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid unsubscribe link",
        detail: Say.Text("退订链接无效：请完整复制邮件中的链接，或登录后在“通知设置”中关闭通知。",
            "This unsubscribe link is not valid: copy the whole link from the mail, or sign in and turn notices off in Notification settings."));

    static string Kind(string kind, string language) => NotificationTexts.Name(kind, language);

    static string Page(string text, string form) => $"""
        <!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>JobMatch</title></head><body><main><p>{WebUtility.HtmlEncode(text)}</p>{form}</main></body></html>
        """;
}
