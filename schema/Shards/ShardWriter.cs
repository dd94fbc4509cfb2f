using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Jat.Schema.Columns;
using Jat.Schema.Tasks;
using Jat.Schema.Validation;
using Jat.Schema.ParquetFormat;

namespace Jat.Schema.Shards;

/// <summary>
/// Writes one split of one task as Hub-compatible Parquet shards, streaming: it holds one row group at most.
/// </summary>
/// <remarks>
/// Shards are written under <c>.jat/&lt;task&gt;/</c> and only moved to <c>&lt;task&gt;/&lt;split&gt;-NNNNN-of-MMMMM.parquet</c>
/// by <see cref="CompleteAsync"/>, once their count is known. Every row group is a commit: the shard file is a
/// complete Parquet file after it, and the manifest records it. A writer killed at any point is reopened with
/// <see cref="OpenAsync"/>, which restores the last commit; the caller then continues from <see cref="CommittedRows"/>.
/// Rows must therefore come in a deterministic order, row <c>i</c> always the same.
/// </remarks>
public sealed partial class ShardWriter : IAsyncDisposable
{
    private readonly DatasetLayout _layout;
    private readonly ShardWriterOptions _options;
    private readonly ParquetFileWriter _file;
    private readonly ColumnShredder[] _shredders;
    private readonly FileStream _lock;
    private SplitManifest _manifest;
    private long _bufferedRows;
    private string? _bufferedCursor;
    private bool _faulted;

    private ShardWriter(DatasetLayout layout, TaskSpec task, string split, ShardWriterOptions options, FileStream lockFile, SplitManifest manifest)
    {
        _layout = layout;
        Task = task;
        Split = split;
        _options = options;
        var fields = ParquetLayout.SchemaOf(task).Fields;
        _file = new ParquetFileWriter(fields, ParquetLayout.MetadataOf(task));
        var leaves = 0;
        _shredders = new ColumnShredder[task.Columns.Count];
        for (var c = 0; c < _shredders.Length; c++)
        {
            var count = ParquetLayout.Leaves(fields[c]).Count;
            _shredders[c] = ColumnShredder.Create(task.Columns[c], [.. _file.Leaves.Skip(leaves).Take(count)]);
            leaves += count;
        }
        _lock = lockFile;
        _manifest = manifest;
    }

    public TaskSpec Task { get; }

    public string Split { get; }

    /// <summary>Rows durably written: where a resumed caller continues.</summary>
    public long CommittedRows => _manifest.Rows;

    /// <summary>Rows accepted so far, committed or still buffered.</summary>
    public long RowsWritten => _manifest.Rows + _bufferedRows;

    public bool IsComplete => _manifest.State == SplitState.Complete;

    /// <summary>
    /// The cursor given with the last committed row: where a converter that skips or drops input records resumes
    /// reading (a line number, a byte offset, a page id). Null when no row was committed or none came with a cursor.
    /// </summary>
    public string? CommittedCursor => _manifest.Cursor;

    /// <summary>Opens a split for writing, resuming it where a previous writer left it.</summary>
    /// <exception cref="IOException">another process is writing the same split of the same folder.</exception>
    /// <exception cref="InvalidOperationException">the folder holds this split from another writer or with other features.</exception>
    public static Task<ShardWriter> OpenAsync(string datasetDirectory, TaskSpec task, string split,
        ShardWriterOptions? options = null, CancellationToken ct = default) =>
        OpenAsync(datasetDirectory, task, split, null, options, ct);

    /// <summary>
    /// Opens one part of a split for writing, resuming it where a previous writer left it: the part becomes exactly one
    /// shard, <c>&lt;split&gt;-&lt;part&gt;-of-&lt;parts&gt;.parquet</c>, however large (the shard size does not apply),
    /// so that parts written by different processes or machines merge by file name into the whole split.
    /// </summary>
    /// <exception cref="IOException">another process is writing the same part of the same folder.</exception>
    /// <exception cref="InvalidOperationException">the folder holds this part from another writer or with other features.</exception>
    public static Task<ShardWriter> OpenPartAsync(string datasetDirectory, TaskSpec task, string split, ShardPart part,
        ShardWriterOptions? options = null, CancellationToken ct = default)
    {
        if (part.Count < 1 || part.Index < 0 || part.Index >= part.Count)
            throw new ArgumentOutOfRangeException(nameof(part), part, "a part is numbered 0 to its count - 1");
        return OpenAsync(datasetDirectory, task, split, (ShardPart?)part, options, ct);
    }

