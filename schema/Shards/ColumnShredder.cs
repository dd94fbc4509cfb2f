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
    private readonly ILeaf[] _leaves;

    private protected ColumnShredder(params ILeaf[] leaves) => _leaves = leaves;

    /// <summary>Arrow-like in-memory size of the buffered values, offsets included.</summary>
    public long Bytes { get; protected set; }

    public abstract void Append(Example row);

    public async Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken ct)
    {
        foreach (var leaf in _leaves)
            await leaf.WriteAsync(writer, ct).ConfigureAwait(false);
    }

    public void Clear()
    {
        foreach (var leaf in _leaves)
            leaf.Clear();
        Bytes = 0;
    }

    /// <summary>A null (level 0) or empty (level 1) row puts one level and no value in every leaf.</summary>
    /// <returns>true when the row was null or empty and is fully recorded.</returns>
    private protected bool AppendAbsent(int? count)
    {
        if (count > 0)
            return false;
        foreach (var leaf in _leaves)
            leaf.StartRow(count is null ? 0 : 1);
        return true;
    }

    public static ColumnShredder Create(ColumnSpec column, Field field)
    {
        var leaves = ParquetLayout.Leaves(field);
        return column.Kind switch
        {
            ColumnKind.FloatSteps => new Steps<float, float>(leaves[0], r => r.Rewards, v => v, _ => 4),
            ColumnKind.LongSteps => new Steps<long, long>(leaves[0], r => r.DiscreteActions, v => v, _ => 8),
            ColumnKind.StringSteps => new Steps<string, ReadOnlyMemory<char>>(leaves[0], r => r.TextObservations, v => v.AsMemory(), v => 4 + v.Length),
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

    private protected interface ILeaf
    {
        void StartRow(int definition);
        Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken ct);
        void Clear();
    }

    private protected sealed class Leaf<T>(DataField field, bool repeated) : ILeaf
        where T : struct
    {
        public Growable<T> Values { get; } = new();
        public Growable<int> Definitions { get; } = new();
        public Growable<int> Repetitions { get; } = new();

        public void StartRow(int definition)
        {
            Definitions.Add(definition);
            if (repeated)
                Repetitions.Add(0);
        }

        /// <summary>Levels of <paramref name="count"/> entries of one list at <paramref name="definition"/>, the first starting a row.</summary>
        public void AddList(int count, int definition)
        {
            Definitions.AddRepeated(definition, count);
            Repetitions.Add(0);
            Repetitions.AddRepeated(1, count - 1);
        }

        public Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken ct) =>
            writer.WriteAllPartsAsync(field, Values.Memory, Definitions.Memory, repeated ? Repetitions.Memory : null, ct);

        public void Clear()
        {
            Values.Clear();
            Definitions.Clear();
            Repetitions.Clear();
        }
    }

    private sealed class Steps<TIn, TOut> : ColumnShredder
        where TOut : struct
    {
        private readonly Leaf<TOut> _leaf;
        private readonly Func<Example, IReadOnlyList<TIn>?> _get;
        private readonly Func<TIn, TOut> _convert;
        private readonly Func<TIn, int> _size;

        public Steps(DataField field, Func<Example, IReadOnlyList<TIn>?> get, Func<TIn, TOut> convert, Func<TIn, int> size)
            : this(new Leaf<TOut>(field, repeated: true), get, convert, size)
        {
        }

        private Steps(Leaf<TOut> leaf, Func<Example, IReadOnlyList<TIn>?> get, Func<TIn, TOut> convert, Func<TIn, int> size)
            : base(leaf) => (_leaf, _get, _convert, _size) = (leaf, get, convert, size);

        public override void Append(Example row)
        {
            var items = _get(row);
            Bytes += 4;
            if (AppendAbsent(items?.Count))
                return;
            for (var i = 0; i < items!.Count; i++)
            {
                _leaf.Values.Add(_convert(items[i]));
                Bytes += _size(items[i]);
            }
            _leaf.AddList(items.Count, 3);
        }
    }

    private sealed class VectorSteps<T> : ColumnShredder
        where T : struct
    {
        private readonly Leaf<T> _leaf;
        private readonly Func<Example, IReadOnlyList<T[]>?> _get;
        private readonly int _width;

        public VectorSteps(DataField field, Func<Example, IReadOnlyList<T[]>?> get, int width)
            : this(new Leaf<T>(field, repeated: true), get, width)
        {
        }

        private VectorSteps(Leaf<T> leaf, Func<Example, IReadOnlyList<T[]>?> get, int width)
            : base(leaf) => (_leaf, _get, _width) = (leaf, get, width);

        public override void Append(Example row)
        {
            var steps = _get(row);
            Bytes += 4;
            if (AppendAbsent(steps?.Count))
                return;
            for (var s = 0; s < steps!.Count; s++)
            {
                var vector = steps[s];
                Bytes += 4 + (long)vector.Length * _width;
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
    }

    private sealed class ImageSteps : ColumnShredder
    {
        private readonly Leaf<ReadOnlyMemory<byte>> _bytes;
        private readonly Leaf<ReadOnlyMemory<char>> _path;
        private readonly Func<Example, IReadOnlyList<byte[]>?> _get;

        public ImageSteps(DataField bytesField, DataField pathField, Func<Example, IReadOnlyList<byte[]>?> get)
            : this(new Leaf<ReadOnlyMemory<byte>>(bytesField, repeated: true), new Leaf<ReadOnlyMemory<char>>(pathField, repeated: true), get)
        {
        }

        private ImageSteps(Leaf<ReadOnlyMemory<byte>> bytes, Leaf<ReadOnlyMemory<char>> path, Func<Example, IReadOnlyList<byte[]>?> get)
            : base(bytes, path) => (_bytes, _path, _get) = (bytes, path, get);

        public override void Append(Example row)
        {
            var images = _get(row);
            Bytes += 4;
            if (AppendAbsent(images?.Count))
                return;
            for (var i = 0; i < images!.Count; i++)
            {
                _bytes.Values.Add(images[i]);
                Bytes += 8 + images[i].Length;
            }
            _bytes.AddList(images.Count, 4);
            _path.AddList(images.Count, 3);
        }
    }

    private sealed class Scalar : ColumnShredder
    {
        private readonly Leaf<ReadOnlyMemory<char>> _leaf;
        private readonly Func<Example, string?> _get;

        public Scalar(DataField field, Func<Example, string?> get) : this(new Leaf<ReadOnlyMemory<char>>(field, repeated: false), get)
        {
        }

        private Scalar(Leaf<ReadOnlyMemory<char>> leaf, Func<Example, string?> get) : base(leaf) => (_leaf, _get) = (leaf, get);

        public override void Append(Example row)
        {
            var text = _get(row);
            Bytes += 4 + (text?.Length ?? 0);
            _leaf.StartRow(text is null ? 0 : 1);
            if (text is not null)
                _leaf.Values.Add(text.AsMemory());
        }
    }

    private sealed class Picture : ColumnShredder
    {
        private readonly Leaf<ReadOnlyMemory<byte>> _bytes;
        private readonly Leaf<ReadOnlyMemory<char>> _path;
        private readonly Func<Example, byte[]?> _get;

        public Picture(DataField bytesField, DataField pathField, Func<Example, byte[]?> get)
            : this(new Leaf<ReadOnlyMemory<byte>>(bytesField, repeated: false), new Leaf<ReadOnlyMemory<char>>(pathField, repeated: false), get)
        {
        }

        private Picture(Leaf<ReadOnlyMemory<byte>> bytes, Leaf<ReadOnlyMemory<char>> path, Func<Example, byte[]?> get)
            : base(bytes, path) => (_bytes, _path, _get) = (bytes, path, get);

        public override void Append(Example row)
        {
            var image = _get(row);
            Bytes += 8 + (image?.Length ?? 0);
            _bytes.StartRow(image is null ? 0 : 2);
            _path.StartRow(image is null ? 0 : 1);
            if (image is not null)
                _bytes.Values.Add(image);
        }
    }
}
