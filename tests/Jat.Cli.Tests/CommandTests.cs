using System.Text.Json.Nodes;
using Jat.Schema.Tests;

namespace Jat.Cli.Tests;

public sealed class CommandTests
{
    [Fact]
    public async Task Tasks_json_lists_all_161_configs_with_domains_and_scores()
    {
        var result = await JatProcess.RunAsync("tasks", "--json");
        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(161, (int)document["count"]!);
        var tasks = document["tasks"]!.AsArray();
        Assert.Equal(57, tasks.Count(t => (string?)t!["domain"] == "atari"));
        Assert.Equal(39, tasks.Count(t => (string?)t!["domain"] == "babyai"));
        Assert.Equal(50, tasks.Count(t => (string?)t!["domain"] == "metaworld"));
        Assert.Equal(11, tasks.Count(t => (string?)t!["domain"] == "mujoco"));
        var pong = tasks.Single(t => (string?)t!["name"] == "atari-pong")!;
        Assert.Equal("ALE/Pong-v5", (string?)pong["envId"]);
        Assert.Equal(14.6, (double)pong["scores"]!["human"]!["mean"]!);
        var oscar = tasks.Single(t => (string?)t!["name"] == "oscar")!;
        Assert.Contains("converter (jat convert oscar)", oscar["parts"]!.AsArray().Select(p => (string?)p));
    }

    [Fact]
    public async Task An_unknown_task_is_a_clear_error_with_suggestions()
    {
        using var folder = new TempDirectory();
        var result = await JatProcess.RunAsync("regenerate", "--out", folder.Path, "--tasks", "atari-pongg");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown task 'atari-pongg'", result.Stderr);
        Assert.Contains("atari-pong", result.Stderr);
    }

    [Fact]
    public async Task Regenerate_collects_tasks_with_an_expert_samples_the_others_and_validate_agrees()
    {
        using var folder = new TempDirectory();
        var written = await JatProcess.RunAsync("regenerate", "--out", folder.Path, "--tasks",
            "babyai-go-to-local,mujoco-reacher,atari-pong,oscar", "--episodes", "10", "--json");
        Assert.True(written.ExitCode == 0, written.Stderr);
        var summary = JsonNode.Parse(written.Stdout)!;
        Assert.Equal(40, (long)summary["rows"]!);

        var validated = await JatProcess.RunAsync("validate", folder.Path, "--json");
        Assert.True(validated.ExitCode == 0, validated.Stdout + validated.Stderr);
        var report = JsonNode.Parse(validated.Stdout)!;
        Assert.True((bool)report["valid"]!);
        Assert.Equal(40, (long)report["rows"]!);
        Assert.Equal(8, report["splits"]!.AsArray().Count);

        var card = await File.ReadAllTextAsync(Path.Combine(folder.Path, "README.md"));
        foreach (var task in new[] { "babyai-go-to-local", "mujoco-reacher", "atari-pong", "oscar" })
        {
            Assert.Contains($"- config_name: {task}\n  data_files:\n  - split: train\n    path: {task}/train-*\n", card);
            Assert.Contains($"path: {task}/test-*", card);
        }
        Assert.Contains("collected by Jat: the BabyAI bot", card);
        Assert.Contains("collected by Jat: PPO expert mujoco-reacher.jatexpert", card);
        Assert.Contains("*sample*", card);
    }

    [Fact]
    public async Task The_default_plan_is_every_task_with_an_environment_and_an_expert()
    {
        var result = await JatProcess.RunAsync("tasks", "--json");
        var withExperts = JsonNode.Parse(result.Stdout)!["tasks"]!.AsArray()
            .Where(t => t!["parts"]!.AsArray().Any(p => ((string?)p)!.StartsWith("expert", StringComparison.Ordinal)))
            .Select(t => (string?)t!["name"])
            .ToList();

        Assert.Contains("mujoco-hopper", withExperts);
        var help = await JatProcess.RunAsync("regenerate", "--help");
        Assert.Contains("39 BabyAI levels", help.Stdout);
    }

