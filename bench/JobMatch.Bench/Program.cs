using BenchmarkDotNet.Running;
using JobMatch.Bench;

// "report" writes the synthetic comparison and model to data/ranking/; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "report")
{
    return SyntheticReport.Write(args.Skip(1).ToArray());
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
