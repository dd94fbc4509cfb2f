using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Jat.Collectors.Actors;
using Jat.Environments;
using Jat.Schema.Card;
using Jat.Schema.Shards;

namespace Jat.Collectors.Collection;

/// <summary>
/// Rolls an actor out in a task's environment into the task's <c>train</c> and <c>test</c> shards.
/// <para>
/// Attempts are numbered 0, 1, 2…; attempt <c>a</c> resets with a seed derived from the plan's seed, the task and
/// <c>a</c> only, so its episode is the same whichever worker plays it. Workers play attempts in parallel; the writer
/// takes them back in attempt order, keeps or discards each, and sends the first kept episodes to train and the rest
/// to test. The output is therefore byte-identical for any number of threads.
/// </para>
/// <para>
/// Each row is written with its attempt number as the shard writer's cursor. A run killed at any moment resumes after
/// the last committed attempt and, replaying the same attempts, ends with the same dataset.
/// </para>
/// </summary>
public static class Collector
{
    public static async Task<CollectionReport> RunAsync(
        string root, CollectionPlan plan, Func<IEnvironment> environments, IActorSource actors, int threads,
        IProgress<CollectionProgress>? progress, CancellationToken cancel, ShardWriterOptions? writerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(environments);
        ArgumentNullException.ThrowIfNull(actors);
        var task = plan.Task;
        DatasetNotes.Claim(root, task.Name,
            $"collected by Jat: {actors.Description}; {plan.Episodes:N0} episodes ({plan.TrainEpisodes:N0} train, " +
            $"{plan.TestEpisodes:N0} test), seed {plan.Seed}" +
            (plan.MaxEpisodeSteps is { } limit ? $", episodes over {limit:N0} steps discarded" : ""));
        var clock = Stopwatch.StartNew();
        await using var train = await ShardWriter.OpenAsync(root, task, "train", writerOptions, cancel).ConfigureAwait(false);
        await using var test = await ShardWriter.OpenAsync(root, task, "test", writerOptions, cancel).ConfigureAwait(false);

        var resumed = train.CommittedRows + test.CommittedRows;
        var firstAttempt = Math.Max(Attempt(train.CommittedCursor), Attempt(test.CommittedCursor)) + 1;
        var kept = resumed;
        long discarded = 0, steps = 0, played = 0;
        double returns = 0;
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);

        if (kept < plan.Episodes)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            var workers = Math.Max(1, threads);
            var pending = new ConcurrentDictionary<long, PlayedEpisode>();
            var arrived = new SemaphoreSlim(0);
            // At most this many attempts are played ahead of the writer: it bounds memory whatever the collection size.
            var window = new SemaphoreSlim(workers * 4);
            var next = firstAttempt - 1;
            var running = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                using var player = new EpisodePlayer(environments, actors.Create(), plan);
                while (true)
                {
                    await window.WaitAsync(stop.Token).ConfigureAwait(false);
                    var attempt = Interlocked.Increment(ref next);
                    pending[attempt] = player.Play(attempt);
                    arrived.Release();
                }
            }, stop.Token)).ToList();

            try
            {
                for (var attempt = firstAttempt; kept < plan.Episodes; attempt++)
                {
                    PlayedEpisode? episode;
                    while (!pending.TryRemove(attempt, out episode))
                    {
                        if (running.FirstOrDefault(t => t.IsFaulted) is { } failed)
                        {
                            await failed.ConfigureAwait(false);
                        }
                        await arrived.WaitAsync(TimeSpan.FromMilliseconds(200), cancel).ConfigureAwait(false);
                    }
                    window.Release();
                    played++;
                    steps += episode.Steps;
                    if (episode.Row is null)
                    {
                        discarded++;
                        reasons[episode.DiscardReason!] = reasons.GetValueOrDefault(episode.DiscardReason!) + 1;
                    }
                    else
                    {
                        var split = kept < plan.TrainEpisodes ? train : test;
                        await split.WriteAsync(episode.Row, attempt.ToString(CultureInfo.InvariantCulture), cancel).ConfigureAwait(false);
                        kept++;
                        returns += episode.Return;
                    }
                    progress?.Report(new CollectionProgress(task.Name, kept, plan.Episodes, discarded, steps));
                }
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await Task.WhenAll(running).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // the workers were stopped: what they had not handed over is not needed
                }
            }
        }

        var trainSummary = await train.CompleteAsync(cancel).ConfigureAwait(false);
        var testSummary = await test.CompleteAsync(cancel).ConfigureAwait(false);
        var keptThisRun = kept - resumed;
        return new CollectionReport(task.Name, trainSummary.Rows, testSummary.Rows, resumed, discarded, reasons, steps,
            keptThisRun == 0 ? 0 : returns / keptThisRun, trainSummary.FileBytes + testSummary.FileBytes, clock.Elapsed.TotalSeconds)
        {
            Splits = [trainSummary, testSummary],
        };
    }

    private static long Attempt(string? cursor) =>
        cursor is null ? -1 : long.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
}
