using System.Text.Json.Nodes;
using Jat.Schema.Tests;

namespace Jat.Cli.Tests;

/// <summary><c>jat env</c>, <c>jat eval-expert --random</c> and <c>jat verify-traces</c>, run as a user runs them.</summary>
public sealed class EnvironmentCommandTests
{
    [Fact]
    public async Task Env_json_describes_the_spaces_and_a_random_rollout()
    {
        var result = await JatProcess.RunAsync("env", "mujoco-hopper", "--steps", "3", "--json");

        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("Hopper-v4", (string?)document["spec"]!["envId"]);
        Assert.Equal(11, (int)document["spec"]!["observationSize"]!);
        Assert.Equal(3, (int)document["spec"]!["actionSize"]!);
        var rollout = document["rollout"]!.AsArray();
        Assert.Equal(4, rollout.Count);
        Assert.Equal(11, rollout[3]!["observation"]!.AsArray().Count);
    }

    [Fact]
    public async Task Eval_expert_random_reports_returns_against_jats_scores()
    {
        var result = await JatProcess.RunAsync("eval-expert", "mujoco-pendulum", "--random", "--episodes", "20", "--json");

        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(20, (int)document["episodes"]!);
        // A random pendulum falls within a few steps and earns 1 per step: JAT's random score is 6.07 ± 3.47.
        Assert.InRange((double)document["meanReturn"]!, 3.0, 9.0);
        Assert.Equal(6.07, (double)document["randomScore"]!["mean"]!, 2);
        Assert.InRange((double)document["normalized"]!, -0.05, 0.05);
    }

    [Fact]
    public async Task Eval_expert_uses_the_shipped_expert_and_scores_it_against_jats_table()
    {
        var result = await JatProcess.RunAsync("eval-expert", "mujoco-pendulum", "--episodes", "3", "--json");

        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.Stdout)!;
        Assert.StartsWith("PPO expert mujoco-pendulum.jatexpert", (string?)document["policy"], StringComparison.Ordinal);
        // The shipped pendulum balances for the whole 1,000 steps: above JAT's expert (475.4), normalised above 1.
        Assert.True((double)document["normalized"]! > 1.0);
    }

    [Fact]
    public async Task Eval_expert_with_a_missing_checkpoint_says_what_to_do()
    {
        var result = await JatProcess.RunAsync("eval-expert", "mujoco-hopper", "--expert", "/nonexistent/hopper.jatexpert");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("jat train-expert mujoco-hopper", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_MuJoCo_library_is_one_clear_error()
    {
        var result = await JatProcess.RunAsync(
            new Dictionary<string, string> { ["JAT_MUJOCO_LIBRARY"] = "/nonexistent/libmujoco.so.2.2.2" }, "env", "mujoco-hopper");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("JAT_MUJOCO_LIBRARY=/nonexistent/libmujoco.so.2.2.2 could not be loaded", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_traces_passes_a_faithful_trace_and_fails_a_tampered_one_with_where()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, "mujoco"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "mujoco", "InvertedPendulum-v4.jsonl"), await PendulumEpisodeAsync(0));

        var faithful = await JatProcess.RunAsync("verify-traces", folder.Path, "--json");

        Assert.Equal(0, faithful.ExitCode);
        var passed = JsonNode.Parse(faithful.Stdout)!;
        Assert.True((bool)passed["passed"]!);
        Assert.Equal(1, (int)passed["environments"]![0]!["matched"]!);

        // Change the reward of the second step: the replay must notice, say where, and exit 1.
        var episode = JsonNode.Parse(await PendulumEpisodeAsync(0))!;
        episode["steps"]![1]!["reward"] = 0.5;
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "mujoco", "InvertedPendulum-v4.jsonl"), episode.ToJsonString());

        var tampered = await JatProcess.RunAsync("verify-traces", folder.Path, "--json");

        Assert.Equal(1, tampered.ExitCode);
        var report = JsonNode.Parse(tampered.Stdout)!["environments"]![0]!;
        Assert.Equal(0, (int)report["matched"]!);
        Assert.Equal(1, (int)report["firstDivergence"]!["step"]!);
        Assert.Equal("reward", (string?)report["firstDivergence"]!["field"]);
    }

    [Fact]
    public async Task Verify_traces_replays_meta_world_from_the_assets_folder_given_and_says_in_one_line_when_it_is_missing()
    {
        var shared = Path.Combine(Path.GetDirectoryName(RepositoryRoot.Path)!, "shared");
        var trace = Path.Combine(shared, "reference", "traces", "metaworld", "reach-v2.jsonl");
        var assets = Path.Combine(shared, "metaworld-assets");
        if (!File.Exists(trace) || !Directory.Exists(assets))
        {
            Console.WriteLine("SKIPPED: ../shared's Meta-World traces or assets are not next to this checkout; not checked.");
            return;
        }
        using var folder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, "metaworld"));
        File.Copy(trace, Path.Combine(folder.Path, "metaworld", "reach-v2.jsonl"));

        var replayed = await JatProcess.RunAsync("verify-traces", folder.Path, "--metaworld-assets", assets, "--json");

        Assert.Equal(0, replayed.ExitCode);
        var report = JsonNode.Parse(replayed.Stdout)!["environments"]![0]!;
        Assert.Equal((4, 4, 400), ((int)report["episodes"]!, (int)report["matched"]!, (int)report["stepsCompared"]!));

        var nowhere = Path.Combine(folder.Path, "no-assets");
        var missing = await JatProcess.RunAsync("verify-traces", folder.Path, "--metaworld-assets", nowhere);

        Assert.Contains($"{nowhere} (--metaworld-assets)", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 environment(s) not replayed", missing.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// A pendulum episode written by jat itself (state, actions, observations, rewards), in the traces' format: the
    /// test needs no reference data, and replaying it must agree exactly.
    /// </summary>
    private static async Task<string> PendulumEpisodeAsync(ulong seed)
    {
        var result = await JatProcess.RunAsync("env", "mujoco-pendulum", "--seed", $"{seed}", "--steps", "5", "--json");
        Assert.Equal(0, result.ExitCode);
        var rollout = JsonNode.Parse(result.Stdout)!["rollout"]!.AsArray();
        var reset = rollout[0]!["observation"]!.AsArray();
        var episode = new JsonObject
        {
            ["env"] = "InvertedPendulum-v4",
            ["seed"] = seed,
            ["qpos0"] = new JsonArray(reset[0]!.DeepClone(), reset[1]!.DeepClone()),
            ["qvel0"] = new JsonArray(reset[2]!.DeepClone(), reset[3]!.DeepClone()),
            ["obs0"] = reset.DeepClone(),
            ["steps"] = new JsonArray([.. rollout.Skip(1).Select(step => (JsonNode)new JsonObject
            {
                ["action"] = step!["action"]!.DeepClone(),
                ["obs"] = step["observation"]!.DeepClone(),
                ["reward"] = step["reward"]!.DeepClone(),
                ["terminated"] = step["terminated"]!.DeepClone(),
                ["truncated"] = step["truncated"]!.DeepClone(),
            })]),
        };
        return episode.ToJsonString();
    }
}
