using JobMatch.Api.Matching;

namespace JobMatch.Api.Tests.Matching;

public sealed class CapacityRerankingTests
{
    static CapacityReranking.Slot Slot(int index, double score, int? headcount = 10, int filled = 0, long applications = 0) =>
        new(index, score, headcount, filled, applications);

    [Fact]
    public void ANearlyFullOrCrowdedOpeningMovesBelowACloseRivalButNeverBelowOneFarLower()
    {
        // Spread 1.0, penalty at most 0.15: the full opening (pressure ≈ 0.95) loses ≈ 0.14.
        var order = CapacityReranking.Order([Slot(0, 1.0, headcount: 10, filled: 9, applications: 30), Slot(1, 0.9), Slot(2, 0.0)], 0.15);
        Assert.Equal([1, 0, 2], order);

        var bounded = CapacityReranking.Order([Slot(0, 1.0, headcount: 10, filled: 10, applications: 100), Slot(1, 0.8), Slot(2, 0.0)], 0.15);
        Assert.Equal([0, 1, 2], bounded);
    }

    [Fact]
    public void OpeningsWithRoomAndNoCrowdKeepTheirOrderAndZeroPenaltyChangesNothing()
    {
        Assert.Equal([0, 1, 2], CapacityReranking.Order([Slot(0, 3), Slot(1, 2), Slot(2, 1)], 0.15));
        Assert.Equal([0, 1], CapacityReranking.Order([Slot(0, 1.0, filled: 9, applications: 50), Slot(1, 0.99)], 0));
        Assert.Equal(0, CapacityReranking.Pressure(Slot(0, 1, headcount: null)));
    }
}
