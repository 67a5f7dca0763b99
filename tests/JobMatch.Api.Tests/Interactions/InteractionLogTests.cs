using JobMatch.Api.Interactions;

namespace JobMatch.Api.Tests.Interactions;

public sealed class InteractionLogTests
{
    [Theory]
    [InlineData("impression", 0)]
    [InlineData("not_interested", 0)]
    [InlineData("rejected", 0)]
    [InlineData("view", 1)]
    [InlineData("save", 2)]
    [InlineData("application", 2)]
    [InlineData("interview", 3)]
    [InlineData("enrolled", 3)]
    [InlineData("hired", 4)]
    [InlineData("employed", 4)]
    public void KindsMapToTheRankersGradedLabels(string kind, short label) => Assert.Equal(label, InteractionLog.Label(kind));

    [Fact]
    public void EveryKindTheDatabaseAcceptsHasALabel()
    {
        var migration = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "V5__interactions.sql"));
        var start = migration.IndexOf("kind IN (", StringComparison.Ordinal);
        var list = migration[start..migration.IndexOf("))", start, StringComparison.Ordinal)];
        var kinds = System.Text.RegularExpressions.Regex.Matches(list, "'([a-z_0-9]+)'")
            .Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(kinds.Order(), InteractionLog.Labels.Keys.Order());
    }
}
