using System.Text.Json.Nodes;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;

namespace Jat.Cli.Tests;

/// <summary>
/// A writer process killed with SIGKILL in the middle of its shards, then started again, must end with exactly
/// the dataset an uninterrupted run writes: the same rows, no more, no less, in the same files.
/// </summary>
public sealed class CrashResumeTests
{
    private static readonly string[] Plan =
    [
        "--tasks", "metaworld-reach,babyai-go-to-local", "--episodes", "1500", "--steps", "40", "--seed", "7",
        "--row-group-size", "40KB", "--shard-size", "400KB", "--parallel", "2",
    ];

    [Fact]
    public async Task Regenerate_killed_three_times_then_resumed_equals_an_uninterrupted_run()
    {
        using var reference = new TempDirectory();
        using var resumed = new TempDirectory();
        var clean = await JatProcess.RunAsync(["regenerate", "--out", reference.Path, .. Plan]);
        Assert.True(clean.ExitCode == 0, clean.Stderr);

        var kills = 0;
        foreach (var threshold in new[] { 100, 600, 1100 })
        {
            using var process = JatProcess.Start(["regenerate", "--out", resumed.Path, .. Plan]);
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!process.HasExited && CommittedRows(resumed.Path, "metaworld-reach", "train") < threshold && DateTime.UtcNow < deadline)
                await Task.Delay(2);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush
                kills++;
            }
            await process.WaitForExitAsync();
        }
        Assert.True(kills >= 2, $"the writer finished before it could be killed ({kills} kill(s)); make the plan larger");

        var finish = await JatProcess.RunAsync(["regenerate", "--out", resumed.Path, .. Plan]);
        Assert.True(finish.ExitCode == 0, finish.Stderr);

        var expected = ShardFiles(reference.Path);
        var actual = ShardFiles(resumed.Path);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.True(expected.Count > 4, "the plan should make several shards per split");
        foreach (var (name, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs from the uninterrupted run");
        foreach (var task in new[] { "metaworld-reach", "babyai-go-to-local" })
            foreach (var split in new[] { "train", "test" })
            {
                var spec = TaskRegistry.Get(task);
                var want = await ShardReader.ReadSplitAsync(reference.Path, spec, split).ToListAsync();
                var got = await ShardReader.ReadSplitAsync(resumed.Path, spec, split).ToListAsync();
                RowsAssert.Equal(want, got);
            }
    }

    [Fact]
    public async Task Collect_killed_twice_then_resumed_equals_an_uninterrupted_run()
    {
        string[] collect = ["collect", "mujoco-halfcheetah", "--random", "--episodes", "60", "--seed", "5", "--row-group-size", "300KB", "--episodes-per-shard", "20"];
        using var reference = new TempDirectory();
        using var resumed = new TempDirectory();
        var clean = await JatProcess.RunAsync([.. collect, "--out", reference.Path]);
        Assert.True(clean.ExitCode == 0, clean.Stderr);

        var kills = 0;
        foreach (var threshold in new[] { 5, 25 })
        {
            using var process = JatProcess.Start([.. collect, "--out", resumed.Path]);
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!process.HasExited && CommittedRows(resumed.Path, "mujoco-halfcheetah", "train.part*") < threshold && DateTime.UtcNow < deadline)
                await Task.Delay(2);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true); // SIGKILL
                kills++;
            }
            await process.WaitForExitAsync();
        }
        Assert.True(kills >= 1, "the collection finished before it could be killed; make it larger");

        var finish = await JatProcess.RunAsync([.. collect, "--out", resumed.Path, "--json"]);
        Assert.True(finish.ExitCode == 0, finish.Stderr);
        Assert.True((long)JsonNode.Parse(finish.Stdout)!["tasks"]![0]!["resumed"]! > 0);

        var expected = ShardFiles(reference.Path);
        var actual = ShardFiles(resumed.Path);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.True(expected.Count >= 3, "the collection should make several shards");
        foreach (var (name, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs from the uninterrupted run");
    }

    /// <summary>Rows committed in the manifests named <paramref name="manifests"/> (a split, or its parts with a wildcard).</summary>
    private static long CommittedRows(string root, string task, string manifests)
    {
        try
        {
            var folder = Path.Combine(root, ".jat", task);
            return !Directory.Exists(folder) ? 0 : Directory.GetFiles(folder, manifests + ".json")
                .Sum(path => (long?)JsonNode.Parse(File.ReadAllText(path))?["rows"] ?? 0);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return 0;
        }
    }

    private static SortedDictionary<string, byte[]> ShardFiles(string root) => new(
        DatasetFolder.Scan(root).Shards.ToDictionary(s => s.Name.RelativePath, s => File.ReadAllBytes(s.Path)),
        StringComparer.Ordinal);
}
