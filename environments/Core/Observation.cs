namespace Jat.Environments;

/// <summary>
/// An observation with JAT's modalities as optional parts. The environment owns it and overwrites its buffers on every
/// reset and step.
/// </summary>
public sealed class Observation
{
    public Observation(ObservationLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Continuous = new double[layout.ContinuousSize];
        Discrete = new int[layout.DiscreteSize];
        Image = layout.Image is { } image ? new byte[image.Height * image.Width * image.Channels] : [];
    }

    /// <summary>The float vector, in the original's float64 (JAT stores it as float32).</summary>
    public double[] Continuous { get; }

    /// <summary>The integer vector.</summary>
    public int[] Discrete { get; }

    /// <summary>The text part, or empty.</summary>
    public string Text { get; set; } = "";

    /// <summary>The image part, height × width × channels bytes, or empty.</summary>
    public byte[] Image { get; }
}
