using System.Text.Json.Nodes;
using Jat.Schema.Tests;

namespace Jat.Cli.Tests;

/// <summary><c>jat regenerate</c>'s plans (file, printed) and its split between machines.</summary>
public sealed class RegenerateTests
{
    private static readonly string[] Small = ["--tasks", "babyai-go-to-local,mujoco-reacher,atari-pong", "--episodes", "30", "--seed", "3"];

    [Fact]
    public async Task Two_workers_write_disjoint_files_that_merge_into_what_one_writes()
    {
        using var whole = new TempDirectory();
        using var merged = new TempDirectory();
        var alone = await JatProcess.RunAsync(["regenerate", "--out", whole.Path, .. Small]);
        Assert.True(alone.ExitCode == 0, alone.Stderr);

        var seen = new Dictionary<string, int>();
        for (var worker = 0; worker < 2; worker++)
        {
            using var part = new TempDirectory();
            var run = await JatProcess.RunAsync(["regenerate", "--out", part.Path, .. Small, "--worker", $"{worker}", "--workers", "2", "--json"]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Null(JsonNode.Parse(run.Stdout)!["card"]);
            foreach (var file in Directory.GetFiles(part.Path, "*.parquet", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(part.Path, file);
                if (relative.StartsWith(".jat", StringComparison.Ordinal))
                    continue;
                seen[relative] = seen.GetValueOrDefault(relative) + 1;
                var target = Path.Combine(merged.Path, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            // the provenance notes, one per task, travel with the shards
            foreach (var note in Directory.GetFiles(Path.Combine(part.Path, ".jat"), "provenance.txt", SearchOption.AllDirectories))
            {
                var target = Path.Combine(merged.Path, Path.GetRelativePath(part.Path, note));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(note, target, overwrite: true);
            }
        }

        var expected = Directory.GetFiles(whole.Path, "*.parquet", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(whole.Path, f)).Where(f => !f.StartsWith(".jat", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen.Keys.Order(StringComparer.Ordinal));
        Assert.All(seen.Values, count => Assert.Equal(1, count));
        foreach (var file in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(whole.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(merged.Path, file))),
                $"{file} differs from the one-machine run");

        Assert.Equal(0, (await JatProcess.RunAsync("card", merged.Path)).ExitCode);
        var validated = await JatProcess.RunAsync("validate", merged.Path, "--json");
        Assert.True(validated.ExitCode == 0, validated.Stdout + validated.Stderr);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(whole.Path, "README.md")), await File.ReadAllTextAsync(Path.Combine(merged.Path, "README.md")));
    }

    [Fact]
    public async Task The_default_plan_gives_slow_physics_tasks_fewer_episodes()
    {
        var printed = await JatProcess.RunAsync("regenerate", "--print-plan");
        Assert.True(printed.ExitCode == 0, printed.Stderr);
        var sizes = JsonNode.Parse(printed.Stdout)!["tasks"]!.AsArray()
            .ToDictionary(t => (string)t!["task"]!, t => (long)t!["episodes"]!);

        Assert.Equal(20_000, sizes["babyai-boss-level"]);
        Assert.Equal(1_000, sizes["mujoco-hopper"]);
        Assert.Equal(100, sizes["mujoco-ant"]);
        Assert.Equal(39, sizes.Keys.Count(k => k.StartsWith("babyai-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_printed_plan_read_back_writes_the_same_dataset()
    {
        using var folder = new TempDirectory();
        var printed = await JatProcess.RunAsync(["regenerate", "--print-plan", .. Small]);
        Assert.True(printed.ExitCode == 0, printed.Stderr);
        var plan = JsonNode.Parse(printed.Stdout)!;
        Assert.Equal(3, (int)plan["seed"]!);
        Assert.Equal(["babyai-go-to-local", "mujoco-reacher", "atari-pong"], plan["tasks"]!.AsArray().Select(t => (string?)t!["task"]));
        Assert.Equal("samples", (string?)plan["tasks"]![2]!["actor"]);
        var file = Path.Combine(folder.Path, "plan.json");
        await File.WriteAllTextAsync(file, printed.Stdout);

        using var fromFlags = new TempDirectory();
        using var fromFile = new TempDirectory();
        Assert.Equal(0, (await JatProcess.RunAsync(["regenerate", "--out", fromFlags.Path, .. Small])).ExitCode);
        var run = await JatProcess.RunAsync("regenerate", "--out", fromFile.Path, "--plan", file, "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(60 + 30, (long)JsonNode.Parse(run.Stdout)!["rows"]!);
        foreach (var shard in Directory.GetFiles(fromFlags.Path, "*.parquet", SearchOption.AllDirectories).Where(f => !f.Contains("/.jat/", StringComparison.Ordinal)))
            Assert.True(File.ReadAllBytes(shard).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(fromFile.Path, Path.GetRelativePath(fromFlags.Path, shard)))));
    }

    [Fact]
    public async Task A_plan_can_name_the_actor_and_the_size_of_each_task()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "plan.json");
        await File.WriteAllTextAsync(file, """
            {
              "seed": 1,
              "tasks": [
                { "task": "mujoco-hopper", "episodes": 10, "actor": "random" },
                { "task": "babyai-open-door", "episodes": 20 }
              ]
            }
            """);

        var run = await JatProcess.RunAsync("regenerate", "--out", Path.Combine(folder.Path, "data"), "--plan", file, "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var tasks = JsonNode.Parse(run.Stdout)!["tasks"]!.AsArray();
        var hopper = tasks.Single(t => (string?)t!["task"] == "mujoco-hopper")!;
        Assert.Equal("uniform random actions", (string?)hopper["source"]);
        Assert.Equal(9, (long)hopper["train"]!);
        var door = tasks.Single(t => (string?)t!["task"] == "babyai-open-door")!;
        Assert.Equal(19, (long)door["train"]!);
        Assert.InRange((double)door["normalized"]!, 0.8, 1.2);
        Assert.True((long)door["steps"]! > 20);
    }

    [Theory]
    [InlineData("{ \"seed\": 0, \"tasks\": [ { \"task\": \"mujoco-hoper\" } ] }", "unknown task 'mujoco-hoper'")]
    [InlineData("{ \"seed\": 0,\n  \"tasks\": [ { \"task\": \"mujoco-hopper\", \"episode\": 3 } ] }", "line 2")]
    [InlineData("{ \"seed\": 0, \"tasks\": [] }", "lists no tasks")]
    [InlineData("{ \"seed\": 0, \"tasks\": [ { \"task\": \"mujoco-hopper\", \"actor\": \"expert\" } ] }", "needs \"expert\"")]
    [InlineData("{ \"seed\": 0, \"tasks\": [ { \"task\": \"mujoco-hopper\", \"actor\": \"bot\" } ] }", "the BabyAI bot plays BabyAI levels")]
    public async Task A_bad_plan_is_one_clear_line_that_names_the_file(string text, string expected)
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "plan.json");
        await File.WriteAllTextAsync(file, text);

        var run = await JatProcess.RunAsync("regenerate", "--out", Path.Combine(folder.Path, "data"), "--plan", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "data", "mujoco-hopper")));
    }
}
