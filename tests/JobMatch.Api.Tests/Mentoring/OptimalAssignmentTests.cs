using JobMatch.Api.Mentoring;

namespace JobMatch.Api.Tests.Mentoring;

public sealed class OptimalAssignmentTests
{
    static long Total(long[,] weight, int[] chosen) =>
        chosen.Select((column, row) => column < 0 ? 0 : weight[row, column]).Sum();

    /// <summary>The best total over every way of giving each row a column (or none) within capacity.</summary>
    static long BruteForce(long[,] weight, int[] capacities, int row = 0)
    {
        if (row == weight.GetLength(0))
        {
            return 0;
        }
        var best = BruteForce(weight, capacities, row + 1);
        for (var column = 0; column < capacities.Length; column++)
        {
            if (capacities[column] > 0)
            {
                capacities[column]--;
                best = Math.Max(best, weight[row, column] + BruteForce(weight, capacities, row + 1));
                capacities[column]++;
            }
        }
        return best;
    }

    static void AssertWithinCapacity(int[] chosen, int[] capacities)
    {
        for (var column = 0; column < capacities.Length; column++)
        {
            Assert.True(chosen.Count(c => c == column) <= capacities[column], $"column {column} over capacity");
        }
    }

    [Fact]
    public void MatchesExhaustiveSearchOnRandomSmallProblems()
    {
        var random = new Random(42);
        for (var trial = 0; trial < 300; trial++)
        {
            var (rows, columns) = (random.Next(1, 7), random.Next(1, 4));
            var weight = new long[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    weight[r, c] = random.Next(-20, 100);
                }
            }
            var capacities = Enumerable.Range(0, columns).Select(_ => random.Next(0, 3)).ToArray();
            var chosen = OptimalAssignment.Solve(weight, capacities);
            AssertWithinCapacity(chosen, capacities);
            Assert.Equal(BruteForce(weight, (int[])capacities.Clone()), Total(weight, chosen));
        }
    }

    [Fact]
    public void BeatsTheGreedyChoiceWhereGreedyIsShortSighted()
    {
        // Greedy takes the single best pair (row 0 → column 0, 10) and leaves row 1 with 1: total 11.
        // The optimum gives row 0 column 1 (9) and row 1 column 0 (9): total 18.
        long[,] weight = { { 10, 9 }, { 9, 1 } };
        var chosen = OptimalAssignment.Solve(weight, [1, 1]);
        Assert.Equal([1, 0], chosen);
    }

    [Fact]
    public void LeavesRowsOutOnlyWhenThereIsNoRoom()
    {
        long[,] weight = { { 5, 1 }, { 4, 2 }, { 3, 3 }, { 0, 0 } };
        var chosen = OptimalAssignment.Solve(weight, [2, 1]);
        AssertWithinCapacity(chosen, [2, 1]);
        Assert.Equal(1, chosen.Count(c => c < 0));
        Assert.Equal(12, Total(weight, chosen));
    }

    [Fact]
    public void HandlesNoColumnsAndNoRows()
    {
        Assert.Equal([-1, -1], OptimalAssignment.Solve(new long[2, 0], []));
        Assert.Empty(OptimalAssignment.Solve(new long[0, 3], [1, 1, 1]));
    }
}
