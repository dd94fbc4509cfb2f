using Jat.Hub.Http;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;
using Jat.Schema.Validation;

namespace Jat.Hub.Tests;

/// <summary>
/// `jat pull` against the fake Hub: a dataset pushed there by <see cref="DatasetPush"/> comes back byte for byte,
/// valid, through resumed, cut and corrupted downloads, and only what is missing is fetched again.
/// </summary>
public sealed class PullTests : IAsyncLifetime
{
    private const string RepoId = "jat-project/jat-dataset";
    private readonly TempDirectory _source = new();
    private readonly TempDirectory _target = new();
    private FakeHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await FakeHub.StartAsync();
        _hub.TreePageSize = 3; // the listing comes in pages, as the Hub's does for large repositories
        var options = new ShardWriterOptions { RowGroupBytes = 60_000, ShardBytes = 150_000 };
        await SampleDataset.WriteAsync(_source.Path, TaskRegistry.Get("mujoco-humanoid"), new SamplePlan(12, 30), options);
        await SampleDataset.WriteAsync(_source.Path, TaskRegistry.Get("oscar"), new SamplePlan(20), ShardWriterOptions.Default);
        await File.WriteAllTextAsync(_source.Combine("README.md"), "---\nlicense: apache-2.0\n---\n# test\n");
        await DatasetPush.PushAsync(_source.Path, Token, new PushOptions { RepoId = RepoId, Endpoint = _hub.Endpoint, Retry = FastRetry });
        _hub.Downloads.Clear();
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        _source.Dispose();
        _target.Dispose();
    }

    private static readonly HubRetryOptions FastRetry = new(MaxRetries: 3, Base: TimeSpan.FromMilliseconds(10), Max: TimeSpan.FromMilliseconds(40));

    private static HubToken Token => HubToken.Resolve(FakeHub.Token);

    private PullOptions Options(List<RetryEvent>? retries = null) => new()
    {
        RepoId = RepoId,
        Endpoint = _hub.Endpoint,
        Retry = FastRetry,
        OnRetry = retries is null ? null : r => { lock (retries) retries.Add(r); },
    };

    private IReadOnlyList<string> SourceFiles => LocalFile.List(_source.Path);

    private void AssertTargetEqualsSource()
    {
        Assert.Equal(SourceFiles, LocalFile.List(_target.Path));
        foreach (var path in SourceFiles)
            Assert.True(File.ReadAllBytes(_source.Combine(path)).AsSpan().SequenceEqual(File.ReadAllBytes(_target.Combine(path))), $"{path} differs");
        Assert.Empty(Directory.EnumerateFiles(_target.Combine(".jat", "pull"), "*.partial"));
        Assert.Empty(_hub.TokenLeaks);
    }

    [Fact]
    public async Task A_pull_gives_the_folder_that_was_pushed_and_it_validates()
    {
        var result = await DatasetPull.PullAsync(_target.Path, Token, Options());

        AssertTargetEqualsSource();
        Assert.Equal(SourceFiles.Count, result.Files);
        Assert.Equal(SourceFiles.Count, result.Downloaded);
        Assert.Equal(0, result.AlreadyPresent);
        Assert.Equal(_hub.Head(RepoId), result.Commit);
        Assert.Equal(SourceFiles.Sum(p => new FileInfo(_source.Combine(p)).Length), result.BytesDownloaded);
        // Shards came from storage by redirect, the card straight from the Hub.
        Assert.Contains(_hub.Downloads, d => d.Path == "README.md");
        Assert.Equal(SourceFiles.Count - 1, _hub.Downloads.Count(d => d.Path.Length == 64));
        var report = await ShardValidator.ValidateAsync(_target.Path);
        Assert.True(report.IsValid, string.Join("\n", report.Problems));
    }

    [Fact]
    public async Task A_public_repository_needs_no_token()
    {
        var result = await DatasetPull.PullAsync(_target.Path, HubToken.None, Options());
        Assert.Equal(SourceFiles.Count, result.Downloaded);
        AssertTargetEqualsSource();
    }

    [Fact]
    public async Task Pulling_again_fetches_nothing()
    {
        await DatasetPull.PullAsync(_target.Path, Token, Options());
        _hub.Downloads.Clear();
        var again = await DatasetPull.PullAsync(_target.Path, Token, Options());
        Assert.Equal(0, again.Downloaded);
        Assert.Equal(again.Files, again.AlreadyPresent);
        Assert.Empty(_hub.Downloads);
    }

    [Fact]
    public async Task A_pull_killed_half_way_resumes_the_file_it_was_in_and_fetches_nothing_twice()
    {
        // Downloads go one at a time in path order; stop inside a file, past half of the bytes.
        var sizes = SourceFiles.Select(p => new FileInfo(_source.Combine(p)).Length).ToList();
        var ends = sizes.Select((_, i) => sizes.Take(i + 1).Sum()).ToHashSet();
        var total = sizes.Sum();
        using var kill = new CancellationTokenSource();
        var progress = new SyncProgress<PullProgress>(p =>
        {
            if (p.Stage == PullStage.Downloading && p.BytesDone > total / 2 && !ends.Contains(p.BytesDone))
                kill.Cancel();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DatasetPull.PullAsync(_target.Path, Token, Options() with { ParallelDownloads = 1 }, progress, handler: null, kill.Token));

        var whole = LocalFile.List(_target.Path);
        var partial = Assert.Single(Directory.GetFiles(_target.Combine(".jat", "pull"), "*.partial"));
        var kept = new FileInfo(partial).Length;
        var oid = Path.GetFileNameWithoutExtension(partial);
        Assert.InRange(whole.Count, 1, SourceFiles.Count - 1);
        Assert.True(kept > 0);
        var before = _hub.Downloads.ToList();
        _hub.Downloads.Clear();

        var resumed = await DatasetPull.PullAsync(_target.Path, Token, Options());

        AssertTargetEqualsSource();
        Assert.Equal(whole.Count, resumed.AlreadyPresent);
        Assert.Equal(1, resumed.Resumed);
        Assert.Equal(SourceFiles.Count - whole.Count, resumed.Downloaded);
        var after = _hub.Downloads.ToList();
        Assert.Contains(new Download(oid, kept), after); // the rest of the file it was in, from where it stopped
        Assert.All(after.Where(d => d.From == 0), d => Assert.DoesNotContain(before, b => b.Path == d.Path));
        Assert.Equal(total - whole.Sum(p => new FileInfo(_target.Combine(p)).Length) - kept, resumed.BytesDownloaded);
    }

    [Fact]
    public async Task A_connection_cut_mid_file_is_resumed_from_the_byte_it_broke_at()
    {
        var retries = new List<RetryEvent>();
        _hub.Faults.Enqueue(new Fault("GET", "/cdn/", FaultKind.CutResponse, times: 1));
        var result = await DatasetPull.PullAsync(_target.Path, Token, Options(retries) with { ParallelDownloads = 1 });

        AssertTargetEqualsSource();
        var retry = Assert.Single(retries);
        Assert.StartsWith("download of ", retry.Request);
        Assert.Contains(_hub.Downloads, d => d.From > 0);
        Assert.Equal(0, result.Refetched);
    }

    [Fact]
    public async Task A_corrupted_download_is_detected_and_fetched_again()
    {
        _hub.Faults.Enqueue(new Fault("GET", "/cdn/", FaultKind.Corrupt, times: 1));
        var result = await DatasetPull.PullAsync(_target.Path, Token, Options());
        AssertTargetEqualsSource();
        Assert.Equal(1, result.Refetched);
    }

    [Fact]
    public async Task A_regular_file_is_verified_by_its_git_blob_id()
    {
        _hub.Faults.Enqueue(new Fault("GET", "/README.md", FaultKind.Corrupt, times: 1));
        var result = await DatasetPull.PullAsync(_target.Path, Token, Options());
        AssertTargetEqualsSource();
        Assert.Equal(1, result.Refetched);
    }

    [Fact]
    public async Task A_download_that_is_corrupted_every_time_fails_and_names_the_file()
    {
        _hub.Faults.Enqueue(new Fault("GET", "/cdn/", FaultKind.Corrupt, times: 1000));
        var error = await Assert.ThrowsAsync<HubException>(() => DatasetPull.PullAsync(_target.Path, Token, Options() with { ParallelDownloads = 1 }));
        Assert.Contains("downloaded 2 times", error.Message);
        Assert.Contains(".parquet", error.Message);
        Assert.DoesNotContain(FakeHub.Token, error.Message);
    }

    [Fact]
    public async Task A_corrupted_partial_file_is_detected_and_the_file_fetched_whole()
    {
        var path = SourceFiles.First(p => p.EndsWith(".parquet", StringComparison.Ordinal));
        var bytes = await File.ReadAllBytesAsync(_source.Combine(path));
        var garbage = new byte[bytes.Length / 2];
        Array.Fill(garbage, (byte)7);
        Directory.CreateDirectory(_target.Combine(".jat", "pull"));
        await File.WriteAllBytesAsync(_target.Combine(".jat", "pull", FakeHub.Sha256(bytes) + ".partial"), garbage);

        var result = await DatasetPull.PullAsync(_target.Path, Token, Options());

        AssertTargetEqualsSource();
        Assert.Equal(1, result.Resumed);
        Assert.Equal(1, result.Refetched);
        Assert.Contains(new Download(FakeHub.Sha256(bytes), garbage.Length), _hub.Downloads);
        Assert.Contains(new Download(FakeHub.Sha256(bytes), 0), _hub.Downloads);
    }

    [Fact]
    public async Task A_local_file_that_was_changed_is_fetched_again_and_the_others_are_not()
    {
        await DatasetPull.PullAsync(_target.Path, Token, Options());
        var path = SourceFiles.Last(p => p.EndsWith(".parquet", StringComparison.Ordinal));
        var bytes = await File.ReadAllBytesAsync(_target.Combine(path));
        bytes[bytes.Length / 3] ^= 1;
        await File.WriteAllBytesAsync(_target.Combine(path), bytes);
        File.SetLastWriteTimeUtc(_target.Combine(path), DateTime.UtcNow.AddMinutes(1));
        _hub.Downloads.Clear();

        var again = await DatasetPull.PullAsync(_target.Path, Token, Options());

        Assert.Equal(1, again.Downloaded);
        Assert.Equal(again.Files - 1, again.AlreadyPresent);
        Assert.Single(_hub.Downloads);
        AssertTargetEqualsSource();
    }

    [Fact]
    public async Task A_revision_names_the_commit_the_files_come_from()
    {
        var first = _hub.Head(RepoId)!;
        await File.WriteAllTextAsync(_source.Combine("README.md"), "---\nlicense: apache-2.0\n---\n# second version\n");
        await DatasetPush.PushAsync(_source.Path, Token, new PushOptions { RepoId = RepoId, Endpoint = _hub.Endpoint, Retry = FastRetry });
        Assert.NotEqual(first, _hub.Head(RepoId));

        var old = await DatasetPull.PullAsync(_target.Path, Token, Options() with { Revision = first });

        Assert.Equal(first, old.Commit);
        Assert.Equal("---\nlicense: apache-2.0\n---\n# test\n", await File.ReadAllTextAsync(_target.Combine("README.md")));
    }

    [Fact]
    public async Task Tasks_and_globs_select_what_is_pulled()
    {
        var oscar = await DatasetPull.PullAsync(_target.Path, Token, Options() with { Tasks = ["oscar"] });
        var pulled = LocalFile.List(_target.Path);
        Assert.Equal(SourceFiles.Where(p => p.StartsWith("oscar/", StringComparison.Ordinal) || p == "README.md"), pulled);
        Assert.Equal(pulled.Count, oscar.Files);

        using var tests = new TempDirectory();
        await DatasetPull.PullAsync(tests.Path, Token, Options() with { Include = ["mujoco-humanoid/test-*"] });
        var testShards = LocalFile.List(tests.Path);
        Assert.NotEmpty(testShards);
        Assert.Equal(SourceFiles.Where(p => p.StartsWith("mujoco-humanoid/test-", StringComparison.Ordinal)), testShards);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => DatasetPull.PullAsync(tests.Path, Token, Options() with { Tasks = ["atari-pong"] }));
        Assert.Contains("no task 'atari-pong'", error.Message);
        Assert.Contains("mujoco-humanoid, oscar", error.Message);
    }

    [Fact]
    public async Task A_missing_repository_is_a_clear_404()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => DatasetPull.PullAsync(_target.Path, Token, Options() with { RepoId = "jat-project/nothing" }));
        Assert.Contains("404", error.Message);
        Assert.Contains("Repository not found", error.Message);
        Assert.Contains("check the repository name", error.Message);
        Assert.Empty(LocalFile.List(_target.Path));
    }

    [Fact]
    public async Task A_private_repository_without_a_token_says_to_pass_one_and_a_wrong_token_is_refused_unprinted()
    {
        _hub.PrivateRepos[RepoId] = true;
        var anonymous = await Assert.ThrowsAsync<HubException>(() => DatasetPull.PullAsync(_target.Path, HubToken.None, Options()));
        Assert.Contains("401", anonymous.Message);
        Assert.Contains("pass --token or set HF_TOKEN", anonymous.Message);

        const string wrong = "hf_WrongTokenWrongTokenWrong000";
        var refused = await Assert.ThrowsAsync<HubException>(() => DatasetPull.PullAsync(_target.Path, HubToken.Resolve(wrong), Options()));
        Assert.Contains("was refused", refused.Message);
        Assert.Contains("read access", refused.Message);
        Assert.DoesNotContain(wrong, refused.ToString());

        var result = await DatasetPull.PullAsync(_target.Path, Token, Options());
        Assert.Equal(SourceFiles.Count, result.Downloaded);
    }

    [Fact]
    public async Task A_dead_endpoint_is_reported_after_the_retries()
    {
        var dead = new Uri("http://127.0.0.1:9/");
        var retries = new List<RetryEvent>();
        var error = await Assert.ThrowsAsync<HubException>(() => DatasetPull.PullAsync(_target.Path, Token,
            Options(retries) with { Endpoint = dead, Retry = new HubRetryOptions(1, TimeSpan.FromMilliseconds(10)) }));
        Assert.Contains("no answer from 127.0.0.1 after 2 tries", error.Message);
        Assert.Single(retries);
    }
}