    [Fact]
    public async Task Validate_exits_1_and_names_the_truncated_file()
    {
        using var folder = new TempDirectory();
        Assert.Equal(0, (await JatProcess.RunAsync("regenerate", "--out", folder.Path, "--tasks", "metaworld-reach", "--episodes", "10")).ExitCode);
        var shard = Path.Combine(folder.Path, "metaworld-reach", "train-00000-of-00001.parquet");
        await using (var file = new FileStream(shard, FileMode.Open))
            file.SetLength(file.Length - 100);
        var result = await JatProcess.RunAsync("validate", folder.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(shard, result.Stderr);
        Assert.Contains("truncated", result.Stderr);
    }

    [Fact]
    public async Task The_committed_dataset_card_is_what_jat_card_full_writes()
    {
        var result = await JatProcess.RunAsync("card", "--full", "--output", "-");
        Assert.Equal(0, result.ExitCode);
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "dataset_card.md"));
        Assert.True(committed == result.Stdout, "dataset_card.md is stale: run `./jat card --full --output dataset_card.md`");
        Assert.Equal(161, result.Stdout.Split("- config_name: ").Length - 1 - 161);
    }

    [Theory]
    [InlineData("tasks")]
    [InlineData("regenerate")]
    [InlineData("validate")]
    [InlineData("card")]
    [InlineData("bench shards")]
    [InlineData("bench convert-wikipedia")]
    [InlineData("bench convert-images")]
    [InlineData("bench ppo")]
    [InlineData("push")]
    [InlineData("pull")]
    [InlineData("convert wikipedia")]
    [InlineData("convert oscar")]
    [InlineData("convert ok-vqa")]
    [InlineData("convert conceptual-captions")]
    public async Task Every_verb_explains_itself_with_help(string verb)
    {
        var result = await JatProcess.RunAsync([.. verb.Split(' '), "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout);
        Assert.Contains("Options:", result.Stdout);
    }

    [Fact]
    public async Task Bench_shards_json_reports_both_workloads_with_their_rows()
    {
        var result = await JatProcess.RunAsync("bench", "shards", "--atari-episodes", "3", "--atari-steps", "5",
            "--mujoco-episodes", "3", "--mujoco-steps", "5", "--repeat", "1", "--no-duckdb", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var report = JsonNode.Parse(result.Stdout)!;
        var workloads = report["workloads"]!.AsArray();
        Assert.Equal(["atari-like", "mujoco-like"], workloads.Select(w => (string?)w!["workload"]));
        Assert.All(workloads, w =>
        {
            Assert.Equal(3, (long)w!["rows"]!);
            Assert.Equal(15, (long)w["steps"]!);
            Assert.True((double)w["jat"]!["write"]!["median"]! > 0);
        });
        Assert.Equal("--no-duckdb", (string?)report["duckDbSkipped"]);
    }

    [Fact]
    public async Task Bench_ppo_json_splits_the_training_time_into_phases_within_it()
    {
        // One rollout of Hopper's 64 copies × 64 steps.
        var result = await JatProcess.RunAsync("bench", "ppo", "--steps", "4096", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("mujoco-hopper", (string?)report["task"]);
        Assert.Equal(4096, (long)report["steps"]!);
        Assert.Equal(4096, (long)report["bareSteps"]!);
        var phases = report["phases"]!.AsArray();
        Assert.Equal(["environment", "inference", "update", "other"], phases.Select(p => (string?)p!["phase"]));
        Assert.All(phases, p => Assert.True((double)p!["seconds"]! > 0, $"{p["phase"]}: {p["seconds"]} s"));
        Assert.Equal((double)report["trainingSeconds"]!, phases.Sum(p => (double)p!["seconds"]!), 6);
        Assert.True((double)report["stepsPerSecond"]! > 0 && (double)report["bareStepsPerSecond"]! > 0);
    }
}
