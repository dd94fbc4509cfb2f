using System.Diagnostics;
using System.Globalization;
using Jat.Environments.Acting;
using Jat.Collectors.Episodes;
using Jat.Environments;
using Jat.Schema.Card;
using Jat.Schema.Shards;

namespace Jat.Collectors.Collection;

/// <summary>
/// Rolls an actor out in a task's environment into the task's <c>train</c> and <c>test</c> shards.
/// <para>
/// Each shard is a <see cref="CollectionPart"/>. Its attempts are numbered 0, 1, 2…; attempt <c>a</c> resets with a seed
/// derived from the plan's seed, the part and <c>a</c> only, so its episode is the same whichever thread or machine
/// plays it. Threads play attempts in parallel, in fixed batches of the actor's batch size (an expert acts for a batch
/// with one network call); the writer takes them back in attempt order and keeps or discards each until the part has
/// its episodes. The output is therefore byte-identical for any number of threads, and a part
/// written on another machine is the same file.
/// </para>
/// <para>
/// Each row is written with its attempt number as the shard writer's cursor. A run killed at any moment resumes after
/// the last committed attempt and, replaying the same attempts, ends with the same dataset.
/// </para>
/// </summary>
public static class Collector
{
    /// <summary>Writes <paramref name="parts"/> of the plan (all of them by default), one after the other.</summary>
    public static async Task<CollectionReport> RunAsync(
        string root, CollectionPlan plan, IActorSource actors, int threads,
        IProgress<CollectionProgress>? progress, CancellationToken cancel, ShardWriterOptions? writerOptions = null,
        IReadOnlyList<CollectionPart>? parts = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actors);
        parts ??= plan.Parts;
        var family = EnvironmentCatalog.FamilyOf(plan.Task.Name);
        family.EnsureAvailable();
        var task = plan.Task;
        var clock = Stopwatch.StartNew();
        var tally = new Tally(task.Name, parts.Sum(p => p.Episodes), progress);
        var summaries = new List<SplitSummary>();
        if (parts.Count > 0)
        {
            DatasetNotes.Claim(root, task.Name,
                $"collected by Jat: {actors.Description}; {plan.Episodes:N0} episodes ({plan.TrainEpisodes:N0} train, " +
                $"{plan.TestEpisodes:N0} test), seed {plan.Seed}, shards of {Math.Min(plan.EpisodesPerShard, plan.Episodes):N0} episodes" +
                (plan.MaxEpisodeSteps is { } limit ? $", episodes over {limit:N0} steps discarded" : ""));
        }
        var players = new EpisodePlayer?[Math.Max(1, threads)];
        var arrays = new StepArrayPool();
        try
        {
            foreach (var part in parts)
            {
                summaries.Add(await WritePartAsync(root, plan, part, players, actors.BatchSize,
                    () => new EpisodePlayer(family, actors.Create(), plan, actors.BatchSize, arrays), tally, writerOptions, cancel).ConfigureAwait(false));
            }
        }
        finally
        {
            foreach (var player in players)
            {
                player?.Dispose();
            }
        }

