namespace Jat.Experts.Policies;

/// <summary>Maps unbounded Gaussian draws (rows of <c>layout.Size</c>) into the action box.</summary>
internal static class ActionBounds
{
    public static void Apply(ActionLayout layout, ActionBounding bounding, ReadOnlySpan<float> raw, Span<float> bounded)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var low = layout.Low ?? throw new ArgumentException("Continuous actions need bounds.", nameof(layout));
        var high = layout.High ?? throw new ArgumentException("Continuous actions need bounds.", nameof(layout));
        for (var i = 0; i < raw.Length; i++)
        {
            var d = i % layout.Size;
            bounded[i] = bounding == ActionBounding.Tanh
                ? (float)(low[d] + (Math.Tanh(raw[i]) + 1) * 0.5 * (high[d] - low[d]))
                : (float)Math.Clamp(raw[i], low[d], high[d]);
        }
    }
}
