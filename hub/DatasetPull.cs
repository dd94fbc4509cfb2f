using System.IO.Enumeration;
using Jat.Hub.Download;
using Jat.Hub.Http;

namespace Jat.Hub;

public sealed record PullOptions
{
    /// <summary><c>owner/name</c> of the dataset repository.</summary>
    public required string RepoId { get; init; }
    /// <summary>A branch, tag or commit id; resolved to one commit first, so every file comes from the same one.</summary>
    public string Revision { get; init; } = "main";
    public Uri Endpoint { get; init; } = PushOptions.DefaultEndpoint();
    /// <summary>Only these tasks' folders (and the files at the root: the card, stats.json); empty for all.</summary>
    public IReadOnlyList<string> Tasks { get; init; } = [];
    /// <summary>Only paths matching one of these globs (<c>*</c>, <c>?</c>; a trailing <c>/</c> means everything under it); empty for all.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];
    public int ParallelDownloads { get; init; } = 2;
    public Action<RetryEvent>? OnRetry { get; init; }
    public HubRetryOptions Retry { get; init; } = HubRetryOptions.Default;
    /// <summary>A connection that delivers nothing for this long is dropped and the download resumed.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

public enum PullStage
{
    Listing,
    Checking,
    Downloading,
}

public readonly record struct PullProgress(PullStage Stage, int FilesDone, int Files, long BytesDone, long Bytes);

/// <param name="Commit">the commit every file was taken from</param>
/// <param name="Downloaded">files fetched in this run (resumed ones included)</param>
/// <param name="Resumed">files an earlier, interrupted run had begun, of which only the rest was fetched</param>
/// <param name="AlreadyPresent">files already in the folder with the Hub's hash, not fetched</param>
/// <param name="Refetched">downloads that arrived with the wrong hash and were fetched again</param>
public sealed record PullResult(string RepoId, string Revision, string Commit, string Folder, int Files, int Downloaded, int Resumed,
    int AlreadyPresent, int Refetched, long BytesDownloaded, long Bytes);

/// <summary>
/// Downloads a Hub dataset repository (or some of its tasks) into a folder, as the Hub's own clients do: the revision
/// is resolved to a commit, the tree listed (sizes, git blob ids, LFS sha256), each file fetched from
/// <c>/resolve/&lt;commit&gt;/</c> and verified against its id. Interrupted downloads resume where they stopped;
/// files already whole are not fetched again. Public repositories need no token.
/// </summary>
public static class DatasetPull
{
    public static Task<PullResult> PullAsync(string folder, HubToken token, PullOptions options, IProgress<PullProgress>? progress = null,
        CancellationToken ct = default) => PullAsync(folder, token, options, progress, handler: null, ct);

