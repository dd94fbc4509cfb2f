using Jat.Schema.Columns;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace Jat.Schema.Shards;

/// <summary>
/// Turns the leaf values and levels of one column of a row group back into one value per row:
/// the inverse of <see cref="ColumnShredder"/>. Any level the layout does not allow is an error that
/// names the row, since <c>datasets</c> would read it as a null where JAT has none.
/// </summary>
internal static class ColumnAssembler
{
    public static async Task<object?[]> ReadAsync(ParquetRowGroupReader group, ColumnSpec column, Field field, CancellationToken ct)
    {
        var leaves = ParquetLayout.Leaves(field);
        var rows = checked((int)group.RowCount);
        using var first = await group.ReadRawColumnDataBaseAsync(leaves[0], ct).ConfigureAwait(false);
        return column.Kind switch
        {
            ColumnKind.FloatSteps => Steps(Raw<float>(first, column), rows, column, v => v),
            ColumnKind.LongSteps => Steps(Raw<long>(first, column), rows, column, v => v),
            ColumnKind.StringSteps => Steps(Raw<ReadOnlyMemory<char>>(first, column), rows, column, v => v.ToString()),
            ColumnKind.ImageSteps => Steps(Raw<ReadOnlyMemory<byte>>(first, column), rows, column, v => v.ToArray(), maxDefinition: 4),
            ColumnKind.FloatVectorSteps => Vectors(Raw<float>(first, column), rows, column, values => values.ToArray()),
            ColumnKind.LongVectorSteps => Vectors(Raw<long>(first, column), rows, column, Int32Values),
            ColumnKind.Text => Scalars(Raw<ReadOnlyMemory<char>>(first, column), rows, column, v => v.ToString(), maxDefinition: 1),
            ColumnKind.Image => Scalars(Raw<ReadOnlyMemory<byte>>(first, column), rows, column, v => v.ToArray(), maxDefinition: 2),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
    }

    public static Example Set(Example row, string column, object? value) => column switch
    {
        JatColumns.TextObservations => row with { TextObservations = (string[]?)value },
        JatColumns.ImageObservations => row with { ImageObservations = (byte[][]?)value },
        JatColumns.DiscreteObservations => row with { DiscreteObservations = (int[][]?)value },
        JatColumns.ContinuousObservations => row with { ContinuousObservations = (float[][]?)value },
        JatColumns.DiscreteActions => row with { DiscreteActions = (long[]?)value },
        JatColumns.ContinuousActions => row with { ContinuousActions = (float[][]?)value },
        JatColumns.Rewards => row with { Rewards = (float[]?)value },
        JatColumns.Text => row with { Text = (string?)value },
        JatColumns.Images => row with { Image = (byte[]?)value },
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a JAT column"),
    };

    private static RawColumnData<T> Raw<T>(object data, ColumnSpec column) where T : struct => data as RawColumnData<T>
        ?? throw new InvalidDataException($"column '{column.Name}' holds {data.GetType().GenericTypeArguments.FirstOrDefault()?.Name} values, not {typeof(T).Name}");

    /// <summary><c>list&lt;x&gt;</c> (3 levels) or <c>list&lt;struct&lt;bytes&gt;&gt;</c> (4 levels).</summary>
    private static object?[] Steps<TRaw, T>(RawColumnData<TRaw> raw, int rowCount, ColumnSpec column, Func<TRaw, T> convert, int maxDefinition = 3) where TRaw : struct
    {
        var rows = new object?[rowCount];
        var defs = raw.DefinitionLevels;
        var reps = raw.RepetitionLevels;
        var values = raw.Values;
        var row = -1;
        var v = 0;
        List<T>? current = null;
        for (var i = 0; i < defs.Length; i++)
        {
            if (reps[i] == 0)
            {
                if (current is not null)
                    rows[row] = current.ToArray();
                row++;
                current = null;
                if (defs[i] <= 1)
                {
                    rows[row] = defs[i] == 0 ? null : Array.Empty<T>();
                    continue;
                }
                current = [];
            }
            if (defs[i] != maxDefinition || current is null)
                throw Null(column, row, current?.Count ?? 0);
            current.Add(convert(values[v++]));
        }
        if (current is not null)
            rows[row] = current.ToArray();
        return CheckCount(rows, row + 1, column);
    }

    /// <summary><c>list&lt;list&lt;x&gt;&gt;</c>: five definition levels, two repetition levels.</summary>
    private static object?[] Vectors<TRaw, T>(RawColumnData<TRaw> raw, int rowCount, ColumnSpec column, Func<ReadOnlySpan<TRaw>, T[]> convert)
        where TRaw : struct
    {
        var rows = new object?[rowCount];
        var defs = raw.DefinitionLevels;
        var reps = raw.RepetitionLevels;
        var row = -1;
        var v = 0;
        List<T[]>? steps = null;
        var start = 0;
        var length = -1;
        void EndStep()
        {
            if (length >= 0)
            {
                try
                {
                    steps!.Add(convert(raw.Values.Slice(start, length)));
                }
                catch (OverflowException)
                {
                    throw new InvalidDataException(
                        $"column '{column.Name}', row {row} of the row group, step {steps!.Count}: a value outside the 32-bit range, which Jat does not read as a discrete observation");
                }
            }
            length = -1;
        }
        void EndRow()
        {
            EndStep();
            if (steps is not null)
                rows[row] = steps.ToArray();
            steps = null;
        }
        for (var i = 0; i < defs.Length; i++)
        {
            if (reps[i] == 0)
            {
                EndRow();
                row++;
                if (defs[i] <= 1)
                {
                    rows[row] = defs[i] == 0 ? null : Array.Empty<T[]>();
                    continue;
                }
                steps = [];
            }
            if (steps is null)
                throw Null(column, row, 0);
            if (reps[i] <= 1)
            {
                EndStep();
                start = v;
                length = 0;
            }
            switch (defs[i])
            {
                case 3 when reps[i] <= 1:
                    break;
                case 5:
                    v++;
                    length++;
                    break;
                default:
                    throw Null(column, row, steps.Count);
            }
        }
        EndRow();
        return CheckCount(rows, row + 1, column);
    }

    /// <summary>A stored int64 vector as the int32 one it was written from.</summary>
    private static int[] Int32Values(ReadOnlySpan<long> values)
    {
        var narrowed = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
            narrowed[i] = checked((int)values[i]);
        return narrowed;
    }

    private static object?[] Scalars<TRaw, T>(RawColumnData<TRaw> raw, int rowCount, ColumnSpec column, Func<TRaw, T> convert, int maxDefinition) where TRaw : struct
    {
        var rows = new object?[rowCount];
        var defs = raw.DefinitionLevels;
        var values = raw.Values;
        var v = 0;
        for (var i = 0; i < defs.Length; i++)
        {
            if (defs[i] == 0)
                continue;
            if (defs[i] != maxDefinition)
                throw Null(column, i, 0);
            rows[i] = convert(values[v++]);
        }
        return CheckCount(rows, defs.Length, column);
    }

    private static object?[] CheckCount(object?[] rows, int seen, ColumnSpec column) => seen == rows.Length
        ? rows
        : throw new InvalidDataException($"column '{column.Name}' holds {seen} rows where the row group has {rows.Length}");

    private static InvalidDataException Null(ColumnSpec column, int row, int step) =>
        new($"column '{column.Name}', row {row} of the row group, step {step}: a null inside a value, which JAT never stores");
}
