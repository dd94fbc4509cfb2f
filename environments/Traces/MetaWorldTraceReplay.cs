using System.Globalization;
using System.Text.Json;
using Jat.Environments.Families;
using Jat.Environments.MetaWorld;
using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.Traces;

/// <summary>
/// Replays Meta-World v2 traces (<c>metaworld/&lt;env&gt;-v2.jsonl</c>, one episode per line, as the traces README lays
/// them out): a reset from the seed alone must draw the recorded vectors and reach the recorded state (<c>qpos0</c>,
/// <c>qvel0</c>, <c>qacc_warmstart0</c>, the mocap pose, <c>obs0</c>); then, from the recorded state put in place, every
/// recorded action must give the recorded observation, reward, the seven <c>info</c> entries and the time limit.
/// </summary>
internal static class MetaWorldTraceReplay
{
    public static TraceEnvironmentReport Replay(string file, TraceTolerance tolerance, CancellationToken cancel)
    {
        var envId = Path.GetFileNameWithoutExtension(file);
        if (!MetaWorldTasks.Contains(envId))
        {
            return new TraceEnvironmentReport(envId, file, 0, 0, null, 0, 0, [$"Jat has no Meta-World task {envId} yet; skipped."]);
        }
        SawyerEnvironment environment;
        try
        {
            environment = MetaWorldTasks.Create(envId);
        }
        catch (EnvironmentUnavailableException missing)
        {
            return new TraceEnvironmentReport(envId, file, 0, 0, null, 0, 0, [$"skipped: {missing.Message}"]);
        }
        using (environment)
        {
            return TraceLines.ReplayAll(envId, file, cancel,
                (JsonElement episode, int line, ref int steps) => ReplayEpisode(environment, episode, tolerance, file, line, ref steps));
        }
    }

    private static EpisodeComparison ReplayEpisode(
        SawyerEnvironment environment, JsonElement episode, TraceTolerance tolerance, string file, int line, ref int steps)
    {
        JsonElement Field(JsonElement element, string name) => TraceLines.Required(element, name, file, line);
        List<double> Numbers(JsonElement element, string name) => TraceLines.Doubles(Field(element, name));

        var seed = Field(episode, "seed").GetInt64();
        var comparison = new EpisodeComparison(seed, tolerance);

        // From the seed alone: every vector the two reset_model calls drew (rejection loops included), then the state.
        environment.Reset((ulong)seed);
        var draws = Field(episode, "rand_draws").EnumerateArray().SelectMany(call => call.EnumerateArray()).ToList();
        comparison.Exact(-1, "rand_draws.count (reset from seed)", draws.Count, environment.Draws.Count);
        for (var i = 0; i < Math.Min(draws.Count, environment.Draws.Count); i++)
        {
            comparison.Numbers(-1, $"rand_draws[{i}] (reset from seed)", TraceLines.Doubles(draws[i]), environment.Draws[i]);
        }
        var simulation = environment.Simulation;
        comparison.Numbers(-1, "qpos (reset from seed)", Numbers(episode, "qpos0"), simulation.Qpos);
        comparison.Numbers(-1, "qvel (reset from seed)", Numbers(episode, "qvel0"), simulation.Qvel);
        comparison.Numbers(-1, "qacc_warmstart (reset from seed)", Numbers(episode, "qacc_warmstart0"), simulation.QaccWarmstart);
        comparison.Numbers(-1, "mocap_pos (reset from seed)", Numbers(episode, "mocap_pos0"), simulation.MocapPos);
        comparison.Numbers(-1, "mocap_quat (reset from seed)", Numbers(episode, "mocap_quat0"), simulation.MocapQuat);
        var obs0 = Numbers(episode, "obs0");
        comparison.Numbers(-1, "obs0 (reset from seed)", obs0, environment.Observation.Continuous);

        // From the recorded state: the dynamics, observation and rules (the task's own state is the seeded reset's).
        environment.RestoreState([.. Numbers(episode, "qpos0")], [.. Numbers(episode, "qvel0")], [.. Numbers(episode, "mocap_pos0")],
            [.. Numbers(episode, "mocap_quat0")], [.. Numbers(episode, "ctrl0")], Field(episode, "time0").GetDouble(),
            [.. Numbers(episode, "qacc_warmstart0")], [.. obs0]);
        Span<float> action = stackalloc float[4];
        var index = 0;
        foreach (var step in Field(episode, "steps").EnumerateArray())
        {
            var recorded = Numbers(step, "action");
            if (recorded.Count != action.Length)
            {
                throw new InvalidDataException(
                    $"{file}, line {line}, step {index}: the action has {recorded.Count} numbers; Meta-World takes 4.");
            }
            for (var i = 0; i < action.Length; i++)
            {
                action[i] = (float)recorded[i];
            }
            var transition = environment.Step(action);
            steps++;
            comparison.Numbers(index, "obs", Numbers(step, "obs"), environment.Observation.Continuous);
            comparison.Number(index, "reward", Field(step, "reward").GetDouble(), transition.Reward);
            var info = Field(step, "info");
            for (var i = 0; i < SawyerEnvironment.InfoNames.Count; i++)
            {
                var name = SawyerEnvironment.InfoNames[i];
                comparison.Number(index, $"info.{name}", Field(info, name).GetDouble(), environment.InfoValues[i]);
            }
            comparison.Exact(index, "truncated", Field(step, "truncated").GetBoolean(), transition.Truncated);
            comparison.Exact(index, "terminated", false, transition.Terminated);
            if (comparison.Diverged)
            {
                break;
            }
            index++;
        }
        if (!comparison.Diverged && index != SawyerEnvironment.MaxEpisodeSteps)
        {
            comparison.Fail(index, "steps.count", SawyerEnvironment.MaxEpisodeSteps.ToString(CultureInfo.InvariantCulture),
                index.ToString(CultureInfo.InvariantCulture), double.PositiveInfinity);
        }
        return comparison;
    }
}
