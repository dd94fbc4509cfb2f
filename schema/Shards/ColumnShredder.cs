using Jat.Schema.Columns;
using Parquet;
using Parquet.Schema;

namespace Jat.Schema.Shards;

/// <summary>
/// Buffers one column of a row group as Parquet leaf values with definition and repetition levels
/// (Dremel shredding), and counts the bytes the column would take in memory, which bounds row groups.
/// </summary>
/// <remarks>
/// Levels of the layouts in <see cref="ParquetLayout"/>, all fields OPTIONAL:
/// <c>list&lt;x&gt;</c>: 0 null row, 1 empty list, 3 value; repetition 0 starts a row, 1 continues it.
/// <c>list&lt;list&lt;x&gt;&gt;</c>: 0 null row, 1 empty outer, 3 empty inner, 5 value; repetition 0 row, 1 step, 2 within a step.
/// <c>list&lt;struct&lt;bytes, path&gt;&gt;</c>: bytes 4 present; path is always null (3).
/// </remarks>
internal abstract class ColumnShredder
{
    /// <summary>Arrow-like in-memory size of the buffered values, offsets included.</summary>
    public long Bytes { get; protected set; }

    public abstract void Append(Example row);

    public abstract Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken ct);

    public abstract void Clear();

    public static ColumnShredder Create(ColumnSpec column, Field field)
    {
        var leaves = ParquetLayout.Leaves(field);
        return column.Kind switch
        {
            ColumnKind.FloatSteps => new Steps<float, float>(leaves[0], r => r.Rewards, v => v, 4),
            ColumnKind.LongSteps => new Steps<long, long>(leaves[0], r => r.DiscreteActions, v => v, 8),
            ColumnKind.StringSteps => new Steps<string, ReadOnlyMemory<char>>(leaves[0], r => r.TextObservations, v => v.AsMemory(), 0),
            ColumnKind.ImageSteps => new ImageSteps(leaves[0], leaves[1], r => r.ImageObservations),
            ColumnKind.FloatVectorSteps => new VectorSteps<float>(leaves[0], column.Name == JatColumns.ContinuousActions
                ? r => r.ContinuousActions
                : r => r.ContinuousObservations, 4),
            ColumnKind.LongVectorSteps => new VectorSteps<long>(leaves[0], r => r.DiscreteObservations, 8),
            ColumnKind.Text => new Scalar(leaves[0], r => r.Text),
            ColumnKind.Image => new Picture(leaves[0], leaves[1], r => r.Image),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
    }

    private sealed class Leaf<T>(DataField field, bool repeated)
        where T : struct
    {
        public Growable<T> Values { get; } = new();
        public Growable<int> Definitions { get; } = new();
        public Growable<int> Repetitions { get; } = new();

        public Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken ct) =>
            writer.WriteAllPartsAsync(field, Values.Memory, Definitions.Memory, repeated ? Repetitions.Memory : null, ct);

        public void Clear()
        {
            Values.Clear();
            Definitions.Clear();
            Repetitions.Clear();
        }
    }

    private sealed class Steps<TIn, TOut>(DataField field, Func<Example, IReadOnlyList<TIn>?> get, Func<TIn, TOut> convert, int width)
        : ColumnShredder
        where TOut : struct
    {
        private readonly Leaf<TOut> _leaf = new(field, repeated: true);

        public override void Append(Example row)
        {
            var items = get(row);
            Bytes += 4;
            if (items is null || items.Count == 0)
            {
                _leaf.Definitions.Add(items is null ? 0 : 1);
                _leaf.Repetitions.Add(0);
                return;
            }
            for (var i = 0; i < items.Count; i++)
            {
                _leaf.Values.Add(convert(items[i]));
                Bytes += width == 0 ? 4 + ((string)(object)items[i]!).Length : width;
            }
            _leaf.Definitions.AddRepeated(3, items.Count);
            _leaf.Repetitions.Add(0);
            _leaf.Repetitions.AddRepeated(1, items.Count - 1);
        }

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken ct) => _leaf.WriteAsync(writer, ct);

        public override void Clear()
        {
            _leaf.Clear();
            Bytes = 0;
        }
    }

    private sealed class VectorSteps<T>(DataField field, Func<Example, IReadOnlyList<T[]>?> get, int width) : ColumnShredder
        where T : struct
    {
        private readonly Leaf<T> _leaf = new(field, repeated: true);

        public override void Append(Example row)
        {
            var steps = get(row);
            Bytes += 4;
            if (steps is null || steps.Count == 0)
            {
                _leaf.Definitions.Add(steps is null ? 0 : 1);
                _leaf.Repetitions.Add(0);
                return;
            }
            for (var s = 0; s < steps.Count; s++)
            {
                var vector = steps[s];
                Bytes += 4 + (long)vector.Length * width;
                var first = s == 0 ? 0 : 1;
                if (vector.Length == 0)
                {
                    _leaf.Definitions.Add(3);
                    _leaf.Repetitions.Add(first);
                    continue;
                }
                _leaf.Values.AddRange(vector);
                _leaf.Definitions.AddRepeated(5, vector.Length);
                _leaf.Repetitions.Add(first);
                _leaf.Repetitions.AddRepeated(2, vector.Length - 1);
            }
        }

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken ct) => _leaf.WriteAsync(writer, ct);

        public override void Clear()
        {
            _leaf.Clear();
            Bytes = 0;
        }
    }

    private sealed class ImageSteps(DataField bytesField, DataField pathField, Func<Example, IReadOnlyList<byte[]>?> get)
        : ColumnShredder
    {
        private readonly Leaf<ReadOnlyMemory<byte>> _bytes = new(bytesField, repeated: true);
        private readonly Leaf<ReadOnlyMemory<char>> _path = new(pathField, repeated: true);

        public override void Append(Example row)
        {
            var images = get(row);
            Bytes += 4;
            if (images is null || images.Count == 0)
            {
                var level = images is null ? 0 : 1;
                foreach (var leaf in (ReadOnlySpan<Growable<int>>)[_bytes.Definitions, _path.Definitions])
                    leaf.Add(level);
                _bytes.Repetitions.Add(0);
                _path.Repetitions.Add(0);
                return;
            }
            for (var i = 0; i < images.Count; i++)
            {
                _bytes.Values.Add(images[i]);
                Bytes += 8 + images[i].Length;
            }
            _bytes.Definitions.AddRepeated(4, images.Count);
            _path.Definitions.AddRepeated(3, images.Count);
            foreach (var reps in (ReadOnlySpan<Growable<int>>)[_bytes.Repetitions, _path.Repetitions])
            {
                reps.Add(0);
                reps.AddRepeated(1, images.Count - 1);
            }
        }

        public override async Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken ct)
        {
            await _bytes.WriteAsync(writer, ct).ConfigureAwait(false);
            await _path.WriteAsync(writer, ct).ConfigureAwait(false);
        }

        public override void Clear()
        {
            _bytes.Clear();
            _path.Clear();
            Bytes = 0;
        }
    }

    private sealed class Scalar(DataField field, Func<Example, string?> get) : ColumnShredder
    {
        private readonly Leaf<ReadOnlyMemory<char>> _leaf = new(field, repeated: false);

        public override void Append(Example row)
        {
            var text = get(row);
            Bytes += 4 + (text?.Length ?? 0);
            _leaf.Definitions.Add(text is null ? 0 : 1);
            if (text is not null)
                _leaf.Values.Add(text.AsMemory());
        }

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken ct) => _leaf.WriteAsync(writer, ct);

        public override void Clear()
        {
            _leaf.Clear();
            Bytes = 0;
        }
    }

    private sealed class Picture(DataField bytesField, DataField pathField, Func<Example, byte[]?> get) : ColumnShredder
    {
        private readonly Leaf<ReadOnlyMemory<byte>> _bytes = new(bytesField, repeated: false);
        private readonly Leaf<ReadOnlyMemory<char>> _path = new(pathField, repeated: false);

        public override void Append(Example row)
        {
            var image = get(row);
            Bytes += 8 + (image?.Length ?? 0);
            _bytes.Definitions.Add(image is null ? 0 : 2);
            _path.Definitions.Add(image is null ? 0 : 1);
            if (image is not null)
                _bytes.Values.Add(image);
        }

        public override async Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken ct)
        {
            await _bytes.WriteAsync(writer, ct).ConfigureAwait(false);
            await _path.WriteAsync(writer, ct).ConfigureAwait(false);
        }

        public override void Clear()
        {
            _bytes.Clear();
            _path.Clear();
            Bytes = 0;
        }
    }
}
