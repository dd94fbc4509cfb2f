using Jat.Environments;

namespace Jat.Experts.Observations;

/// <summary>Writes observations into the flat buffers that become network input, following a <see cref="FeatureLayout"/>.</summary>
internal sealed class ObservationEncoder(FeatureLayout layout)
{
    public FeatureLayout Layout { get; } = layout ?? throw new ArgumentNullException(nameof(layout));

    /// <summary>Fills <paramref name="destination"/> (<see cref="FeatureLayout.VectorSize"/> floats).</summary>
    public void EncodeVector(Observation observation, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (destination.Length != Layout.VectorSize)
        {
            throw new ArgumentException($"Expected {Layout.VectorSize} floats, got {destination.Length}.", nameof(destination));
        }
        var continuous = observation.Continuous;
        for (var i = 0; i < Layout.ContinuousSize; i++)
        {
            destination[i] = (float)continuous[i];
        }
        var discrete = observation.Discrete;
        var offset = Layout.ContinuousSize;
        for (var i = 0; i < Layout.DiscreteSize; i++)
        {
            destination[offset + i] = discrete[i];
        }
        MissionWords.Count(observation.Text, destination.Slice(offset + Layout.DiscreteSize, Layout.TextBuckets));
    }

    /// <summary>Copies the image part (height × width × channels bytes) into <paramref name="destination"/>.</summary>
    public void EncodeImage(Observation observation, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (destination.Length != Layout.ImageSize)
        {
            throw new ArgumentException($"Expected {Layout.ImageSize} bytes, got {destination.Length}.", nameof(destination));
        }
        observation.Image.AsSpan(0, Layout.ImageSize).CopyTo(destination);
    }
}
