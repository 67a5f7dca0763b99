namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Notifications as a client reads them: only the fields the tests read.

/// <summary>A dead letter (GET /api/notifications/outbox, POST .../replay).</summary>
public sealed record DeadLetterAnswer(Guid Id, string Kind, string Recipient, int Attempts, string? LastError);

/// <summary>The outbox at a glance (GET /api/notifications/outbox).</summary>
public sealed record OutboxSummaryAnswer(long Pending, long Due, long Dead, PageOf<DeadLetterAnswer> DeadLetters);

/// <summary>A notice in my inbox (GET /api/notifications).</summary>
public sealed record InboxItemAnswer(Guid Id, string Kind, string Subject, string Body, DateTime? ReadAt, string Route);

/// <summary>GET /api/notifications/unread-count.</summary>
public sealed record UnreadCountAnswer(long Unread);
