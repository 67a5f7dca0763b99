namespace JobMatch.Api.Tests.Infrastructure.Answers;

public sealed record NotificationPreferenceAnswer(string Kind, string Channel, bool On, bool Default);

public sealed record NotificationPreferencesAnswer(IReadOnlyList<NotificationPreferenceAnswer> Preferences);
