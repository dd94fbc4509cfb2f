using Jat.Environments;

namespace Jat.Experts.Observations;

/// <summary>
/// How an observation becomes network input: a float vector made of the continuous part, the discrete part (as
/// floats) and a bag of words of the text part, plus the image part as bytes when there is one.
/// </summary>
/// <param name="TextBuckets">Width of the hashed bag of words for the text part; 0 ignores the text.</param>
public sealed record FeatureLayout(int ContinuousSize, int DiscreteSize, int TextBuckets, ImageShape? Image)
{
    /// <summary>The bag of words used for a text part when the settings do not say otherwise.</summary>
    public const int DefaultTextBuckets = 64;

    public int VectorSize => ContinuousSize + DiscreteSize + TextBuckets;

    public int ImageSize => Image is { } image ? image.Height * image.Width * image.Channels : 0;

    public static FeatureLayout For(ObservationLayout layout, int textBuckets = DefaultTextBuckets)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new(layout.ContinuousSize, layout.DiscreteSize, layout.HasText ? textBuckets : 0, layout.Image);
    }
}
