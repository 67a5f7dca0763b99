using System.Data.Common;
using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Notifications;

/// <summary>Whether I get events of <c>Kind</c> on <c>Channel</c> (<c>On</c>), and what holds when I never chose (<c>Default</c>).</summary>
public sealed record NotificationPreference(string Kind, string Channel, bool On, bool Default);

public sealed record NotificationPreferences(IReadOnlyList<NotificationPreference> Preferences);

/// <summary>One choice: events of <c>Kind</c> on <c>Channel</c> on or off.</summary>
public sealed record PreferenceChoice(
    [OneOf(typeof(Notices), nameof(Notices.Kinds))] string Kind,
    [OneOf(typeof(Outbox), nameof(Outbox.Channels))] string Channel,
    bool On);

/// <summary>The choices to change; kinds and channels not named stay as they are.</summary>
public sealed record PreferenceChoices([Items(20)] IReadOnlyList<PreferenceChoice>? Preferences);

/// <summary>
/// What each person wants to be told, per event kind (<see cref="Notices.Kinds"/>) and channel (<see cref="Outbox.Channels"/>):
/// every one is on until the person turns it off. <see cref="Reach.Wants"/> applies them when messages are written and sent.
/// </summary>
public static class Preferences
{
    public const bool Default = true;

    public static RouteGroupBuilder MapNotificationPreferences(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications/preferences").WithTags("Notifications").RequireAuthorization(Policies.AnyRole);
        group.MapGet("/", Mine).WithSummary("What I am told: every event kind on every channel, on or off, with the default");
        group.MapPut("/", Change).ProducesValidationProblem()
            .WithSummary("Turn event kinds on or off per channel for myself; those not named stay as they are");
        return group;
    }

    static async Task<Ok<NotificationPreferences>> Mine(ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return TypedResults.Ok(await ReadAsync(db, user.Subject()));
    }

    static async Task<Results<Ok<NotificationPreferences>, ValidationProblem>> Change(PreferenceChoices body, ClaimsPrincipal user,
        NpgsqlDataSource dataSource, TimeProvider clock)
    {
        if (body.Preferences is not { Count: > 0 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["preferences"] = [Say.Text("请至少给出一项选择（类别、渠道、开或关）。", "Give at least one choice (kind, channel, on or off).")],
            });
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var choices = body.Preferences.DistinctBy(p => (p.Kind, p.Channel)).ToList();
        await SetAsync(db, tx, user.Subject(), choices, clock.GetUtcNow().UtcDateTime);
        await AuditLog.WriteAsync(db, tx, user, "notifications.preferences_changed", "notification_preferences", null,
            new { preferences = choices });
        await tx.CommitAsync();
        return TypedResults.Ok(await ReadAsync(db, user.Subject()));
    }

    /// <summary>Records the person's choices (an unsubscribe link is one: the kind off by e-mail).</summary>
    internal static Task SetAsync(DbConnection db, DbTransaction tx, string subject, IReadOnlyList<PreferenceChoice> choices, DateTime now) =>
        db.ExecuteAsync("""
            INSERT INTO notification_preferences (subject, kind, channel, enabled, updated_at)
            SELECT @subject, c.kind, c.channel, c.enabled, @now FROM unnest(@kinds, @channels, @enabled) AS c (kind, channel, enabled)
            ON CONFLICT (subject, kind, channel) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at
            """, new { subject, now, kinds = choices.Select(c => c.Kind).ToArray(), channels = choices.Select(c => c.Channel).ToArray(),
                enabled = choices.Select(c => c.On).ToArray() }, tx);

    static async Task<NotificationPreferences> ReadAsync(DbConnection db, string subject)
    {
        var chosen = (await db.QueryAsync<(string Kind, string Channel, bool Enabled)>(
            "SELECT kind, channel, enabled FROM notification_preferences WHERE subject = @subject", new { subject }))
            .ToDictionary(p => (p.Kind, p.Channel), p => p.Enabled);
        return new([.. Notices.Kinds.SelectMany(kind => Outbox.Channels.Select(channel =>
            new NotificationPreference(kind, channel, chosen.GetValueOrDefault((kind, channel), Default), Default)))]);
    }
}
