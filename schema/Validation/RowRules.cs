using System.Collections;
using Jat.Schema.Columns;
using Jat.Schema.Images;
using Jat.Schema.Tasks;

namespace Jat.Schema.Validation;

/// <summary>
/// What every row of a task must satisfy beyond its Parquet types: its columns set and no others,
/// per-step columns of one length, vectors of the task's width, images that are images (Atari frames
/// 84×84 RGBA PNGs). The writer refuses such rows; the validator reports them.
/// </summary>
public static class RowRules
{
    private static readonly string[] AllColumns =
    [
        JatColumns.TextObservations, JatColumns.ImageObservations, JatColumns.DiscreteObservations,
        JatColumns.ContinuousObservations, JatColumns.DiscreteActions, JatColumns.ContinuousActions,
        JatColumns.Rewards, JatColumns.Text, JatColumns.Images,
    ];

    /// <returns>null when the row is valid, else what is wrong with it.</returns>
    public static string? Check(TaskSpec task, Example row)
    {
        if (!HasExactlyTheColumnsOf(task, row))
        {
            foreach (var name in AllColumns)
            {
                var value = JatColumns.ValueOf(row, name);
                var column = task.Column(name);
                if (column is null && value is not null)
                    return $"sets column '{name}', which {task.Name} does not have";
                if (column is not null && value is null)
                    return $"has no value for column '{name}'";
            }
        }
        int? steps = null;
        // Indexed, not foreach: enumerating an IReadOnlyList allocates, and the writer checks every row.
        for (var c = 0; c < task.Columns.Count; c++)
        {
            var column = task.Columns[c];
            var value = JatColumns.ValueOf(row, column)!;
            if (column.IsPerStep)
            {
                var count = value is Array array ? array.Length : ((ICollection)value).Count;
                if (steps is { } s && s != count)
                    return $"column '{column.Name}' has {count} steps where '{task.Columns[0].Name}' has {s}";
                steps = count;
            }
            var problem = CheckValue(task, column, value);
            if (problem is not null)
                return $"column '{column.Name}' {problem}";
        }
        return null;
    }

    /// <summary>The common case, checked without looking columns up by name: every row is checked, most are valid.</summary>
    private static bool HasExactlyTheColumnsOf(TaskSpec task, Example row)
    {
        if (JatColumns.CountSet(row) != task.Columns.Count)
            return false;
        for (var c = 0; c < task.Columns.Count; c++)
        {
            if (JatColumns.ValueOf(row, task.Columns[c]) is null)
                return false;
        }
        return true;
    }

    private static string? CheckValue(TaskSpec task, ColumnSpec column, object value)
    {
        // Arrays first: the collectors hand arrays, and testing an array against a generic interface is the slow cast.
        switch (value)
        {
            case float[] or long[]:
                return null;
            case float[][] vectors:
                return CheckWidths(vectors, column);
            case int[][] vectors:
                return CheckWidths(vectors, column);
            case IReadOnlyList<float[]> vectors:
                return CheckWidths(vectors, column);
            case IReadOnlyList<int[]> vectors:
                return CheckWidths(vectors, column);
            case string[] texts:
                var nullString = Array.IndexOf(texts, null);
                return nullString < 0 ? null : $"step {nullString} is null";
            case IReadOnlyList<string> texts:
                var nullText = IndexOf(texts, t => t is null);
                return nullText < 0 ? null : $"step {nullText} is null";
            case IReadOnlyList<byte[]> images:
                for (var i = 0; i < images.Count; i++)
                {
                    if (images[i] is null || !PngHeader.TryRead(images[i], out var header))
                        return $"step {i} is not a PNG";
                    if (task.Domain == Domain.Atari && (header.Width != FrameStackPng.Size || header.Height != FrameStackPng.Size || !header.IsRgba8))
                        return $"step {i} is a {header.Width}×{header.Height} PNG of colour type {header.ColorType}, not an 84×84 RGBA frame stack";
                }
                return null;
            case byte[] image:
                return PngHeader.LooksLikeImage(image) ? null : "is neither a PNG nor a JPEG";
            default:
                return null;
        }
    }

    private static string? CheckWidths<T>(IReadOnlyList<T[]> vectors, ColumnSpec column)
    {
        if (column.VectorWidth is not { } expected)
            return null;
        for (var step = 0; step < vectors.Count; step++)
        {
            if (vectors[step].Length != expected)
                return $"step {step} has {vectors[step].Length} values, not {expected}";
        }
        return null;
    }

    private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, bool> test)
    {
        for (var i = 0; i < items.Count; i++)
            if (test(items[i]))
                return i;
        return -1;
    }
}
