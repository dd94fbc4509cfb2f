using System.Text.Json;
using Jat.Collectors.Episodes;
using Jat.Schema.Images;
using Jat.Schema.Shards;
using Jat.Schema.Tests;

namespace Jat.Cli.Tests.Families;

/// <summary>
/// A family that exists only in this test (<see cref="ToyFramesFamily"/>: image observations) goes through every verb
/// once registered: listed, collected into shards, validated, evaluated. No line outside this folder names it.
/// </summary>
[Collection(nameof(InProcessJat))]
public sealed class TestOnlyFamilyTests
{
    [Fact]
    public async Task A_family_registered_by_a_test_is_listed_collected_validated_and_evaluated()
    {
        ToyFramesFamily.Register();
        using var folder = new TempDirectory();

        var (listed, tasks) = await InProcessJat.RunAsync("tasks", "--json");
        Assert.Equal(0, listed);
        var toy = JsonDocument.Parse(tasks).RootElement.GetProperty("tasks").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == ToyFramesFamily.TaskName);
        var parts = toy.GetProperty("parts").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(parts, p => p.StartsWith("environment", StringComparison.Ordinal));
        Assert.Contains(parts, p => p.StartsWith("expert", StringComparison.Ordinal));

        var (collected, report) = await InProcessJat.RunAsync("collect", ToyFramesFamily.TaskName, "--out", folder.Path, "--json");
        Assert.Equal(0, collected);
        var written = JsonDocument.Parse(report).RootElement.GetProperty("tasks")[0];
        Assert.Equal(18, written.GetProperty("trainEpisodes").GetInt64());
        Assert.Equal(2, written.GetProperty("testEpisodes").GetInt64());

        var (validated, _) = await InProcessJat.RunAsync("validate", folder.Path, "--json");
        Assert.Equal(0, validated);

        // The first training episode's first observation is the environment's reset frame stack, stored as an RGBA PNG.
        var rows = new List<Jat.Schema.Columns.Example>();
        await foreach (var row in ShardReader.ReadSplitAsync(folder.Path, ToyFramesFamily.Spec, "train"))
            rows.Add(row);
        Assert.Equal(18, rows.Count);
        using var replay = new ToyFrames();
        replay.Reset(EpisodeSeeds.Reset(0, $"{ToyFramesFamily.TaskName}/train/0", 0));
        Assert.Equal(replay.Observation.Image, FrameStackPng.Decode([.. rows[0].ImageObservations![0]]));
        Assert.All(rows, r => Assert.Equal(r.Rewards!.Count, r.ImageObservations!.Count));
        Assert.All(rows, r => Assert.Equal(1f, r.Rewards![^1]));

        var (evaluated, scores) = await InProcessJat.RunAsync("eval-expert", ToyFramesFamily.TaskName, "--episodes", "12", "--json");
        Assert.Equal(0, evaluated);
        Assert.Equal(1.0, JsonDocument.Parse(scores).RootElement.GetProperty("normalized").GetDouble(), 10);
        var (_, random) = await InProcessJat.RunAsync("eval-expert", ToyFramesFamily.TaskName, "--random", "--episodes", "12", "--json");
        Assert.True(JsonDocument.Parse(random).RootElement.GetProperty("normalized").GetDouble() < 1.0);
    }
}