    internal static async Task<PullResult> PullAsync(string folder, HubToken token, PullOptions options, IProgress<PullProgress>? progress,
        HttpMessageHandler? handler, CancellationToken ct)
    {
        RepoName.Check(options.RepoId);
        using var http = new HubHttp(options.Endpoint, token, options.Retry, options.OnRetry, handler, reading: true);
        var api = new HubApi(http, options.RepoId, options.Revision);

        progress?.Report(new PullProgress(PullStage.Listing, 0, 0, 0, 0));
        var commit = await api.ResolveRevisionAsync(ct).ConfigureAwait(false);
        var files = Select(await api.ListFilesAsync(commit, ct).ConfigureAwait(false), options);
        var total = files.Sum(f => f.Size);

        Directory.CreateDirectory(folder);
        var state = new PullState(folder);
        var missing = new List<RemoteFile>();
        long present = 0;
        for (var i = 0; i < files.Count; i++)
        {
            progress?.Report(new PullProgress(PullStage.Checking, i, files.Count, present, total));
            if (await IsWholeAsync(folder, state, files[i], ct).ConfigureAwait(false))
                present += files[i].Size;
            else
                missing.Add(files[i]);
        }

        var downloaded = 0;
        var resumed = 0;
        var refetched = 0;
        long received = 0;
        long done = present;
        var filesDone = files.Count - missing.Count;
        var gate = new object();
        void Report(long bytes, bool fileFinished)
        {
            lock (gate)
            {
                done += bytes;
                if (fileFinished)
                    filesDone++;
                progress?.Report(new PullProgress(PullStage.Downloading, filesDone, files.Count, done, total));
            }
        }
        var download = new FileDownload(http, options.Retry, options.OnRetry) { StallTimeout = options.StallTimeout };
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.ParallelDownloads), CancellationToken = ct },
            async (file, cancel) =>
            {
                var target = LocalPath(folder, file);
                var outcome = await download.RunAsync(api.ResolveUrl(commit, file.Path), file, state.PartialPath(file), target,
                    new SyncProgress<long>(n => Report(n, fileFinished: false)), cancel).ConfigureAwait(false);
                state.RecordVerified(file, target);
                lock (gate)
                {
                    downloaded++;
                    resumed += outcome.Resumed ? 1 : 0;
                    refetched += outcome.Refetched;
                    received += outcome.BytesReceived;
                }
                Report(0, fileFinished: true);
            }).ConfigureAwait(false);

        state.RecordOrigin(options.Endpoint, options.RepoId, options.Revision, commit, files.Count);
        return new PullResult(options.RepoId, options.Revision, commit, Path.GetFullPath(folder), files.Count, downloaded, resumed,
            files.Count - missing.Count, refetched, received, total);
    }

    /// <summary>The files the options ask for; the repository's own dot files (<c>.gitattributes</c>) are not part of a dataset folder.</summary>
    internal static IReadOnlyList<RemoteFile> Select(IReadOnlyList<RemoteFile> all, PullOptions options)
    {
        var files = all.Where(f => !f.Path.Split('/').Any(part => part.StartsWith('.'))).ToList();
        if (options.Tasks.Count > 0)
        {
            var held = files.Where(f => f.Path.Contains('/', StringComparison.Ordinal)).Select(f => f.Path[..f.Path.IndexOf('/', StringComparison.Ordinal)])
                .ToHashSet(StringComparer.Ordinal);
            var absent = options.Tasks.Where(t => !held.Contains(t)).ToList();
            if (absent.Count > 0)
                throw new ArgumentException($"{options.RepoId} at {options.Revision} has no task {string.Join(", ", absent.Select(t => $"'{t}'"))}; " +
                    $"it holds {(held.Count == 0 ? "none" : string.Join(", ", held.Order(StringComparer.Ordinal).Take(20)) + (held.Count > 20 ? $" and {held.Count - 20} more" : ""))}");
            files = files.Where(f => !f.Path.Contains('/', StringComparison.Ordinal) || options.Tasks.Contains(f.Path[..f.Path.IndexOf('/', StringComparison.Ordinal)]))
                .ToList();
        }
        if (options.Include.Count > 0)
        {
            var patterns = options.Include.Select(p => p.EndsWith('/') ? p + "*" : p).ToList();
            files = files.Where(f => patterns.Any(p => FileSystemName.MatchesSimpleExpression(p, f.Path, ignoreCase: false))).ToList();
        }
        if (files.Count == 0)
            throw new ArgumentException($"nothing to pull: {options.RepoId} at {options.Revision} has {all.Count} file(s), none of them selected" +
                (options.Include.Count > 0 ? $" by --include {string.Join(" ", options.Include)}" : ""));
        foreach (var file in files)
            if (file.Path.Split('/').Any(part => part is "" or "." or "..") || Path.IsPathRooted(file.Path))
                throw new HubException($"the Hub listed a file named '{file.Path}', which would land outside the folder; nothing was written");
        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private static string LocalPath(string folder, RemoteFile file) => Path.Combine(folder, file.Path.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The local copy already has the Hub's bytes: recorded as verified and untouched since, or hashing to the id.</summary>
    private static async Task<bool> IsWholeAsync(string folder, PullState state, RemoteFile file, CancellationToken ct)
    {
        var local = new FileInfo(LocalPath(folder, file));
        if (!local.Exists || local.Length != file.Size)
            return false;
        if (state.IsVerified(file, local))
            return true;
        var hashed = await LocalFile.HashAsync(folder, file.Path, null, ct).ConfigureAwait(false);
        if ((file.IsLfs ? hashed.Sha256 : hashed.GitOid) != file.Oid)
            return false;
        state.RecordVerified(file, local.FullName);
        return true;
    }
}
