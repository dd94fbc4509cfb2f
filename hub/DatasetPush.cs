using Jat.Hub.Http;

namespace Jat.Hub;

public sealed record PushOptions
{
    /// <summary><c>owner/name</c> of the dataset repository.</summary>
    public required string RepoId { get; init; }
    public string Revision { get; init; } = "main";
    public bool Private { get; init; }
    public Uri Endpoint { get; init; } = DefaultEndpoint();
    /// <summary>The Hub's clients commit at most 50 files at once (datasets' UPLOADS_MAX_NUMBER_PER_COMMIT).</summary>
    public int FilesPerCommit { get; init; } = 50;
    public int ParallelUploads { get; init; } = 2;
    /// <summary>Also delete remote files the folder no longer has (stale shards of a rewritten dataset), in the last commit.</summary>
    public bool DeleteStale { get; init; }
    /// <summary>With <see cref="DeleteStale"/>: list the stale files, change nothing.</summary>
    public bool DryRun { get; init; }
    public Action<RetryEvent>? OnRetry { get; init; }
    public HubRetryOptions Retry { get; init; } = HubRetryOptions.Default;

    /// <summary><c>HF_ENDPOINT</c>, else https://huggingface.co.</summary>
    public static Uri DefaultEndpoint() => ParseEndpoint(Environment.GetEnvironmentVariable("HF_ENDPOINT") ?? "https://huggingface.co");

    public static Uri ParseEndpoint(string text) => Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? uri
        : throw new ArgumentException($"'{text}' is not an http(s) endpoint");
}

public enum PushStage
{
    Hashing,
    Checking,
    Uploading,
    Committing,
}

public readonly record struct PushProgress(PushStage Stage, int FilesDone, int Files, long BytesDone, long Bytes);

/// <param name="Uploaded">LFS objects sent in this run</param>
/// <param name="AlreadyStored">LFS objects the Hub had already (sent by an earlier, interrupted run) and only needed committing</param>
/// <param name="Unchanged">files identical on the Hub, neither sent nor committed</param>
public sealed record PushResult(string RepoId, string Revision, bool Created, int Files, int Committed, int Uploaded, int AlreadyStored,
    int Unchanged, long BytesUploaded, IReadOnlyList<string> Commits, IReadOnlyList<string> Deleted);

/// <summary>
/// Uploads a dataset folder to a Hub dataset repository as the Hub's own clients do: create the repository,
/// pre-upload to learn which files go to LFS and which the Hub has already, upload the missing LFS objects
/// (basic or multipart), then commit in batches, the card (README.md) last. Every step can be re-run: a push that
/// failed half way sends only what the Hub does not have yet.
/// </summary>
public static class DatasetPush
{
    private const int PreuploadBatch = 256;
    private const int LfsBatch = 100;

    public static Task<PushResult> PushAsync(string folder, HubToken token, PushOptions options, IProgress<PushProgress>? progress = null,
        CancellationToken ct = default) => PushAsync(folder, token, options, progress, handler: null, ct);

    internal static async Task<PushResult> PushAsync(string folder, HubToken token, PushOptions options, IProgress<PushProgress>? progress,
        HttpMessageHandler? handler, CancellationToken ct)
    {
        RepoName.Check(options.RepoId);
        if (!File.Exists(Path.Combine(folder, "README.md")))
            throw new InvalidOperationException($"{folder} has no README.md: write its dataset card first (`jat card {folder}`)");
        var paths = LocalFile.List(folder);
        using var http = new HubHttp(options.Endpoint, token, options.Retry, options.OnRetry, handler);
        var api = new HubApi(http, options.RepoId, options.Revision);

        var files = await HashAllAsync(folder, paths, progress, ct).ConfigureAwait(false);
        var total = files.Sum(f => f.Size);
        progress?.Report(new PushProgress(PushStage.Checking, 0, files.Count, 0, total));
        if (options.DryRun)
        {
            if (!options.DeleteStale)
                throw new ArgumentException("--dry-run goes with --delete-stale: it lists the remote files that would be deleted");
            return new PushResult(options.RepoId, options.Revision, false, files.Count, 0, 0, 0, 0, 0, [], await StaleAsync(api, options, files, ct).ConfigureAwait(false));
        }
        var created = await api.CreateRepoAsync(options.Private, ct).ConfigureAwait(false);
        var stale = options.DeleteStale && !created ? await StaleAsync(api, options, files, ct).ConfigureAwait(false) : [];

        var modes = new Dictionary<string, UploadMode>(StringComparer.Ordinal);
        foreach (var batch in files.Chunk(PreuploadBatch))
            foreach (var mode in await api.PreuploadAsync(batch, ct).ConfigureAwait(false))
                modes[mode.Path] = mode;
        var changed = new List<(LocalFile File, bool Lfs)>();
        var unchanged = 0;
        foreach (var file in files)
        {
            var mode = modes.GetValueOrDefault(file.RepoPath) ?? throw new HubException($"the Hub's pre-upload answer left out {file.RepoPath}");
            if (mode.Ignored || mode.RemoteOid == (mode.Lfs ? file.Sha256 : file.GitOid))
                unchanged++;
            else
                changed.Add((file, mode.Lfs));
        }

        var (uploaded, stored, sent) = await UploadAsync(api, changed.Where(c => c.Lfs).Select(c => c.File).ToList(), files.Count, total,
            total - changed.Sum(c => c.File.Size), options.ParallelUploads, progress, ct).ConfigureAwait(false);

        // The card goes last: the dataset the Hub shows is whole whenever its card describes it.
        var ordered = changed.OrderBy(c => c.File.RepoPath == "README.md" ? 1 : 0).ThenBy(c => c.File.RepoPath, StringComparer.Ordinal).ToList();
        var batches = ordered.Chunk(Math.Max(1, options.FilesPerCommit)).ToList();
        if (batches.Count == 0 && stale.Count > 0)
            batches.Add([]);
        var commits = new List<string>();
        for (var i = 0; i < batches.Count; i++)
        {
            progress?.Report(new PushProgress(PushStage.Committing, i, batches.Count, total, total));
            var summary = batches.Count == 1 ? $"Upload {ordered.Count} file(s) with jat" : $"Upload {ordered.Count} file(s) with jat (part {i + 1} of {batches.Count})";
            // Deletions ride in the last commit, with the card: the Hub never shows a card without its shards.
            var deleted = i == batches.Count - 1 ? stale : [];
            if (deleted.Count > 0)
                summary += $", delete {deleted.Count} stale file(s)";
            commits.Add(await api.CommitAsync(summary, batches[i], ct, deleted).ConfigureAwait(false));
        }
        return new PushResult(options.RepoId, options.Revision, created, files.Count, ordered.Count, uploaded, stored, unchanged, sent, commits, stale);
    }

