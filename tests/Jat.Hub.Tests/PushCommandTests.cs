using System.Diagnostics;
using System.Text.Json.Nodes;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;

namespace Jat.Hub.Tests;

/// <summary>`jat push` as a user runs it; whatever happens, the token appears in none of its output.</summary>
public sealed class PushCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private FakeHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await FakeHub.StartAsync();
        await SampleDataset.WriteAsync(_folder.Path, TaskRegistry.Get("mujoco-swimmer"), new SamplePlan(10, 20), ShardWriterOptions.Default);
        await File.WriteAllTextAsync(_folder.Combine("README.md"), "---\nlicense: apache-2.0\n---\n");
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<(int Exit, string Output)> PushAsync(string token, params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "jat.dll"), "push", _folder.Path, "me/data", "--endpoint", _hub.Endpoint.ToString(), "--token", token })
            info.ArgumentList.Add(arg);
        foreach (var arg in extra)
            info.ArgumentList.Add(arg);
        info.Environment.Remove("HF_TOKEN");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task A_push_reports_its_figures_in_JSON_and_never_prints_the_token()
    {
        var (exit, output) = await PushAsync(FakeHub.Token, "--json");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain(FakeHub.Token, output);
        var json = JsonNode.Parse(output[..(output.LastIndexOf('}') + 1)])!;
        Assert.Equal("me/data", (string?)json["repoId"]);
        Assert.Equal(3, (int)json["files"]!);
        Assert.Equal(2, (int)json["uploaded"]!);
    }

    [Fact]
    public async Task A_failing_push_exits_1_with_the_reason_and_never_prints_the_token()
    {
        _hub.Faults.Enqueue(new Fault("POST", "/commit/", FaultKind.ServerError, times: 100));
        var (exit, output) = await PushAsync(FakeHub.Token, "--retries", "1");
        Assert.Equal(1, exit);
        Assert.Contains("push failed: commit: the Hub answered 500", output);
        Assert.Contains("try 2 in 1 s", output);
        Assert.DoesNotContain(FakeHub.Token, output);
    }

    [Fact]
    public async Task A_refused_token_exits_1_and_is_not_printed()
    {
        const string wrong = "hf_NotTheRightTokenAtAll12345";
        var (exit, output) = await PushAsync(wrong);
        Assert.Equal(1, exit);
        Assert.Contains("401", output);
        Assert.Contains("was refused", output);
        Assert.DoesNotContain(wrong, output);
        Assert.Empty(_hub.Repos);
    }

    [Fact]
    public async Task An_invalid_folder_is_not_pushed()
    {
        File.Delete(Directory.GetFiles(_folder.Combine("mujoco-swimmer"), "test-*.parquet").Single());
        var (exit, output) = await PushAsync(FakeHub.Token);
        Assert.Equal(1, exit);
        Assert.Contains("no 'test' split", output);
        Assert.Contains("not pushed", output);
        Assert.Empty(_hub.Repos);
    }
}
