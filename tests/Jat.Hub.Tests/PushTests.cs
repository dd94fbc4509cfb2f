using Jat.Hub.Http;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;

namespace Jat.Hub.Tests;

public sealed class PushTests : IAsyncLifetime
{
    private const string RepoId = "jat-project/jat-dataset";
    private readonly TempDirectory _folder = new();
    private FakeHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await FakeHub.StartAsync();
        // Several shards per split (small shard size), one large enough for multipart transfer, and the card.
        var options = new ShardWriterOptions { RowGroupBytes = 60_000, ShardBytes = 150_000 };
        await SampleDataset.WriteAsync(_folder.Path, TaskRegistry.Get("mujoco-humanoid"), new SamplePlan(12, 30), options);
        await SampleDataset.WriteAsync(_folder.Path, TaskRegistry.Get("oscar"), new SamplePlan(20), ShardWriterOptions.Default);
        await File.WriteAllTextAsync(_folder.Combine("README.md"), "---\nlicense: apache-2.0\n---\n# test\n");
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        _folder.Dispose();
    }

    private PushOptions Options(List<RetryEvent>? retries = null) => new()
    {
        RepoId = RepoId,
        Endpoint = _hub.Endpoint,
        // Same policy as the Hub's client, with delays short enough for tests; server-requested waits stay as asked.
        Retry = new HubRetryOptions(MaxRetries: 3, Base: TimeSpan.FromMilliseconds(10), Max: TimeSpan.FromMilliseconds(40)),
        OnRetry = retries is null ? null : r => { lock (retries) retries.Add(r); },
    };

    private static HubToken Token => HubToken.Resolve(FakeHub.Token);

    private void AssertRepositoryEqualsFolder()
    {
        var local = LocalFile.List(_folder.Path);
        var remote = _hub.Repo(RepoId);
        Assert.Equal(local, remote.Keys.Order(StringComparer.Ordinal));
        foreach (var path in local)
            Assert.True(File.ReadAllBytes(_folder.Combine(path)).AsSpan().SequenceEqual(remote[path]), $"{path} differs on the Hub");
        Assert.All(_hub.LfsUploads, kv => Assert.Equal(1, kv.Value));
        Assert.Empty(_hub.TokenLeaks);
    }

    [Fact]
    public async Task A_whole_push_leaves_the_repository_equal_to_the_folder_with_each_object_sent_once()
    {
        var result = await DatasetPush.PushAsync(_folder.Path, Token, Options());

        AssertRepositoryEqualsFolder();
        var shards = LocalFile.List(_folder.Path).Count(p => p.EndsWith(".parquet", StringComparison.Ordinal));
        Assert.True(shards > 4, $"expected several shards, got {shards}");
        Assert.True(result.Created);
        Assert.Equal(shards, result.Uploaded);
        Assert.Equal(shards + 1, result.Committed);
        Assert.Contains(_hub.LfsObjects.Values, o => o.Length > _hub.MultipartThreshold);
        Assert.Contains(_hub.LfsObjects.Values, o => o.Length <= _hub.MultipartThreshold);
    }

    [Fact]
    public async Task Pushing_again_sends_and_commits_nothing()
    {
        await DatasetPush.PushAsync(_folder.Path, Token, Options());
        var again = await DatasetPush.PushAsync(_folder.Path, Token, Options());
        Assert.False(again.Created);
        Assert.Equal(0, again.Uploaded);
        Assert.Equal(0, again.Committed);
        Assert.Equal(again.Files, again.Unchanged);
        Assert.Single(_hub.Commits);
    }

    [Fact]
    public async Task A_push_that_dies_after_its_uploads_resumes_by_committing_without_sending_again()
    {
        _hub.Faults.Enqueue(new Fault("POST", "/commit/", FaultKind.ServerError, times: 100));
        var error = await Assert.ThrowsAsync<HubException>(() => DatasetPush.PushAsync(_folder.Path, Token, Options()));
        Assert.Contains("500", error.Message);
        Assert.Contains("run the same command again", error.Message);
        Assert.DoesNotContain(FakeHub.Token, error.Message);
        Assert.Empty(_hub.Repo(RepoId));
        _hub.Faults.Clear();

        var resumed = await DatasetPush.PushAsync(_folder.Path, Token, Options());
        Assert.Equal(0, resumed.Uploaded);
        Assert.Equal(resumed.Files - 1, resumed.AlreadyStored);
        AssertRepositoryEqualsFolder();
    }

    [Fact]
    public async Task A_push_killed_half_way_through_its_uploads_sends_only_the_rest()
    {
        using var kill = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Stage == PushStage.Uploading && p.FilesDone >= 4)
                kill.Cancel();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DatasetPush.PushAsync(_folder.Path, Token, Options() with { ParallelUploads = 1 }, progress, kill.Token));
        var sentBefore = _hub.LfsUploads.Count;
        Assert.InRange(sentBefore, 1, LocalFile.List(_folder.Path).Count - 2);

        var resumed = await DatasetPush.PushAsync(_folder.Path, Token, Options());
        Assert.Equal(sentBefore, resumed.AlreadyStored);
        Assert.Equal(resumed.Files - 1 - sentBefore, resumed.Uploaded);
        AssertRepositoryEqualsFolder();
    }

    [Fact]
    public async Task A_429_is_retried_after_the_wait_the_server_asks_for()
    {
        var retries = new List<RetryEvent>();
        _hub.Faults.Enqueue(new Fault("POST", "/preupload/", FaultKind.TooManyRequests, times: 1));
        await DatasetPush.PushAsync(_folder.Path, Token, Options(retries));
        var retry = Assert.Single(retries);
        Assert.Equal("pre-upload", retry.Request);
        Assert.Contains("429", retry.Reason);
        Assert.Equal(TimeSpan.FromSeconds(2), retry.Delay); // Retry-After: 1, plus the Hub client's extra second
        AssertRepositoryEqualsFolder();
    }

    [Fact]
    public async Task Server_errors_are_retried_and_the_push_completes()
    {
        var retries = new List<RetryEvent>();
        _hub.Faults.Enqueue(new Fault("POST", "/info/lfs/objects/batch", FaultKind.ServerError, times: 2));
        _hub.Faults.Enqueue(new Fault("PUT", "/lfs/", FaultKind.ServerError, times: 2));
        await DatasetPush.PushAsync(_folder.Path, Token, Options(retries));
        Assert.Equal(4, retries.Count);
        Assert.All(retries, r => Assert.Contains("500", r.Reason));
        AssertRepositoryEqualsFolder();
    }

    [Fact]
    public async Task A_connection_dropped_mid_part_is_retried_and_the_object_is_whole()
    {
        var retries = new List<RetryEvent>();
        _hub.Faults.Enqueue(new Fault("PUT", "/part/2", FaultKind.DropConnection, times: 1));
        await DatasetPush.PushAsync(_folder.Path, Token, Options(retries));
        Assert.Contains(retries, r => r.Request.Contains("part 2 of", StringComparison.Ordinal));
        AssertRepositoryEqualsFolder();
    }

    [Fact]
    public async Task An_unauthorised_token_is_a_clear_error_and_nothing_is_uploaded()
    {
        const string wrong = "hf_WrongTokenWrongTokenWrong000";
        var error = await Assert.ThrowsAsync<HubException>(() => DatasetPush.PushAsync(_folder.Path, HubToken.Resolve(wrong), Options()));
        Assert.Contains("401", error.Message);
        Assert.Contains("token (--token) was refused", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
        Assert.Empty(_hub.Repos);
        Assert.Empty(_hub.LfsObjects);
    }

    [Fact]
    public async Task Delete_stale_removes_exactly_the_remote_files_the_folder_no_longer_has_after_a_dry_run_lists_them()
    {
        await DatasetPush.PushAsync(_folder.Path, Token, Options());
        var stale = LocalFile.List(_folder.Path).Where(p => p.StartsWith("oscar/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stale);
        Directory.Delete(_folder.Combine("oscar"), recursive: true);
        var commits = _hub.Commits.Count;

        var dry = await DatasetPush.PushAsync(_folder.Path, Token, Options() with { DeleteStale = true, DryRun = true });
        Assert.Equal(stale, dry.Deleted);
        Assert.Equal(commits, _hub.Commits.Count);
        Assert.True(stale.All(_hub.Repo(RepoId).ContainsKey));

        var pushed = await DatasetPush.PushAsync(_folder.Path, Token, Options() with { DeleteStale = true });
        Assert.Equal(stale, pushed.Deleted);
        Assert.Equal(commits + 1, _hub.Commits.Count);
        AssertRepositoryEqualsFolder();
    }

    private sealed class SyncProgress(Action<PushProgress> report) : IProgress<PushProgress>
    {
        public void Report(PushProgress value) => report(value);
    }
}