    private static Task<ShardWriter> OpenAsync(string datasetDirectory, TaskSpec task, string split, ShardPart? part,
        ShardWriterOptions? options, CancellationToken ct)
    {
        options ??= ShardWriterOptions.Default;
        options.Check();
        if (!SplitPattern().IsMatch(split))
            throw new ArgumentException($"'{split}' is not a split name the Hub accepts (letters, digits, _ and dots)", nameof(split));
        var layout = new DatasetLayout(datasetDirectory, task.Name, split, part);
        Directory.CreateDirectory(layout.StagingDirectory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(layout.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"{task.Name}/{split} in {datasetDirectory} is being written by another process; wait for it or stop it", e);
        }
        try
        {
            ct.ThrowIfCancellationRequested();
            var manifest = Prepare(layout, task, split, options);
            return System.Threading.Tasks.Task.FromResult(new ShardWriter(layout, task, split, options, lockFile, manifest));
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Adds one row. It is checked against the task first; a row that breaks a rule is refused whole.</summary>
    /// <exception cref="ArgumentException">the row does not fit the task; the message says which column and step.</exception>
    public ValueTask WriteAsync(Example row, CancellationToken ct = default) => WriteAsync(row, null, ct);

    /// <summary>Adds one row and records <paramref name="cursor"/>, the caller's input position after it; see <see cref="CommittedCursor"/>.</summary>
    public async ValueTask WriteAsync(Example row, string? cursor, CancellationToken ct = default)
    {
        ThrowIfClosed();
        ArgumentNullException.ThrowIfNull(row);
        if (RowRules.Check(Task, row) is { } problem)
            throw new ArgumentException($"{Task.Name}/{Split} row {RowsWritten}: {problem}", nameof(row));
        long bytes = 0;
        foreach (var shredder in _shredders)
        {
            shredder.Append(row);
            bytes += shredder.Bytes;
        }
        _bufferedRows++;
        _bufferedCursor = cursor ?? _bufferedCursor;
        if (bytes >= _options.RowGroupBytes)
            await CommitRowGroupAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Commits what is buffered, seals the last shard and gives every shard its final name.</summary>
    public async Task<SplitSummary> CompleteAsync(CancellationToken ct = default)
    {
        if (!IsComplete)
        {
            ThrowIfClosed();
            await CommitRowGroupAsync(ct).ConfigureAwait(false);
            var manifest = _manifest;
            if (manifest.Open is not null)
                manifest = Seal(manifest);
            if (manifest.Shards.Count == 0)
                manifest = manifest with { Shards = [new SealedShard(0, 0, await WriteEmptyShardAsync(ct).ConfigureAwait(false))] };
            _manifest = manifest with { State = SplitState.Finalizing };
            _manifest.Save(_layout.ManifestPath, _options.Durable);
            FinishRenames(_layout, _manifest);
            _manifest = _manifest with { State = SplitState.Complete };
            _manifest.Save(_layout.ManifestPath, _options.Durable);
        }
        return Summary(_layout, _manifest);
    }

    /// <summary>Commits the buffered rows (unless a write failed) and lets another process open the split.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_faulted && !IsComplete)
                await CommitRowGroupAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _file.Dispose();
            await _lock.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task CommitRowGroupAsync(CancellationToken ct)
    {
        if (_bufferedRows == 0)
            return;
        var open = _manifest.Open;
        var index = open?.Index ?? _manifest.Shards.Count;
        var path = _layout.StagingShard(index);
        try
        {
            ct.ThrowIfCancellationRequested();
            long length;
            string tail;
            // Unbuffered: a row group goes out as a few large writes (a chunk's pages each), and a 1 MB buffer per commit
            // was a large-object allocation each time.
            await using (var file = new FileStream(path, open is null ? FileMode.Create : FileMode.Open, FileAccess.ReadWrite,
                FileShare.None, bufferSize: 0))
            {
                var written = _file.AppendRowGroup(file, _bufferedRows);
                file.Flush(_options.Durable);
                length = file.Length;
                tail = Convert.ToBase64String(written);
            }
            var committed = new OpenShard(index, (open?.Rows ?? 0) + _bufferedRows, (open?.RowGroups ?? 0) + 1, length, tail,
                _bufferedCursor ?? _manifest.Cursor);
            var manifest = _manifest with { Rows = _manifest.Rows + _bufferedRows, Open = committed };
            if (length >= _options.ShardBytes && _layout.Part is null)
                manifest = Seal(manifest);
            manifest.Save(_layout.ManifestPath, _options.Durable);
            _manifest = manifest;
            _bufferedRows = 0;
            _bufferedCursor = null;
            foreach (var shredder in _shredders)
                shredder.Clear();
        }
        catch
        {
            // The shard file may be half written; the manifest still names the last commit, which OpenAsync restores.
            _faulted = true;
            throw;
        }
    }

    private async Task<long> WriteEmptyShardAsync(CancellationToken ct)
    {
        var path = _layout.StagingShard(0);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        ct.ThrowIfCancellationRequested();
        _file.WriteEmpty(file);
        file.Flush(_options.Durable);
        return file.Length;
    }

    private void ThrowIfClosed()
    {
        if (IsComplete)
            throw new InvalidOperationException($"{Task.Name}/{Split} is complete; open a new dataset folder to write it again");
        if (_faulted)
            throw new InvalidOperationException($"an earlier write to {Task.Name}/{Split} failed; dispose this writer and open the split again to resume");
    }

    private static SplitManifest Seal(SplitManifest manifest)
    {
        var open = manifest.Open!;
        return manifest with { Shards = [.. manifest.Shards, new SealedShard(open.Index, open.Rows, open.FileBytes, open.Cursor)], Open = null };
    }

    /// <summary>Reads or starts the manifest, and brings the files on disk back to what it says.</summary>
    private static SplitManifest Prepare(DatasetLayout layout, TaskSpec task, string split, ShardWriterOptions options)
    {
        var features = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(task.FeaturesMetadata)));
        var manifest = SplitManifest.Load(layout.ManifestPath);
        if (manifest is null)
        {
            var existing = layout.FinalShards();
            if (existing.Count > 0)
                throw new InvalidOperationException(
                    $"{layout.FinalDirectory} already holds {existing.Count} {split} shard(s) that no manifest of this folder describes; move them away or write to another folder");
            manifest = new SplitManifest { Task = task.Name, Split = split, Features = features };
        }
        else if (manifest.Features != features)
        {
            throw new InvalidOperationException(
                $"{task.Name}/{split} in {layout.Root} was started with other features (an older Jat?); write to another folder, or delete {layout.FinalDirectory} and {layout.StagingDirectory}");
        }
        if (manifest.State == SplitState.Finalizing)
        {
            FinishRenames(layout, manifest);
            manifest = manifest with { State = SplitState.Complete };
        }
        if (manifest.State == SplitState.Writing)
        {
            manifest = RestoreOpenShard(layout, manifest);
            var kept = manifest.Shards.Select(s => s.Index).Concat(manifest.Open is { } o ? [o.Index] : []).ToHashSet();
            foreach (var (index, path) in layout.StagingShards())
                if (!kept.Contains(index))
                    File.Delete(path);
        }
        manifest.Save(layout.ManifestPath, options.Durable);
        return manifest;
    }

    private static SplitManifest RestoreOpenShard(DatasetLayout layout, SplitManifest manifest)
    {
        if (manifest.Open is not { } open)
            return manifest;
        var path = layout.StagingShard(open.Index);
        var tail = Convert.FromBase64String(open.Tail);
        var dataEnd = open.FileBytes - tail.Length;
        if (!File.Exists(path) || new FileInfo(path).Length < dataEnd)
        {
            // The committed row groups themselves are gone (a disk that lost writes): write them again.
            File.Delete(path);
            return manifest with { Rows = manifest.Rows - open.Rows, Open = null };
        }
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        ParquetFileWriter.RestoreTail(file, dataEnd, tail);
        file.Flush(true);
        return manifest;
    }

    private static void FinishRenames(DatasetLayout layout, SplitManifest manifest)
    {
        Directory.CreateDirectory(layout.FinalDirectory);
        var count = manifest.Shards.Count;
        foreach (var shard in manifest.Shards)
        {
            var from = layout.StagingShard(shard.Index);
            var to = Path.Combine(layout.FinalDirectory, layout.FinalName(shard.Index, count).FileName);
            if (File.Exists(from))
                File.Move(from, to, overwrite: true);
            else if (!File.Exists(to))
                throw new InvalidDataException($"shard {shard.Index} of {layout.Task}/{layout.Split} is missing from both {from} and {to}");
        }
    }

    private static SplitSummary Summary(DatasetLayout layout, SplitManifest manifest) =>
        new(layout.Task, layout.Split, manifest.Rows, manifest.Shards.Count, manifest.Shards.Sum(s => s.FileBytes));

    [GeneratedRegex(@"^\w+(\.\w+)*$")]
    private static partial Regex SplitPattern();
}

/// <summary>One of <see cref="Count"/> parts of a split, written as its shard number <see cref="Index"/>.</summary>
public readonly record struct ShardPart(int Index, int Count);

/// <summary>What a completed split (or part of one) holds.</summary>
public sealed record SplitSummary(string Task, string Split, long Rows, int Shards, long FileBytes);