    /// <summary>Remote files (at the revision, through the tree listing) that the folder does not have; the repository's dot files stay.</summary>
    private static async Task<IReadOnlyList<string>> StaleAsync(HubApi api, PushOptions options, IReadOnlyList<LocalFile> files, CancellationToken ct)
    {
        IReadOnlyList<RemoteFile> remote;
        try
        {
            remote = await api.ListFilesAsync(options.Revision, ct).ConfigureAwait(false);
        }
        catch (HubException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            return []; // no repository or no commit yet: nothing is stale
        }
        var local = files.Select(f => f.RepoPath).ToHashSet(StringComparer.Ordinal);
        return remote.Select(r => r.Path).Where(p => !local.Contains(p) && !p.Split('/').Any(part => part.StartsWith('.'))).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<IReadOnlyList<LocalFile>> HashAllAsync(string folder, IReadOnlyList<string> paths, IProgress<PushProgress>? progress, CancellationToken ct)
    {
        var total = paths.Sum(p => new FileInfo(Path.Combine(folder, p)).Length);
        long done = 0;
        var files = new List<LocalFile>();
        var counter = new SyncProgress<long>(n => progress?.Report(new PushProgress(PushStage.Hashing, files.Count, paths.Count, done += n, total)));
        foreach (var path in paths)
            files.Add(await LocalFile.HashAsync(folder, path, counter, ct).ConfigureAwait(false));
        return files;
    }

    private static async Task<(int Uploaded, int Stored, long Sent)> UploadAsync(HubApi api, IReadOnlyList<LocalFile> lfs, int fileCount, long total,
        long skippedBytes, int parallel, IProgress<PushProgress>? progress, CancellationToken ct)
    {
        var uploaded = 0;
        var stored = 0;
        long sent = 0;
        long done = skippedBytes;
        var filesDone = fileCount - lfs.Count;
        var gate = new object();
        void Report(long bytes, bool fileFinished)
        {
            lock (gate)
            {
                done += bytes;
                if (fileFinished)
                    filesDone++;
                progress?.Report(new PushProgress(PushStage.Uploading, filesDone, fileCount, done, total));
            }
        }
        foreach (var batch in lfs.Chunk(LfsBatch))
        {
            var actions = (await api.LfsBatchAsync(batch, ct).ConfigureAwait(false)).ToDictionary(a => a.Oid, StringComparer.Ordinal);
            var work = new List<(LocalFile File, LfsAction Action)>();
            foreach (var file in batch)
            {
                var action = actions.GetValueOrDefault(file.Sha256) ?? throw new HubException($"the LFS batch answer left out {file.RepoPath}");
                if (action.Upload is null)
                {
                    stored++;
                    Report(file.Size, fileFinished: true);
                }
                else
                {
                    work.Add((file, action));
                }
            }
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = ct }, async (item, token) =>
            {
                await api.UploadAsync(item.File, item.Action, new SyncProgress<long>(n => Report(n, fileFinished: false)), token).ConfigureAwait(false);
                Interlocked.Increment(ref uploaded);
                Interlocked.Add(ref sent, item.File.Size);
                Report(0, fileFinished: true);
            }).ConfigureAwait(false);
        }
        return (uploaded, stored, sent);
    }
}
