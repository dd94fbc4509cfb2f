using Jat.Schema.Features;

namespace Jat.Schema.Columns;

/// <summary>
/// The only column names the JAT dataset uses (huggingface/jat data/GUIDELINES.md), with their features.
/// </summary>
public static class JatColumns
{
    public const string TextObservations = "text_observations";
    public const string ImageObservations = "image_observations";
    public const string DiscreteObservations = "discrete_observations";
    public const string ContinuousObservations = "continuous_observations";
    public const string DiscreteActions = "discrete_actions";
    public const string ContinuousActions = "continuous_actions";
    public const string Rewards = "rewards";
    public const string Text = "text";
    public const string Images = "images";

    public static ColumnSpec TextObservationSteps() =>
        new(TextObservations, new SequenceFeature(ValueFeature.String), ColumnKind.StringSteps);

    public static ColumnSpec ImageObservationSteps() =>
        new(ImageObservations, new SequenceFeature(ImageFeature.Instance), ColumnKind.ImageSteps);

    /// <param name="width">values per step</param>
    /// <param name="fixedInFeature">whether the feature itself declares the length (JAT does for BabyAI)</param>
    public static ColumnSpec DiscreteObservationSteps(int width, bool fixedInFeature) =>
        new(DiscreteObservations, new SequenceFeature(new SequenceFeature(ValueFeature.Int64, fixedInFeature ? width : -1)),
            ColumnKind.LongVectorSteps, width);

    public static ColumnSpec ContinuousObservationSteps(int width, bool fixedInFeature) =>
        new(ContinuousObservations, new SequenceFeature(new SequenceFeature(ValueFeature.Float32, fixedInFeature ? width : -1)),
            ColumnKind.FloatVectorSteps, width);

    public static ColumnSpec DiscreteActionSteps() =>
        new(DiscreteActions, new SequenceFeature(ValueFeature.Int64), ColumnKind.LongSteps);

    public static ColumnSpec ContinuousActionSteps(int width, bool fixedInFeature) =>
        new(ContinuousActions, new SequenceFeature(new SequenceFeature(ValueFeature.Float32, fixedInFeature ? width : -1)),
            ColumnKind.FloatVectorSteps, width);

    public static ColumnSpec RewardSteps() =>
        new(Rewards, new SequenceFeature(ValueFeature.Float32), ColumnKind.FloatSteps);

    public static ColumnSpec Document() => new(Text, ValueFeature.String, ColumnKind.Text);

    public static ColumnSpec Picture() => new(Images, ImageFeature.Instance, ColumnKind.Image);

    /// <summary>Reads the value of <paramref name="column"/> from a row, as an object (null when unset).</summary>
    /// <summary>The row's value of a task's column, found by its kind (no string comparison: the writer asks per row).</summary>
    public static object? ValueOf(Example row, ColumnSpec column) => column.Kind switch
    {
        ColumnKind.StringSteps => row.TextObservations,
        ColumnKind.ImageSteps => row.ImageObservations,
        ColumnKind.LongVectorSteps => row.DiscreteObservations,
        ColumnKind.FloatVectorSteps => ReferenceEquals(column.Name, ContinuousActions) || column.Name == ContinuousActions
            ? row.ContinuousActions
            : row.ContinuousObservations,
        ColumnKind.LongSteps => row.DiscreteActions,
        ColumnKind.FloatSteps => row.Rewards,
        ColumnKind.Text => row.Text,
        ColumnKind.Image => row.Image,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "not a JAT column kind"),
    };

    /// <summary>How many of the nine columns the row sets.</summary>
    public static int CountSet(Example row) =>
        (row.TextObservations is null ? 0 : 1) + (row.ImageObservations is null ? 0 : 1) +
        (row.DiscreteObservations is null ? 0 : 1) + (row.ContinuousObservations is null ? 0 : 1) +
        (row.DiscreteActions is null ? 0 : 1) + (row.ContinuousActions is null ? 0 : 1) + (row.Rewards is null ? 0 : 1) +
        (row.Text is null ? 0 : 1) + (row.Image is null ? 0 : 1);

    public static object? ValueOf(Example row, string column) => column switch
    {
        TextObservations => row.TextObservations,
        ImageObservations => row.ImageObservations,
        DiscreteObservations => row.DiscreteObservations,
        ContinuousObservations => row.ContinuousObservations,
        DiscreteActions => row.DiscreteActions,
        ContinuousActions => row.ContinuousActions,
        Rewards => row.Rewards,
        Text => row.Text,
        Images => row.Image,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a JAT column"),
    };
}
