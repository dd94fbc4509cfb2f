using System.Text.Json.Nodes;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;

namespace Jat.Cli.Tests;

/// <summary><c>jat model init|info|loss</c> on a model folder and a dataset folder the test writes.</summary>
public sealed class ModelCommandTests
{
    private static async Task WriteTestSplitAsync(string root, string name, int episodes)
    {
        var task = TaskRegistry.Get(name);
        await using var writer = await ShardWriter.OpenAsync(root, task, "test");
        for (var i = 0; i < episodes; i++)
            await writer.WriteAsync(SampleRows.Create(task, i, seed: 2, steps: 5 + 3 * i));
        await writer.CompleteAsync();
    }

    [Fact]
    public async Task Init_info_and_loss_report_every_task_of_a_dataset()
    {
        using var folder = new TempDirectory();
        var model = Path.Combine(folder.Path, "model");
        var data = Path.Combine(folder.Path, "data");
        foreach (var task in new[] { "mujoco-reacher", "atari-pong", "babyai-go-to-local", "oscar" })
            await WriteTestSplitAsync(data, task, 3);

        var init = await JatProcess.RunAsync("model", "init", "--config", "tiny", "--out", model, "--seed", "3", "--json");
        Assert.True(init.ExitCode == 0, init.Stderr);
        Assert.True(File.Exists(Path.Combine(model, "model.safetensors")));
        var info = await JatProcess.RunAsync("model", "info", model, "--json");
        Assert.True(info.ExitCode == 0, info.Stderr);
        var described = JsonNode.Parse(info.Stdout)!;
        Assert.Equal((long)JsonNode.Parse(init.Stdout)!["parameters"]!, (long)described["parameters"]!);
        Assert.Equal((long)described["parameters"]!, described["parts"]!.AsArray().Sum(p => (long)p!["parameters"]!));

        var loss = await JatProcess.RunAsync("model", "loss", model, "--data", data, "--samples", "2", "--json");
        Assert.True(loss.ExitCode == 0, loss.Stderr);
        var tasks = JsonNode.Parse(loss.Stdout)!["tasks"]!.AsArray();
        Assert.Equal(["atari-pong", "babyai-go-to-local", "mujoco-reacher", "oscar"], tasks.Select(t => (string)t!["task"]!));
        Assert.All(tasks, t =>
        {
            Assert.Equal(2, (int)t!["samples"]!);
            Assert.True(double.IsFinite((double)t["loss"]!) && (double)t["loss"]! > 0);
        });
        Assert.Null(tasks.Single(t => (string)t!["task"]! == "oscar")!["actionLoss"]);

        var domain = await JatProcess.RunAsync("model", "loss", model, "--data", data, "--tasks", "mujoco", "--samples", "1", "--json");
        Assert.True(domain.ExitCode == 0, domain.Stderr);
        Assert.Equal("mujoco-reacher", (string)JsonNode.Parse(domain.Stdout)!["tasks"]![0]!["task"]!);
    }

    [Fact]
    public async Task The_small_configuration_has_193_million_parameters()
    {
        var info = await JatProcess.RunAsync("model", "info", "--config", "small", "--json");
        Assert.True(info.ExitCode == 0, info.Stderr);
        Assert.Equal(192_701_771, (long)JsonNode.Parse(info.Stdout)!["parameters"]!);
    }

    [Fact]
    public async Task A_truncated_checkpoint_is_one_line_naming_the_file()
    {
        using var folder = new TempDirectory();
        var model = Path.Combine(folder.Path, "model");
        var init = await JatProcess.RunAsync("model", "init", "--config", "tiny", "--out", model);
        Assert.True(init.ExitCode == 0, init.Stderr);
        var weights = Path.Combine(model, "model.safetensors");
        using (var stream = new FileStream(weights, FileMode.Open))
            stream.SetLength(stream.Length / 2);

        var info = await JatProcess.RunAsync("model", "info", model);

        Assert.Equal(1, info.ExitCode);
        Assert.Contains("model.safetensors", info.Stderr);
        Assert.Single(info.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_task_missing_from_the_dataset_is_named_with_what_there_is()
    {
        using var folder = new TempDirectory();
        var data = Path.Combine(folder.Path, "data");
        await WriteTestSplitAsync(data, "mujoco-hopper", 1);
        var model = Path.Combine(folder.Path, "model");
        Assert.Equal(0, (await JatProcess.RunAsync("model", "init", "--config", "tiny", "--out", model)).ExitCode);

        var loss = await JatProcess.RunAsync("model", "loss", model, "--data", data, "--tasks", "atari-pong");

        Assert.Equal(1, loss.ExitCode);
        Assert.Contains("atari-pong", loss.Stderr);
        Assert.Contains("mujoco-hopper", loss.Stderr);
    }
}
