using Jat.Environments.Acting;
using Jat.Environments.BabyAI.Bot;
using Jat.Experts.Acting;
using Jat.Collectors.Collection;
using Jat.Environments.MuJoCo;
using Jat.Experts.Ppo;
using Jat.Experts.Training;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using Jat.Schema.Tests;

namespace Jat.Collectors.Tests.Collection;

/// <summary>A trained expert rolled out by the collector: sampled actions, yet the same shards on any thread count.</summary>
public sealed class ExpertCollectionTests
{
    [Fact]
    public async Task An_expert_collection_is_byte_identical_on_one_and_two_threads()
    {
        using var training = new TempDirectory();
        var spec = TaskRegistry.Get("mujoco-pendulum");
        using (var probe = MuJoCoTasks.Create(spec.Name))
        {
            var settings = new PpoSettings { TotalSteps = 2048, Environments = 4, RolloutSteps = 64, MinibatchSize = 64, Epochs = 2, Seed = 3 };
            ExpertTrainer.Train(new ExpertTrainingRequest(probe.Spec, _ => MuJoCoTasks.Create(spec.Name), settings, training.Path) { Device = "cpu" });
        }
        var expert = ExpertActorSource.FromFile(ExpertFiles.Checkpoint(training.Path), spec.Name, deterministic: false);
        var plan = CollectionPlan.For(spec, 12, 9);
        var options = new ShardWriterOptions { Durable = false };
        using var one = new TempDirectory();
        using var two = new TempDirectory();

        await Collector.RunAsync(one.Path, plan, expert, 1, null, CancellationToken.None, options);
        await Collector.RunAsync(two.Path, plan, expert, 2, null, CancellationToken.None, options);

        Assert.Contains("PPO expert", expert.Description, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(one.Path, spec.Name), "*.parquet"))
        {
            var twin = Path.Combine(two.Path, spec.Name, Path.GetFileName(file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(twin)), $"{file} differs");
        }
        var rows = await ShardReader.ReadSplitAsync(one.Path, spec, "train").ToListAsync();
        Assert.Equal(11, rows.Count);
        Assert.All(rows, row => Assert.All(row.ContinuousActions!, a => Assert.InRange(a[0], -3f, 3f)));
    }

    [Fact]
    public void An_expert_for_another_task_is_refused()
    {
        using var training = new TempDirectory();
        var path = Path.Combine(training.Path, "missing.jatexpert");

        var error = Assert.Throws<FileNotFoundException>(() => ExpertActorSource.FromFile(path, "mujoco-hopper", false));

        Assert.Contains("jat train-expert mujoco-hopper", error.Message, StringComparison.Ordinal);
    }
}
