using Jat.Schema.Columns;

namespace Jat.Schema.Tests;

/// <summary>Compares rows by value, column by column, and says where they differ.</summary>
public static class RowsAssert
{
    public static void Equal(IReadOnlyList<Example> expected, IReadOnlyList<Example> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
            Equal(expected[i], actual[i], $"row {i}");
    }

    public static void Equal(Example expected, Example actual, string where)
    {
        Same(expected.TextObservations, actual.TextObservations, where, "text_observations");
        Nested(expected.ImageObservations, actual.ImageObservations, where, "image_observations");
        Nested(expected.DiscreteObservations, actual.DiscreteObservations, where, "discrete_observations");
        Nested(expected.ContinuousObservations, actual.ContinuousObservations, where, "continuous_observations");
        Same(expected.DiscreteActions, actual.DiscreteActions, where, "discrete_actions");
        Nested(expected.ContinuousActions, actual.ContinuousActions, where, "continuous_actions");
        Same(expected.Rewards, actual.Rewards, where, "rewards");
        Assert.True(expected.Text == actual.Text, $"{where}: text differs");
        Assert.True(expected.Image is null ? actual.Image is null : actual.Image is not null && expected.Image.AsSpan().SequenceEqual(actual.Image),
            $"{where}: images differ");
    }

    private static void Same<T>(IReadOnlyList<T>? expected, IReadOnlyList<T>? actual, string where, string column)
    {
        Assert.True(expected is null == actual is null, $"{where}: {column} is null on one side only");
        if (expected is not null)
            Assert.True(expected.SequenceEqual(actual!), $"{where}: {column} differs");
    }

    private static void Nested<T>(IReadOnlyList<T[]>? expected, IReadOnlyList<T[]>? actual, string where, string column)
    {
        Assert.True(expected is null == actual is null, $"{where}: {column} is null on one side only");
        if (expected is null)
            return;
        Assert.True(expected.Count == actual!.Count, $"{where}: {column} has {actual.Count} steps, expected {expected.Count}");
        for (var t = 0; t < expected.Count; t++)
            Assert.True(expected[t].AsSpan().SequenceEqual(actual[t]), $"{where}: {column} step {t} differs");
    }
}
