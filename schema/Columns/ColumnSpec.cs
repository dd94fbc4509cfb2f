using Jat.Schema.Features;

namespace Jat.Schema.Columns;

/// <summary>
/// One column of a task: its name, its Hugging Face feature, its storage shape, and the width every
/// per-step vector must have (where the task fixes one, even if the feature does not).
/// </summary>
public sealed record ColumnSpec(string Name, Feature Feature, ColumnKind Kind, int? VectorWidth = null)
{
    /// <summary>True for the per-step columns of an episode, whose lengths must agree within a row.</summary>
    public bool IsPerStep => Kind is not (ColumnKind.Text or ColumnKind.Image);
}
