using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace JobMatch.Bench;

/// <summary>
/// Runs in the benchmark's own process: the generated out-of-process project would inherit the repository's
/// build rules and package management, and in-process is what a request path sees anyway.
/// </summary>
public sealed class ScoringConfig : ManualConfig
{
    public ScoringConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15));
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}

/// <summary>One cold run per iteration: a training run takes tens of seconds, so BenchmarkDotNet's pilot stages are skipped.</summary>
public sealed class TrainingConfig : ManualConfig
{
    public TrainingConfig()
    {
        AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(2));
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
