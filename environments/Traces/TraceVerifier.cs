namespace Jat.Environments.Traces;

/// <summary>
/// Replays every trace file found under a folder (<c>mujoco/*.jsonl</c>, <c>babyai/*.jsonl</c>, <c>metaworld/*.jsonl</c>, as laid out by the
/// traces README) and reports per environment.
/// </summary>
public static class TraceVerifier
{
    /// <summary>The trace files under <paramref name="folder"/> that Jat knows how to replay, and those it does not.</summary>
    public static (IReadOnlyList<string> Replayable, IReadOnlyList<string> Unknown) Find(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder} does not exist; point verify-traces at a folder of traces (mujoco/*.jsonl, babyai/*.jsonl, metaworld/*.jsonl).");
        }
        var replayable = new List<string>();
        var unknown = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            (ReplayerFor(file) is null ? unknown : replayable).Add(file);
        }
        return (replayable, unknown);
    }

    public static TraceEnvironmentReport Replay(string file, TraceTolerance tolerance, CancellationToken cancel)
    {
        var replay = ReplayerFor(file)
            ?? throw new ArgumentException($"{file}: not a trace Jat can replay (expected mujoco/<EnvId>.jsonl, babyai/<EnvId>.jsonl or metaworld/<env>-v2.jsonl).");
        return replay(file, tolerance, cancel);
    }

    private static Func<string, TraceTolerance, CancellationToken, TraceEnvironmentReport>? ReplayerFor(string file) =>
        Path.GetFileName(Path.GetDirectoryName(file)) switch
        {
            "mujoco" => MuJoCoTraceReplay.Replay,
            "babyai" => BabyAI.BabyAITraceReplay.Replay,
            "metaworld" => MetaWorldTraceReplay.Replay,
            _ => null,
        };
}
