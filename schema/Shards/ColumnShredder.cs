using System.Runtime.InteropServices;
using Jat.Schema.Columns;
using Jat.Schema.ParquetFormat;

namespace Jat.Schema.Shards;

/// <summary>
/// Turns one column of each row into its Parquet leaves' levels and values (Dremel shredding), and counts the bytes
/// the column would take in memory, which bounds row groups.
/// </summary>
/// <remarks>
/// Levels of the layouts in <see cref="ParquetLayout"/>, all fields OPTIONAL:
/// <c>list&lt;x&gt;</c>: 0 null row, 1 empty list, 3 value; repetition 0 starts a row, 1 continues it.
/// <c>list&lt;list&lt;x&gt;&gt;</c>: 0 null row, 1 empty outer, 3 empty inner, 5 value; repetition 0 row, 1 step, 2 within a step.
/// <c>list&lt;struct&lt;bytes, path&gt;&gt;</c>: bytes 4 present; path is always null (3).
/// Levels go to the leaves as runs (a step's vector is one run), never value by value.
/// </remarks>
internal abstract class ColumnShredder
{
    private readonly LeafWriter[] _leaves;

    private protected ColumnShredder(params LeafWriter[] leaves) => _leaves = leaves;

    /// <summary>Arrow-like in-memory size of the buffered values, offsets included.</summary>
    public long Bytes { get; protected set; }

    public void Append(Example row)
    {
        AppendRow(row);
        foreach (var leaf in _leaves)
            leaf.EndRow();
    }

    /// <summary>The row group was written: its bytes no longer count.</summary>
    public void Clear() => Bytes = 0;

    private protected abstract void AppendRow(Example row);

    /// <summary>A null (level 0) or empty (level 1) row puts one level and no value in every leaf.</summary>
    /// <returns>true when the row was null or empty and is fully recorded.</returns>
    private protected bool AppendAbsent(int? count)
    {
        if (count > 0)
            return false;
        foreach (var leaf in _leaves)
            leaf.AddLevels(count is null ? 0 : 1, 0, 1);
        return true;
    }

    /// <summary>The shredder of <paramref name="column"/>, writing into its leaves (in file order) of <paramref name="leaves"/>.</summary>
    public static ColumnShredder Create(ColumnSpec column, IReadOnlyList<LeafWriter> leaves) => column.Kind switch
    {
        ColumnKind.FloatSteps => new Steps<float>(leaves[0], r => r.Rewards, 4),
        ColumnKind.LongSteps => new Steps<long>(leaves[0], r => r.DiscreteActions, 8),
        ColumnKind.StringSteps => new StringSteps((ByteArrayLeafWriter)leaves[0]),
        ColumnKind.ImageSteps => new ImageSteps((ByteArrayLeafWriter)leaves[0], leaves[1]),
        ColumnKind.FloatVectorSteps => new VectorSteps<float>(leaves[0], column.Name == JatColumns.ContinuousActions
            ? r => r.ContinuousActions
            : r => r.ContinuousObservations, 4),
        ColumnKind.LongVectorSteps => new VectorSteps<int>(leaves[0], r => r.DiscreteObservations, 8),
        ColumnKind.Text => new Text((ByteArrayLeafWriter)leaves[0]),
        ColumnKind.Image => new Picture((ByteArrayLeafWriter)leaves[0], leaves[1]),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>The items of a list as a span, copied only when the list is neither an array nor a <see cref="List{T}"/>.</summary>
    private static ReadOnlySpan<T> SpanOf<T>(IReadOnlyList<T> items) => items switch
    {
        T[] array => array,
        List<T> list => CollectionsMarshal.AsSpan(list),
        _ => items.ToArray(),
    };

    /// <summary>One value per step: rewards (float) or discrete actions (int64).</summary>
    private sealed class Steps<T>(LeafWriter leaf, Func<Example, IReadOnlyList<T>?> get, int width) : ColumnShredder(leaf)
        where T : struct
    {
        private readonly IValueLeaf<T> _values = (IValueLeaf<T>)leaf;

        private protected override void AppendRow(Example row)
        {
            var items = get(row);
            Bytes += 4;
            if (AppendAbsent(items?.Count))
                return;
            _values.Add(SpanOf(items!));
            leaf.AddList(3, 0, 1, items!.Count);
            Bytes += (long)width * items.Count;
        }
    }

    private sealed class StringSteps(ByteArrayLeafWriter leaf) : ColumnShredder(leaf)
    {
        private protected override void AppendRow(Example row)
        {
            var items = row.TextObservations;
            Bytes += 4;
            if (AppendAbsent(items?.Count))
                return;
            // Runs of the very same string (the mission at every step) go in at once.
            var texts = items as string[] ?? [.. items!];
            for (var start = 0; start < texts.Length;)
            {
                var text = texts[start];
                var end = start + 1;
                while (end < texts.Length && ReferenceEquals(texts[end], text))
                    end++;
                leaf.Add(text, end - start);
                Bytes += (4L + text.Length) * (end - start);
                start = end;
            }
            leaf.AddList(3, 0, 1, texts.Length);
        }
    }

    /// <summary>A vector per step: continuous observations or actions (float), BabyAI's discrete view (int, written as int64).</summary>
    private sealed class VectorSteps<T>(LeafWriter leaf, Func<Example, IReadOnlyList<T[]>?> get, int width) : ColumnShredder(leaf)
        where T : struct
    {
        private readonly IValueLeaf<T> _values = (IValueLeaf<T>)leaf;

        private protected override void AppendRow(Example row)
        {
            var steps = get(row);
            Bytes += 4;
            if (AppendAbsent(steps?.Count))
                return;
            // BabyAI's 148 values per step make this the hottest loop of collection: index an array directly when it is one.
            var array = steps as T[][];
            for (var s = 0; s < steps!.Count; s++)
            {
                var vector = array is null ? steps[s] : array[s];
                Bytes += 4 + (long)width * vector.Length;
                if (vector.Length == 0)
                {
                    leaf.AddLevels(3, s == 0 ? 0 : 1, 1);
                    continue;
                }
                _values.Add(vector);
                leaf.AddList(5, s == 0 ? 0 : 1, 2, vector.Length);
            }
        }
    }

    private sealed class ImageSteps(ByteArrayLeafWriter bytes, LeafWriter path) : ColumnShredder(bytes, path)
    {
        private protected override void AppendRow(Example row)
        {
            var images = row.ImageObservations;
            Bytes += 4;
            if (AppendAbsent(images?.Count))
                return;
            for (var i = 0; i < images!.Count; i++)
            {
                bytes.Add(images[i]);
                Bytes += 8 + images[i].Length;
            }
            bytes.AddList(4, 0, 1, images.Count);
            path.AddList(3, 0, 1, images.Count);
        }
    }

    private sealed class Text(ByteArrayLeafWriter leaf) : ColumnShredder(leaf)
    {
        private protected override void AppendRow(Example row)
        {
            var text = row.Text;
            Bytes += 4 + (text?.Length ?? 0);
            leaf.AddLevels(text is null ? 0 : 1, 0, 1);
            if (text is not null)
                leaf.Add(text);
        }
    }

    private sealed class Picture(ByteArrayLeafWriter bytes, LeafWriter path) : ColumnShredder(bytes, path)
    {
        private protected override void AppendRow(Example row)
        {
            var image = row.Image;
            Bytes += 8 + (image?.Length ?? 0);
            bytes.AddLevels(image is null ? 0 : 2, 0, 1);
            path.AddLevels(image is null ? 0 : 1, 0, 1);
            if (image is not null)
                bytes.Add(image);
        }
    }
}
