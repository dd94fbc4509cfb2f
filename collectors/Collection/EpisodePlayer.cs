using Jat.Collectors.Episodes;
using Jat.Environments.Acting;
using Jat.Environments.Families;
using Jat.Environments.Rollouts;

namespace Jat.Collectors.Collection;

/// <summary>
/// Plays a batch of a part's attempts on one thread with the <see cref="EpisodeRunner"/>, recording each as a row:
/// attempt <c>a</c> of the part's seed stream resets with <see cref="EpisodeSeeds.Reset"/> and its actor draws from
/// <see cref="EpisodeSeeds.Actor"/>, so that it is the same episode whichever thread or machine plays it.
/// </summary>
internal sealed class EpisodePlayer : IDisposable
{
    private readonly CollectionPlan _plan;
    private readonly EpisodeRunner _runner;
    private readonly EpisodeRecorder[] _recorders;
    private readonly EpisodeStart[] _starts;
    private readonly EpisodeResult[] _results;

    public EpisodePlayer(IEnvironmentFamily family, IActor actor, CollectionPlan plan, int batchSize, StepArrayPool arrays)
    {
        ArgumentNullException.ThrowIfNull(family);
        _plan = plan;
        _recorders = [.. Enumerable.Range(0, batchSize).Select(_ => new EpisodeRecorder(arrays))];
        _runner = new EpisodeRunner(() => family.Create(plan.Task.Name), family.NewEnvironmentPerEpisode, actor, batchSize,
            plan.MaxEpisodeSteps, _recorders);
        _starts = new EpisodeStart[batchSize];
        _results = new EpisodeResult[batchSize];
    }

    /// <summary>Plays attempts <paramref name="first"/> … <c>first + count - 1</c> of a part's seed <paramref name="stream"/>.</summary>
    public PlayedEpisode[] Play(string stream, long first, int count)
    {
        for (var slot = 0; slot < count; slot++)
        {
            var attempt = first + slot;
            _starts[slot] = new EpisodeStart(EpisodeSeeds.Reset(_plan.Seed, stream, attempt), EpisodeSeeds.Actor(_plan.Seed, stream, attempt));
        }
        _runner.Play(_starts.AsSpan(0, count), _results);
        var played = new PlayedEpisode[count];
        for (var slot = 0; slot < count; slot++)
        {
            var (end, steps, total) = _results[slot];
            played[slot] = end switch
            {
                EpisodeFinished => new KeptEpisode(first + slot, _recorders[slot].ToRow(), steps, total),
                EpisodeDropped dropped => new DiscardedEpisode(first + slot, dropped.Reason, steps, total),
                _ => throw new InvalidOperationException($"unknown end {end}"),
            };
        }
        return played;
    }

    public void Dispose() => _runner.Dispose();
}
