using Jat.Environments.MetaWorld;
using Jat.Environments.MetaWorld.Assets;
using Jat.Environments.Traces;

namespace Jat.Environments.Tests.MetaWorld;

/// <summary>
/// Step-for-step parity with Meta-World's own v2 code (Farama 08489b46 on MuJoCo 2.2.2,
/// ../shared/reference/traces/metaworld), through the product's replay: from the seed alone, the same draws and reset
/// state; from the recorded state, every observation, reward and info entry. Exact equality is expected (1e-12
/// allowed, for reporting).
/// </summary>
[Collection(nameof(AssetsTests))]
public sealed class TraceParityTests : IDisposable
{
    public static TheoryData<string> EnvIds() => [.. MetaWorldTasks.All.Select(entry => entry.Task.EnvId)];

    public void Dispose() => MetaWorldAssets.UseFolder(null);

    [Theory]
    [MemberData(nameof(EnvIds))]
    public void Recorded_episodes_replay_exactly(string envId)
    {
        if (SharedReference.Traces("metaworld") is not { } traces || SharedReference.MetaWorldAssets() is not { } assets)
        {
            return;
        }
        MetaWorldAssets.UseFolder(assets);

        var report = MetaWorldTraceReplay.Replay(Path.Combine(traces, envId + ".jsonl"), new TraceTolerance(1e-12), CancellationToken.None);

        Assert.Empty(report.Notes);
        Assert.Equal(4, report.Episodes);
        Assert.True(report.Passed, $"{envId}: {report.Matched}/{report.Episodes} episodes matched; first divergence {report.FirstDivergence}");
        Assert.Equal(400, report.StepsCompared);
        Console.WriteLine($"{envId}: largest difference {report.LargestDifference:G3}");
    }

    [Fact]
    public void Without_the_assets_a_trace_is_skipped_with_the_one_line_reason()
    {
        if (SharedReference.Traces("metaworld") is not { } traces)
        {
            return;
        }
        var missing = Path.Combine(Path.GetTempPath(), $"jat-no-assets-{Guid.NewGuid():N}");
        MetaWorldAssets.UseFolder(missing);

        var report = MetaWorldTraceReplay.Replay(Path.Combine(traces, "reach-v2.jsonl"), new TraceTolerance(), CancellationToken.None);

        Assert.Equal(0, report.Episodes);
        var note = Assert.Single(report.Notes);
        Assert.Contains(missing, note, StringComparison.Ordinal);
        Assert.Contains("--metaworld-assets DIR", note, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', note);
    }

    [Fact]
    public void A_task_Jat_does_not_play_is_skipped_and_said_so()
    {
        var file = Path.Combine(Path.GetTempPath(), $"jat-mw-{Guid.NewGuid():N}", "metaworld", "no-such-task-v2.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "{}\n");
        try
        {
            var report = MetaWorldTraceReplay.Replay(file, new TraceTolerance(), CancellationToken.None);
            Assert.Equal(0, report.Episodes);
            Assert.Contains("no-such-task-v2", Assert.Single(report.Notes), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(file))!, recursive: true);
        }
    }
}
