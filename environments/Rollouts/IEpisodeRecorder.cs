namespace Jat.Environments.Rollouts;

/// <summary>
/// Watches one slot's episodes as an <see cref="EpisodeRunner"/> plays them: what collection records as a dataset row.
/// Each step it sees the observation the actor acts on, then the action and the reward that followed.
/// </summary>
public interface IEpisodeRecorder
{
    /// <summary>A new episode of a task with <paramref name="spec"/> starts in this slot; forget the last one.</summary>
    void Begin(EnvironmentSpec spec);

    /// <summary>The observation of the coming step; its buffers change on the next step.</summary>
    void Observe(Observation observation);

    /// <summary>The action taken (the continuous values, or the discrete choice) and the reward it brought.</summary>
    void Record(ReadOnlySpan<float> continuousAction, int discreteAction, double reward);
}
