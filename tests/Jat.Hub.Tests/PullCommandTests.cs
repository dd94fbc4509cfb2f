using System.Diagnostics;
using System.Text.Json.Nodes;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;

namespace Jat.Hub.Tests;

/// <summary>`jat pull` as a user runs it: killed and re-run, then validated; the token appears in none of its output.</summary>
public sealed class PullCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _source = new();
    private readonly TempDirectory _target = new();
    private FakeHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await FakeHub.StartAsync();
        var options = new ShardWriterOptions { RowGroupBytes = 60_000, ShardBytes = 150_000 };
        await SampleDataset.WriteAsync(_source.Path, TaskRegistry.Get("mujoco-humanoid"), new SamplePlan(12, 30), options);
        await File.WriteAllTextAsync(_source.Combine("README.md"), "---\nlicense: apache-2.0\n---\n");
        await DatasetPush.PushAsync(_source.Path, HubToken.Resolve(FakeHub.Token), new PushOptions { RepoId = "me/data", Endpoint = _hub.Endpoint });
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        _source.Dispose();
        _target.Dispose();
    }

    private Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jat.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment.Remove("HF_TOKEN");
        info.Environment["HF_HOME"] = _target.Path; // no token file of the machine's user
        return Process.Start(info)!;
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private string[] Pull(params string[] extra) =>
        ["pull", "me/data", "--out", _target.Path, "--endpoint", _hub.Endpoint.ToString(), "--token", FakeHub.Token, .. extra];

    [Fact]
    public async Task A_pull_killed_half_way_resumes_and_the_folder_validates()
    {
        _hub.DownloadPause = TimeSpan.FromMilliseconds(40);
        var partials = _target.Combine(".jat", "pull");
        using (var first = Start(Pull("--parallel", "1")))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!(Directory.Exists(partials) && Directory.GetFiles(partials, "*.partial").Any(p => new FileInfo(p).Length > 0)
                     && Directory.GetFiles(_target.Path, "*.parquet", SearchOption.AllDirectories).Any(p => !p.Contains("/.jat/", StringComparison.Ordinal))))
            {
                Assert.True(DateTime.UtcNow < deadline, "the pull never got half way");
                Assert.False(first.HasExited, "the pull ended before it could be killed");
                await Task.Delay(20);
            }
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var whole = LocalFile.List(_target.Path).Count;
        _hub.DownloadPause = TimeSpan.Zero;

        var (exit, output) = await RunAsync(Pull("--json"));

        Assert.True(exit == 0, output);
        Assert.DoesNotContain(FakeHub.Token, output);
        var json = JsonNode.Parse(output[..(output.LastIndexOf('}') + 1)])!;
        var files = LocalFile.List(_source.Path).Count;
        Assert.Equal(files, (int)json["files"]!);
        Assert.Equal(whole, (int)json["alreadyPresent"]!);
        Assert.Equal(1, (int)json["resumed"]!);
        Assert.Equal(files - whole, (int)json["downloaded"]!);
        foreach (var path in LocalFile.List(_source.Path))
            Assert.True(File.ReadAllBytes(_source.Combine(path)).AsSpan().SequenceEqual(File.ReadAllBytes(_target.Combine(path))), $"{path} differs");

        var (valid, report) = await RunAsync("validate", _target.Path);
        Assert.True(valid == 0, report);
    }

    [Fact]
    public async Task A_failing_pull_exits_1_with_the_reason_and_never_prints_the_token()
    {
        var (exit, output) = await RunAsync("pull", "me/missing", "--out", _target.Path, "--endpoint", _hub.Endpoint.ToString(), "--token", FakeHub.Token);
        Assert.Equal(1, exit);
        Assert.Contains("pull failed: revision main of me/missing: the Hub answered 404", output);
        Assert.DoesNotContain(FakeHub.Token, output);

        (exit, output) = await RunAsync("pull", "not a repo", "--out", _target.Path, "--endpoint", _hub.Endpoint.ToString());
        Assert.Equal(1, exit);
        Assert.Contains("'not a repo' is not a repository id", output);
    }

    [Fact]
    public async Task A_pull_prints_what_it_did()
    {
        var (exit, output) = await RunAsync(Pull("--tasks", "mujoco-humanoid"));
        Assert.True(exit == 0, output);
        Assert.Contains("pulled ", output);
        Assert.Contains("every file verified", output);
        Assert.DoesNotContain(FakeHub.Token, output);
    }
}
