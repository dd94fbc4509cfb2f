using System.Globalization;
using System.Text.Json;
using Jat.Environments.BabyAI.Levels;
using Jat.Environments.Traces;

namespace Jat.Environments.BabyAI;

/// <summary>How one recorded BabyAI episode replayed.</summary>
/// <param name="Divergence">The first difference, or null when the episode matched throughout.</param>
internal sealed record BabyAIEpisodeResult(long Seed, int StepsCompared, bool BotStuck, TraceDivergence? Divergence)
{
    public bool Matched => Divergence is null;
}

/// <summary>
/// Replays MiniGrid traces (<c>babyai/&lt;EnvId&gt;.jsonl</c>, one episode per line) from the seed alone: the reset
/// must give the recorded size, step limit, mission, agent, full grid and first observation, and every recorded
/// action the recorded observation, reward, termination and truncation. Each episode gets a new level instance, as the
/// recorder made a new environment per seed: MiniGrid's level generator remembers its last locked room across resets
/// of one instance, which changes later layouts of the Synth levels.
/// </summary>
internal static class BabyAITraceReplay
{
    public static TraceEnvironmentReport Replay(string file, TraceTolerance tolerance, CancellationToken cancel)
    {
        var envId = Path.GetFileNameWithoutExtension(file);
        if (!BabyAILevels.Contains(envId))
        {
            return new TraceEnvironmentReport(envId, file, 0, 0, null, 0, 0, [$"Jat has no BabyAI level {envId}; skipped."]);
        }
        var episodes = ReplayEpisodes(file, tolerance, cancel);
        var notes = new List<string>();
        foreach (var episode in episodes)
        {
            if (episode.BotStuck)
            {
                notes.Add($"seed {episode.Seed}: the recording stops where the bot gave no action; compared the steps it has.");
            }
        }
        return new TraceEnvironmentReport(
            envId, file, episodes.Count, episodes.Count(e => e.Matched), episodes.FirstOrDefault(e => !e.Matched)?.Divergence,
            0, episodes.Sum(e => e.StepsCompared), notes);
    }

    /// <summary>Each episode of the file, replayed on a new level instance.</summary>
    public static IReadOnlyList<BabyAIEpisodeResult> ReplayEpisodes(string file, TraceTolerance tolerance, CancellationToken cancel)
    {
        var envId = Path.GetFileNameWithoutExtension(file);
        var results = new List<BabyAIEpisodeResult>();
        TraceLines.ForEach(file, cancel, (episode, lineNumber) => results.Add(ReplayEpisode(envId, episode, tolerance, file, lineNumber)));
        return results;
    }

    private static BabyAIEpisodeResult ReplayEpisode(string envId, JsonElement episode, TraceTolerance tolerance, string file, int line)
    {
        using var level = BabyAILevels.Create(envId);
        var seed = Required(episode, "seed", file, line).GetInt64();
        var comparison = new EpisodeComparison(seed, tolerance);
        var botStuck = episode.TryGetProperty("bot_stuck", out var stuck) && stuck.GetBoolean();
        level.Reset((ulong)seed);
        comparison.Exact(-1, "width", Required(episode, "width", file, line).GetInt32(), level.Width);
        comparison.Exact(-1, "height", Required(episode, "height", file, line).GetInt32(), level.Height);
        comparison.Exact(-1, "max_steps", Required(episode, "max_steps", file, line).GetInt32(), level.MaxSteps);
        comparison.Exact(-1, "mission", Required(episode, "mission", file, line).GetString() ?? "", level.Mission);
        var position = Required(episode, "agent_pos", file, line);
        comparison.Exact(-1, "agent_pos.x", position[0].GetInt32(), level.AgentPosition.X);
        comparison.Exact(-1, "agent_pos.y", position[1].GetInt32(), level.AgentPosition.Y);
        comparison.Exact(-1, "agent_dir", Required(episode, "agent_dir", file, line).GetInt32(), level.AgentDirection);
        if (!comparison.Diverged)
        {
            CompareGrid(level, Required(episode, "grid", file, line), comparison);
        }
        CompareObservation(-1, "obs0", Required(episode, "obs0", file, line), level.Observation.Discrete, comparison);
        var index = 0;
        foreach (var step in Required(episode, "steps", file, line).EnumerateArray())
        {
            if (comparison.Diverged)
            {
                break;
            }
            var transition = level.Step(Required(step, "action", file, line).GetInt32());
            CompareObservation(index, "obs", Required(step, "obs", file, line), level.Observation.Discrete, comparison);
            comparison.Number(index, "reward", Required(step, "reward", file, line).GetDouble(), transition.Reward);
            comparison.Exact(index, "terminated", Required(step, "terminated", file, line).GetBoolean(), transition.Terminated);
            comparison.Exact(index, "truncated", Required(step, "truncated", file, line).GetBoolean(), transition.Truncated);
            index++;
        }
        return new BabyAIEpisodeResult(seed, index, botStuck, comparison.Divergence);
    }

    private static void CompareGrid(RoomGridLevel level, JsonElement grid, EpisodeComparison comparison)
    {
        var x = 0;
        foreach (var column in grid.EnumerateArray())
        {
            var y = 0;
            foreach (var cell in column.EnumerateArray())
            {
                var (type, color, state) = level.Grid.Encode(x, y);
                var expected = $"({cell[0].GetInt32()}, {cell[1].GetInt32()}, {cell[2].GetInt32()})";
                var actual = $"({type}, {color}, {state})";
                if (expected != actual)
                {
                    comparison.Fail(-1, $"grid[{x}][{y}]", expected, actual, double.PositiveInfinity);
                    return;
                }
                y++;
            }
            x++;
        }
    }

    private static void CompareObservation(int step, string field, JsonElement expected, int[] actual, EpisodeComparison comparison)
    {
        if (expected.GetArrayLength() != actual.Length)
        {
            comparison.Fail(step, $"{field}.length", expected.GetArrayLength().ToString(CultureInfo.InvariantCulture),
                actual.Length.ToString(CultureInfo.InvariantCulture), double.PositiveInfinity);
            return;
        }
        var i = 0;
        foreach (var value in expected.EnumerateArray())
        {
            comparison.Exact(step, $"{field}[{i}]", value.GetInt32(), actual[i]);
            i++;
        }
    }

    private static JsonElement Required(JsonElement element, string name, string file, int line) =>
        TraceLines.Required(element, name, file, line);
}
