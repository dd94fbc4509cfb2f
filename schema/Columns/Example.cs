namespace Jat.Schema.Columns;

/// <summary>
/// One row of the JAT dataset: a whole episode (RL tasks) or one document / image-caption pair.
/// Only the columns of the row's task are set; the others stay null.
/// </summary>
/// <remarks>
/// An episode holds observations o0..oT-1, actions a0..aT-1 and rewards r1..rT: the final observation is not stored.
/// </remarks>
public sealed record Example
{
    /// <summary>BabyAI: the mission, repeated at every step.</summary>
    public IReadOnlyList<string>? TextObservations { get; init; }

    /// <summary>Atari: per step, a PNG of the 84×84×4 frame stack (RGBA, one frame per channel).</summary>
    public IReadOnlyList<byte[]>? ImageObservations { get; init; }

    /// <summary>BabyAI: per step, the direction and the 7×7×3 symbolic view (148 values).</summary>
    /// <remarks>
    /// int32 in memory, as environments produce them; stored as int64, the feature JAT declares. BabyAI's values are
    /// 0–10, and a step's vector is the bulk of what collection records and writes, so it is not widened on the way.
    /// </remarks>
    public IReadOnlyList<int[]>? DiscreteObservations { get; init; }

    /// <summary>Meta-World, MuJoCo: per step, the observation vector.</summary>
    public IReadOnlyList<float[]>? ContinuousObservations { get; init; }

    public IReadOnlyList<long>? DiscreteActions { get; init; }

    public IReadOnlyList<float[]>? ContinuousActions { get; init; }

    /// <summary>rewards[t] is the reward received after action t.</summary>
    public IReadOnlyList<float>? Rewards { get; init; }

    /// <summary>Text and vision-language tasks.</summary>
    public string? Text { get; init; }

    /// <summary>Vision-language tasks: the encoded image (PNG or JPEG). The column is named <c>images</c>.</summary>
    public byte[]? Image { get; init; }
}
