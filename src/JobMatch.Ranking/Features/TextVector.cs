namespace JobMatch.Ranking.Features;

/// <summary>
/// A sparse, L2-normalised vector of hashed character unigrams and bigrams. Chinese has no spaces, so word
/// tokenisers see one token per sentence; character n-grams need no dictionary and match 叉车 in 叉车司机.
/// </summary>
internal sealed class TextVector
{
    public static readonly TextVector Empty = new([], []);
    private const int Buckets = 1 << 20;

    private TextVector(int[] keys, float[] weights)
    {
        Keys = keys;
        Weights = weights;
    }

    public int[] Keys { get; }

    public float[] Weights { get; }

    public static TextVector From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        var counts = new Dictionary<int, int>();
        var previous = '\0';
        foreach (var raw in text)
        {
            if (!char.IsLetterOrDigit(raw))
            {
                previous = '\0';
                continue;
            }

            var c = char.ToLowerInvariant(raw);
            Add(counts, c);
            if (previous != '\0')
            {
                Add(counts, (previous << 16) | c);
            }

            previous = c;
        }

        var keys = counts.Keys.ToArray();
        Array.Sort(keys);
        var weights = new float[keys.Length];
        double norm = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            // Sublinear term frequency keeps a repeated word from dominating the profile.
            weights[i] = 1f + MathF.Log(counts[keys[i]]);
            norm += weights[i] * weights[i];
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= scale;
        }

        return new TextVector(keys, weights);
    }

    public float Cosine(TextVector other)
    {
        float sum = 0;
        int i = 0, j = 0;
        var a = Keys;
        var b = other.Keys;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                sum += Weights[i++] * other.Weights[j++];
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    private static void Add(Dictionary<int, int> counts, int gram)
    {
        var key = (int)((uint)gram * 2654435761u % Buckets);
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
    }
}
