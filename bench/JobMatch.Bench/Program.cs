using BenchmarkDotNet.Running;
using JobMatch.Bench;

// "report" writes the synthetic comparison and model to data/ranking/, "throughput" measures pairs per CPU-second, "train1m" times
// training on 1,000,000 pairs with CPU time,
// "alternatives" compares pg_trgm, ts_rank and BM25 with the ranker (bench/run.sh), "schema" prints the feature table for docs/RANKING.md; anything else goes to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "report":
        return SyntheticReport.Write(args.Skip(1).ToArray());
    case "throughput":
        return Throughput.Run();
    case "train1m":
        return TrainMillion.Run();
    case "alternatives":
        return await Alternatives.Run(args);
    case "schema":
        return SchemaTable.Print();
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
}
