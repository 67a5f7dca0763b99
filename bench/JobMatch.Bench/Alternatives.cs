using System.Diagnostics;
using System.Globalization;
using System.Text;
using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Taxonomy;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Bench;

/// <summary>
/// "alternatives --app CS --admin CS --out FILE": what a user would otherwise pick, on the same matching queries as
/// the ranker. Quality: NDCG@10 of each on the synthetic world's held-out test veterans (the split the shipped model
/// never saw). Latency: top 20 for a veteran's profile text among the open positions of the benchmark database.
/// </summary>
internal static class Alternatives
{
    private const int LatencyQueries = 200;
    private const string Utf8Database = "bench_alt_utf8";
    private const string CDatabase = "bench_alt_c";

    public static async Task<int> Run(string[] args)
    {
        string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()
            ?? throw new ArgumentException($"alternatives needs {name}");
        var (app, admin, output) = (Arg("--app"), Arg("--admin"), Arg("--out"));
        var taxonomy = RankingTaxonomy.Load(Paths.Data());

        // The same world, split and model as data/ranking/synthetic-report.md (seed 7, 6,000 veterans, 600 openings).
        var world = WorldSimulator.Generate(taxonomy, new SimulationOptions(Seed: 7, Veterans: 6000, Openings: 600));
        var test = SyntheticExperiment.Split(world, SyntheticExperiment.Features(taxonomy, world), world.Options.Seed).Test;
        var model = DefaultModel.Load(taxonomy);

        await PostgresTrigram.PrepareAsync(admin, Utf8Database, "C.UTF-8");
        await PostgresTrigram.PrepareAsync(admin, CDatabase, "C");
        var openings = await ReadOpenings(app);
        var utf8 = PostgresTrigram.ConnectionString(admin, Utf8Database);
        await PostgresTrigram.LoadAsync(utf8, openings);
        var (trigram, tsRank) = await PostgresTrigram.PairScoresAsync(utf8, test);
        var (trigramC, _) = await PostgresTrigram.PairScoresAsync(PostgresTrigram.ConnectionString(admin, CDatabase), test);

        var d = test.Data;
        var scored = new List<(string Name, float[] Scores, bool Lexical)>
        {
            ("JobMatch ranker (" + model.Name + ")", model.Score(d.Features, d.RowCount), false),
            ("BM25, Lucene.Net CJK bigrams", Baselines.Bm25(test), true),
            ("pg_trgm similarity, C.UTF-8 database", trigram, true),
            ("pg_trgm similarity, C-locale database (the embedded cluster's)", trigramC, true),
            ("ts_rank, 'simple' configuration", tsRank, true),
            ("random order (reference)", Baselines.Random(test, 7), false),
        };
        var queries = test.VeteranOfGroup.Take(LatencyQueries).Select(v => v.ProfileText).ToArray();
        var latencies = new List<(string Name, Latency Latency, string Note)>
        {
            ("JobMatch ranker, in process", RankerLatency.Measure(taxonomy, model), $"features + scores for {RankerLatency.Candidates:N0} openings (the candidate cap), top 20"),
        };
        using (var lucene = new LuceneTopK(openings.Select(o => (o.Id.ToString(), o.Text))))
        {
            latencies.Add(("BM25, Lucene.Net, in process", Latency.Measure(queries, q => lucene.Top(q, 20)),
                $"RAM index of {openings.Count:N0} openings built in {lucene.BuildSeconds:0.0} s"));
        }
        latencies.Add(("pg_trgm, GiST KNN (`<->`)", await PostgresTrigram.LatencyAsync(utf8, queries, PostgresTrigram.TopByTrigram), "one SQL query per veteran, over loopback"));
        latencies.Add(("ts_rank, GIN (`@@`)", await PostgresTrigram.LatencyAsync(utf8, queries, PostgresTrigram.TopByTsRank),
            $"{await PostgresTrigram.TsHitsAsync(utf8, queries)} of {queries.Length} queries found any position"));

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Quality on the synthetic world's held-out test split ({d.GroupCount} veterans, {d.RowCount:N0} shown pairs; SYNTHETIC data):");
        text.AppendLine();
        text.AppendLine("| ranker | NDCG@10 | NDCG@5 | MAP | NDCG@10, ties in shown order | pairs it matched |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, scores, lexical) in scored)
        {
            var m = MetricSet.Compute(d, BreakTies(scores));
            var shownOrder = MetricSet.Compute(d, scores).Ndcg10;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {m.Ndcg10:0.0000} | {m.Ndcg5:0.0000} | {m.Map:0.0000} | {shownOrder:0.0000} | {(lexical ? Matched(scores) : "—")} |");
        }
        text.AppendLine();
        text.AppendLine("Ties are broken in random order (a fixed seed): the test rows of a veteran come in the order they were shown, which already "
            + "carries relevance, so an alternative that scores nothing would otherwise inherit it (the fifth column shows by how much).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`show_trgm('货车司机')`: C.UTF-8 database {await PostgresTrigram.ShowAsync(utf8)}; C-locale database {await PostgresTrigram.ShowAsync(PostgresTrigram.ConnectionString(admin, CDatabase))}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"`to_tsvector('simple', '负责货车驾驶和货物配送')`: {await PostgresTrigram.TsVectorAsync(utf8)}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Latency of the top 20 for one veteran, {queries.Length} veterans' profile texts one after another, {openings.Count:N0} open positions:");
        text.AppendLine();
        text.AppendLine("| ranker | p50 | p95 | p99 | how |");
        text.AppendLine("|---|---:|---:|---:|---|");
        foreach (var (name, l, note) in latencies)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {l.P50:0.00} ms | {l.P95:0.00} ms | {l.P99:0.00} ms | {note} |");
        }
        await File.WriteAllTextAsync(output, text.ToString());
        Console.Write(text);
        return 0;
    }

    /// <summary>Share of pairs with a score above nothing (ts_rank answers 1e-20, not 0, for no match).</summary>
    private static string Matched(float[] scores) =>
        (100.0 * scores.Count(s => s > 1e-6f) / Math.Max(1, scores.Length)).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>Adds a random amount smaller than any real difference between two scores, so ties fall in random order.</summary>
    private static float[] BreakTies(float[] scores)
    {
        var distinct = scores.Distinct().Order().ToArray();
        var gap = Enumerable.Range(1, Math.Max(0, distinct.Length - 1)).Select(i => distinct[i] - distinct[i - 1]).DefaultIfEmpty(1f).Min();
        var rng = new Random(7);
        return [.. scores.Select(s => s + (float)(rng.NextDouble() * gap * 0.5))];
    }

    /// <summary>The open positions' searchable text: title, duties, requirements and skills, as a user would index them.</summary>
    private static async Task<List<(Guid Id, string Text)>> ReadOpenings(string app)
    {
        await using var db = new NpgsqlConnection(app);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT id, concat_ws(' ', title, duties, requirements, array_to_string(skills, ' ')) FROM positions WHERE status = 'open'
            """, db);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<(Guid, string)>();
        while (await reader.ReadAsync())
        {
            result.Add((reader.GetGuid(0), reader.GetString(1)));
        }
        return result;
    }
}

/// <summary>Percentiles of one query at a time, after a few untimed warm-up queries.</summary>
internal sealed record Latency(double P50, double P95, double P99)
{
    public static Latency Measure<T>(IReadOnlyList<T> queries, Action<T> run)
    {
        foreach (var q in queries.Take(10))
        {
            run(q);
        }
        var times = new List<double>();
        foreach (var q in queries)
        {
            var watch = Stopwatch.StartNew();
            run(q);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Of(times);
    }

    public static Latency Of(List<double> times)
    {
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return new Latency(At(0.50), At(0.95), At(0.99));
    }
}

/// <summary>Binary COPY parameters of one test pair: the veteran's profile text and the opening's text.</summary>
internal static class PairRows
{
    public static async Task CopyAsync(NpgsqlConnection db, PairSet test)
    {
        await using var import = await db.BeginBinaryImportAsync("COPY pairs (row_no, q, d) FROM STDIN (FORMAT BINARY)");
        for (var g = 0; g < test.Data.GroupCount; g++)
        {
            for (var r = test.Data.GroupStarts[g]; r < test.Data.GroupStarts[g + 1]; r++)
            {
                var opening = test.OpeningOfRow[r];
                await import.StartRowAsync();
                await import.WriteAsync(r, NpgsqlDbType.Integer);
                await import.WriteAsync(test.VeteranOfGroup[g].ProfileText, NpgsqlDbType.Text);
                await import.WriteAsync(opening.Title + " " + opening.Text, NpgsqlDbType.Text);
            }
        }
        await import.CompleteAsync();
    }
}
