namespace JobMatch.Api.Mentoring;

/// <summary>
/// Maximum-weight assignment of rows (enterprises) to columns (mentors) where column j takes at most capacities[j]
/// rows: the Hungarian method (Kuhn–Munkres with potentials, O(n²·m)) on a matrix whose columns are expanded into one
/// slot per unit of capacity, plus one "leave unassigned" slot per row at weight 0, so a row is left out only when
/// every real slot would lower the total.
/// </summary>
public static class OptimalAssignment
{
    /// <summary>For each row, the column it is assigned to, or -1.</summary>
    public static int[] Solve(long[,] weight, IReadOnlyList<int> capacities)
    {
        var rows = weight.GetLength(0);
        if (weight.GetLength(1) != capacities.Count)
        {
            throw new ArgumentException("One capacity per column is needed.", nameof(capacities));
        }
        var slotColumn = new List<int>();
        for (var column = 0; column < capacities.Count; column++)
        {
            slotColumn.AddRange(Enumerable.Repeat(column, Math.Max(0, capacities[column])));
        }
        var realSlots = slotColumn.Count;
        var slots = realSlots + rows;
        // Minimising cost = -weight; the dummy slots cost 0.
        long Cost(int row, int slot) => slot < realSlots ? -weight[row, slotColumn[slot]] : 0;
        var bySlot = Hungarian(rows, slots, Cost);
        var result = new int[rows];
        for (var row = 0; row < rows; row++)
        {
            result[row] = bySlot[row] < realSlots ? slotColumn[bySlot[row]] : -1;
        }
        return result;
    }

    /// <summary>Minimum-cost assignment of every one of n rows to a distinct one of m ≥ n columns; returns each row's column.</summary>
    static int[] Hungarian(int n, int m, Func<int, int, long> cost)
    {
        const long infinity = long.MaxValue / 4;
        // 1-based, with row/column 0 as the sentinel of the augmenting search.
        var u = new long[n + 1];
        var v = new long[m + 1];
        var owner = new int[m + 1];
        var way = new int[m + 1];
        for (var row = 1; row <= n; row++)
        {
            owner[0] = row;
            var column0 = 0;
            var minimum = new long[m + 1];
            Array.Fill(minimum, infinity);
            var used = new bool[m + 1];
            do
            {
                used[column0] = true;
                var row0 = owner[column0];
                var delta = infinity;
                var column1 = 0;
                for (var column = 1; column <= m; column++)
                {
                    if (used[column])
                    {
                        continue;
                    }
                    var reduced = cost(row0 - 1, column - 1) - u[row0] - v[column];
                    if (reduced < minimum[column])
                    {
                        minimum[column] = reduced;
                        way[column] = column0;
                    }
                    if (minimum[column] < delta)
                    {
                        delta = minimum[column];
                        column1 = column;
                    }
                }
                for (var column = 0; column <= m; column++)
                {
                    if (used[column])
                    {
                        u[owner[column]] += delta;
                        v[column] -= delta;
                    }
                    else
                    {
                        minimum[column] -= delta;
                    }
                }
                column0 = column1;
            }
            while (owner[column0] != 0);
            do
            {
                var column1 = way[column0];
                owner[column0] = owner[column1];
                column0 = column1;
            }
            while (column0 != 0);
        }
        var assigned = new int[n];
        for (var column = 1; column <= m; column++)
        {
            if (owner[column] != 0)
            {
                assigned[owner[column] - 1] = column - 1;
            }
        }
        return assigned;
    }
}