        var splits = summaries.GroupBy(s => s.Split)
            .Select(g => new SplitSummary(task.Name, g.Key, g.Sum(s => s.Rows), g.Sum(s => s.Shards), g.Sum(s => s.FileBytes)))
            .ToList();
        long RowsOf(string split) => splits.Where(s => s.Split == split).Sum(s => s.Rows);
        var keptThisRun = tally.Kept - tally.Resumed;
        return new CollectionReport(task.Name, RowsOf("train"), RowsOf("test"), tally.Resumed, tally.Discarded, tally.Reasons,
            tally.Steps, keptThisRun == 0 ? 0 : tally.Returns / keptThisRun, splits.Sum(s => s.FileBytes), clock.Elapsed.TotalSeconds)
        {
            Splits = splits,
        };
    }

    private static async Task<SplitSummary> WritePartAsync(string root, CollectionPlan plan, CollectionPart part, EpisodePlayer?[] players,
        int batchSize, Func<EpisodePlayer> newPlayer, Tally tally, ShardWriterOptions? writerOptions, CancellationToken cancel)
    {
        await using var writer = await ShardWriter.OpenPartAsync(root, plan.Task, part.Split, new ShardPart(part.Index, part.Count),
            writerOptions, cancel).ConfigureAwait(false);
        var kept = writer.CommittedRows;
        tally.Resume(kept);
        if (kept < part.Episodes)
        {
            var stream = part.Stream(plan.Task.Name);
            // Attempts are played in fixed batches (attempts bB … bB + B - 1), so that a batch's episodes are the same
            // whichever thread plays them; a resumed part replays the batch it stopped in and skips what it has.
            var batch = batchSize;
            var resumeAt = Attempt(writer.CommittedCursor) + 1;
            var firstBatch = resumeAt / batch;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            // Players run ahead of the writer by about 16k steps each (BabyAI: ~330 short episodes, MuJoCo: 32 episodes):
            // it bounds memory whatever the collection size, yet leaves the writer room to be descheduled for a few
            // milliseconds on a busy machine without the players stalling behind it.
            var ahead = Math.Clamp(16_384 / plan.StepsPerEpisode, 32, 512);
            var capacity = (int)Math.Max(2, players.Length * ahead / batch);
            using var handoff = new BatchHandoff<PlayedEpisode[]>(firstBatch, capacity, LastBatchNeeded(resumeAt, part.Episodes - kept, batch));
            var running = Enumerable.Range(0, players.Length).Select(i => Task.Factory.StartNew(() =>
            {
                var player = players[i] ??= newPlayer();
                while (true)
                {
                    var claimed = handoff.Claim(stop.Token);
                    handoff.Put(claimed, player.Play(stream, claimed * batch, batch));
                }
            }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
            void ThrowIfAPlayerFailed()
            {
                if (running.FirstOrDefault(t => t.IsFaulted) is { } failed)
                {
                    failed.GetAwaiter().GetResult();
                }
            }

            try
            {
                for (var number = firstBatch; kept < part.Episodes; number++)
                {
                    // Sleep until a few more batches are ready, up to the ones the part may still need.
                    var needed = LastBatchNeeded(number * batch, part.Episodes - kept, batch);
                    handoff.Need(needed);
                    var episodes = handoff.Take(number, Math.Min(needed, number + capacity / 4), ThrowIfAPlayerFailed, cancel);
                    foreach (var episode in episodes)
                    {
                        if (episode.Attempt < resumeAt || kept == part.Episodes)
                        {
                            (episode as KeptEpisode)?.Row.Dispose(); // written before the resume, or not needed
                            continue;
                        }
                        if (episode is KeptEpisode { Row: var lease })
                        {
                            using (lease)
                            {
                                await writer.WriteAsync(lease.Row, episode.Attempt.ToString(CultureInfo.InvariantCulture), cancel).ConfigureAwait(false);
                            }
                            kept++;
                        }
                        tally.Add(episode);
                    }
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
                    // the players were stopped: what they had not handed over is not needed
                }
            }
        }
        return await writer.CompleteAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>The last batch needed if every attempt from <paramref name="attempt"/> on were kept.</summary>
    private static long LastBatchNeeded(long attempt, long stillNeeded, int batch) => (attempt + stillNeeded - 1) / batch;

    private static long Attempt(string? cursor) =>
        cursor is null ? -1 : long.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>What a run kept, discarded and played across its parts, reported as it goes.</summary>
    private sealed class Tally(string task, long planned, IProgress<CollectionProgress>? progress)
    {
        public long Kept { get; private set; }
        public long Resumed { get; private set; }
        public long Discarded { get; private set; }
        public long Steps { get; private set; }
        public double Returns { get; private set; }
        public SortedDictionary<string, long> Reasons { get; } = new(StringComparer.Ordinal);

        public void Resume(long committed)
        {
            Resumed += committed;
            Kept += committed;
            Report();
        }

        public void Add(PlayedEpisode episode)
        {
            Steps += episode.Steps;
            if (episode is DiscardedEpisode { Reason: var reason })
            {
                Discarded++;
                Reasons[reason] = Reasons.GetValueOrDefault(reason) + 1;
            }
            else
            {
                Kept++;
                Returns += episode.Return;
            }
            Report();
        }

        private void Report() => progress?.Report(new CollectionProgress(task, Kept, planned, Discarded, Steps));
    }
}
