using System.Text.Json;
using Jat.Environments.MuJoCo;

namespace Jat.Environments.Traces;

/// <summary>
/// Replays gymnasium MuJoCo traces (<c>mujoco/&lt;EnvId&gt;.jsonl</c>, one episode per line): the recorded reset state
/// is put in place and the observation compared; every recorded action is applied and the observation, reward,
/// termination, truncation and info terms compared; and a reset from the seed alone must give the recorded state.
/// </summary>
internal static class MuJoCoTraceReplay
{
    public static TraceEnvironmentReport Replay(string file, TraceTolerance tolerance, CancellationToken cancel)
    {
        var envId = Path.GetFileNameWithoutExtension(file);
        if (!MuJoCoTasks.Contains(envId))
        {
            return new TraceEnvironmentReport(envId, file, 0, 0, null, 0, 0, [$"Jat has no environment {envId}; skipped."]);
        }
        using var environment = MuJoCoTasks.Create(envId);
        return TraceLines.ReplayAll(envId, file, cancel,
            (JsonElement episode, int line, ref int steps) => ReplayEpisode(environment, episode, tolerance, file, line, ref steps));
    }

    private static EpisodeComparison ReplayEpisode(
        MuJoCoEnvironment environment, JsonElement episode, TraceTolerance tolerance, string file, int line, ref int steps)
    {
        var seed = Required(episode, "seed", file, line).GetInt64();
        var comparison = new EpisodeComparison(seed, tolerance);
        var qpos0 = Doubles(Required(episode, "qpos0", file, line));
        var qvel0 = Doubles(Required(episode, "qvel0", file, line));

        // From the seed alone: gymnasium's reset noise drawn from numpy's generator.
        environment.Reset((ulong)seed);
        comparison.Numbers(-1, "qpos (reset from seed)", qpos0, environment.Qpos);
        comparison.Numbers(-1, "qvel (reset from seed)", qvel0, environment.Qvel);

        // From the recorded state: the dynamics, observation and rules.
        environment.ResetToState([.. qpos0], [.. qvel0]);
        comparison.Numbers(-1, "obs0", Doubles(Required(episode, "obs0", file, line)), environment.Observation.Continuous);
        var index = 0;
        Span<float> action = stackalloc float[environment.Spec.Actions is ContinuousActions a ? a.Size : 0];
        foreach (var step in Required(episode, "steps", file, line).EnumerateArray())
        {
            var recordedAction = Doubles(Required(step, "action", file, line));
            if (recordedAction.Count != action.Length)
            {
                throw new InvalidDataException(
                    $"{file}, line {line}, step {index}: the action has {recordedAction.Count} numbers, the environment takes {action.Length}.");
            }
            for (var i = 0; i < action.Length; i++)
            {
                action[i] = (float)recordedAction[i];
            }
            var transition = environment.Step(action);
            steps++;
            comparison.Numbers(index, "obs", Doubles(Required(step, "obs", file, line)), environment.Observation.Continuous);
            comparison.Number(index, "reward", Required(step, "reward", file, line).GetDouble(), transition.Reward);
            comparison.Exact(index, "terminated", Required(step, "terminated", file, line).GetBoolean(), transition.Terminated);
            var recordedTruncated = Required(step, "truncated", file, line).GetBoolean();
            if (recordedTruncated || transition.Truncated)
            {
                // Recordings cut at their own length limit end with neither flag; only a recorded time limit counts.
                comparison.Exact(index, "truncated", recordedTruncated, transition.Truncated);
            }
            if (step.TryGetProperty("info", out var info))
            {
                CompareInfo(environment, info, comparison, index);
            }
            if (comparison.Diverged)
            {
                break;
            }
            index++;
        }
        return comparison;
    }

    private static void CompareInfo(MuJoCoEnvironment environment, JsonElement info, EpisodeComparison comparison, int step)
    {
        var values = environment.InfoValues;
        foreach (var entry in info.EnumerateObject())
        {
            var at = IndexOf(environment.InfoNames, entry.Name);
            if (at < 0)
            {
                comparison.Fail(step, $"info.{entry.Name}", entry.Value.GetRawText(), "(not reported)", double.PositiveInfinity);
                return;
            }
            comparison.Number(step, $"info.{entry.Name}", entry.Value.GetDouble(), values[at]);
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }
        return -1;
    }

    private static JsonElement Required(JsonElement element, string name, string file, int line) =>
        TraceLines.Required(element, name, file, line);

    private static List<double> Doubles(JsonElement array) => TraceLines.Doubles(array);
}
