using System.Runtime.CompilerServices;
using Jat.Schema.Columns;
using Jat.Schema.Features;
using Jat.Schema.Tasks;
using Parquet;
using Parquet.Schema;

namespace Jat.Schema.Shards;

/// <summary>Streams the rows of one shard back as <see cref="Example"/>s, one row group in memory at a time.</summary>
public sealed class ShardReader : IAsyncDisposable
{
    private readonly ParquetReader _reader;
    private readonly Field[] _fields;

    private ShardReader(string path, TaskSpec task, ParquetReader reader, Field[] fields)
    {
        Path = path;
        Task = task;
        _reader = reader;
        _fields = fields;
    }

    public string Path { get; }

    public TaskSpec Task { get; }

    public int RowGroupCount => _reader.RowGroupCount;

    public long RowCount => _reader.RowGroups.Sum(g => g.RowCount);

    public IReadOnlyDictionary<string, string> Metadata => _reader.CustomMetadata;

    /// <summary>Uncompressed bytes of every row group, as the footer states them (what the Hub reports as num_bytes).</summary>
    public long UncompressedBytes => RowGroupSizes.Sum();

    public IReadOnlyList<long> RowGroupSizes => _reader.Metadata?.RowGroups.Select(g => g.TotalByteSize).ToList() ?? [];

    /// <summary>Opens a shard and checks that it has the task's columns, each of the Arrow type its feature implies.</summary>
    /// <exception cref="InvalidDataException">not a Parquet file (truncated, say), or not a shard of <paramref name="task"/>.</exception>
    public static async Task<ShardReader> OpenAsync(string path, TaskSpec task, CancellationToken ct = default)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(path, new ParquetOptions(), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or FormatException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{path}: not a readable Parquet file ({e.Message}); it may be truncated: write it again", e);
        }
        try
        {
            var fields = new Field[task.Columns.Count];
            var stored = reader.CustomMetadata.TryGetValue(ArrowSchemaKey.Name, out var arrow) ? ArrowSchemaKey.Decode(arrow) : null;
            for (var i = 0; i < fields.Length; i++)
            {
                var column = task.Columns[i];
                var field = reader.Schema.Fields.FirstOrDefault(f => f.Name == column.Name)
                    ?? throw new InvalidDataException($"{path}: no column '{column.Name}', which {task.Name} needs");
                var expected = ArrowShape.FromFeature(column.Feature);
                var actual = ParquetArrowShape.Of(field, stored?.GetValueOrDefault(column.Name));
                if (!expected.SameAs(actual))
                    throw new InvalidDataException($"{path}: column '{column.Name}' is {actual}, but {task.Name} needs {expected}");
                fields[i] = field;
            }
            return new ShardReader(path, task, reader, fields);
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async IAsyncEnumerable<Example> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var g = 0; g < _reader.RowGroupCount; g++)
        {
            Example[] rows;
            using (var group = _reader.OpenRowGroupReader(g))
            {
                rows = new Example[group.RowCount];
                Array.Fill(rows, new Example());
                for (var c = 0; c < _fields.Length; c++)
                {
                    var column = Task.Columns[c];
                    object?[] values;
                    try
                    {
                        values = await ColumnAssembler.ReadAsync(group, column, _fields[c], ct).ConfigureAwait(false);
                    }
                    catch (InvalidDataException e)
                    {
                        throw new InvalidDataException($"{Path}, row group {g}: {e.Message}", e);
                    }
                    for (var r = 0; r < rows.Length; r++)
                        rows[r] = ColumnAssembler.Set(rows[r], column.Name, values[r]);
                }
            }
            foreach (var row in rows)
                yield return row;
        }
    }

    /// <summary>All rows of a split of a dataset folder, shard after shard.</summary>
    public static async IAsyncEnumerable<Example> ReadSplitAsync(string datasetDirectory, TaskSpec task, string split,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var shards = DatasetFolder.Scan(datasetDirectory).Shards
            .Where(s => s.Name.Task == task.Name && s.Name.Split == split)
            .OrderBy(s => s.Name.Index);
        foreach (var shard in shards)
        {
            await using var reader = await OpenAsync(shard.Path, task, ct).ConfigureAwait(false);
            await foreach (var row in reader.ReadAsync(ct).ConfigureAwait(false))
                yield return row;
        }
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();
}
