using Jat.Collectors.Collection;
using Jat.Collectors.Plans;
using Jat.Environments.Acting;
using Jat.Environments.BabyAI.Bot;
using Jat.Environments.MetaWorld.Assets;
using Jat.Experts.Acting;
using Jat.Schema.Tasks;

namespace Jat.Collectors.Tests.Plans;

public sealed class RegenerationJobsTests
{
    [Fact]
    public void The_default_plan_plays_every_babyai_level_with_the_bot_and_every_mujoco_task_with_its_shipped_expert()
    {
        var plan = RegenerationJobs.PlanFor(null, null, full: false, seed: null);

        Assert.Equal(0UL, plan.Seed);
        var babyai = plan.Tasks.Where(t => t.Task.StartsWith("babyai-", StringComparison.Ordinal)).ToList();
        Assert.Equal(39, babyai.Count);
        Assert.All(babyai, t => Assert.Equal((20_000L, (PlannedActor?)null), (t.Episodes!.Value, t.Actor)));
        var mujoco = plan.Tasks.Where(t => t.Task.StartsWith("mujoco-", StringComparison.Ordinal)).ToDictionary(t => t.Task, t => t.Episodes);
        Assert.Equal(11, mujoco.Count);
        Assert.All(mujoco, t => Assert.Equal(t.Key is "mujoco-ant" or "mujoco-humanoid" or "mujoco-standup" ? 100 : 1_000, t.Value));
        Assert.Equal(50, plan.Tasks.Count);
    }

    [Fact]
    public void The_default_plan_needs_no_meta_world_assets_and_says_why_meta_world_is_left_out()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"jat-no-metaworld-{Guid.NewGuid():N}");
        MetaWorldAssets.UseFolder(missing);
        try
        {
            var plan = RegenerationJobs.PlanFor(null, null, full: false, seed: null);
            var omissions = RegenerationJobs.DefaultPlanOmissions();

            Assert.DoesNotContain(plan.Tasks, t => t.Task.StartsWith("metaworld-", StringComparison.Ordinal));
            var line = Assert.Single(omissions, l => l.StartsWith("metaworld:", StringComparison.Ordinal));
            Assert.Contains(missing, line, StringComparison.Ordinal);
            Assert.Contains("--metaworld-assets DIR", line, StringComparison.Ordinal);
            Assert.DoesNotContain(omissions, l => l.StartsWith("babyai:", StringComparison.Ordinal));
        }
        finally
        {
            MetaWorldAssets.UseFolder(null);
        }
    }

    [Fact]
    public void Full_takes_jats_sizes_and_a_task_without_an_environment_gets_samples()
    {
        var plan = RegenerationJobs.PlanFor(["babyai-go-to", "mujoco-hopper,atari-pong"], null, full: true, seed: 7);

        Assert.Equal(7UL, plan.Seed);
        Assert.Equal(
            [("babyai-go-to", 100_000L, (PlannedActor?)null), ("mujoco-hopper", 10_000L, null), ("atari-pong", RegenerationJobs.DefaultSampleEpisodes, PlannedActor.Samples)],
            plan.Tasks.Select(t => (t.Task, t.Episodes!.Value, t.Actor)));
        Assert.Throws<ArgumentException>(() => RegenerationJobs.PlanFor(null, 10, full: true, seed: null));
        Assert.Throws<ArgumentException>(() => RegenerationJobs.PlanFor(null, 1, full: false, seed: null));
    }

    [Fact]
    public void A_planned_actor_comes_from_the_tasks_family()
    {
        var hopper = TaskRegistry.Get("mujoco-hopper");
        var level = TaskRegistry.Get("babyai-go-to-local");

        Assert.IsType<BabyAIBotActorSource>(RegenerationJobs.ActorsOf(level, new PlannedTask(level.Name)));
        Assert.IsType<BabyAIBotActorSource>(RegenerationJobs.ActorsOf(level, new PlannedTask(level.Name, Actor: PlannedActor.Bot)));
        Assert.IsType<RandomActorSource>(RegenerationJobs.ActorsOf(hopper, new PlannedTask(hopper.Name, Actor: PlannedActor.Random)));
        Assert.Contains("sampled actions", RegenerationJobs.ActorsOf(hopper, new PlannedTask(hopper.Name))!.Description, StringComparison.Ordinal);
        Assert.Contains("deterministic actions", RegenerationJobs.ActorsOf(hopper, new PlannedTask(hopper.Name, Deterministic: true))!.Description, StringComparison.Ordinal);
        Assert.Null(RegenerationJobs.ActorsOf(hopper, new PlannedTask(hopper.Name, Actor: PlannedActor.Samples)));
        var bot = Assert.Throws<ArgumentException>(() => RegenerationJobs.ActorsOf(hopper, new PlannedTask(hopper.Name, Actor: PlannedActor.Bot)));
        Assert.Contains("no scripted expert", bot.Message, StringComparison.Ordinal);
        var pong = TaskRegistry.Get("atari-pong");
        Assert.Throws<ArgumentException>(() => RegenerationJobs.ActorsOf(pong, new PlannedTask(pong.Name, Actor: PlannedActor.Random)));
        Assert.Null(ShippedExperts.DefaultActorFor(pong.Name));
    }

    [Fact]
    public void Jobs_are_collections_or_samples_and_workers_share_them_out_whole()
    {
        var plan = new RegenerationPlan(3, [new("babyai-go-to-local", 60), new("mujoco-reacher", 40), new("atari-pong", 5, PlannedActor.Samples)]);

        var alone = RegenerationJobs.For(plan, WorkerShare.Whole, sampleSteps: 0);

        Assert.Equal(3, alone.Count);
        var level = Assert.IsType<CollectionJob>(alone.Single(j => j.Task.Name == "babyai-go-to-local"));
        Assert.Equal(60, level.Rows);
        Assert.Equal(60 * 50, level.Load); // BabyAI's typical episode is 50 steps
        Assert.IsType<CollectionJob>(alone.Single(j => j.Task.Name == "mujoco-reacher"));
        var samples = Assert.IsType<SampleJob>(alone.Single(j => j.Task.Name == "atari-pong"));
        Assert.Equal("synthetic samples", samples.Source);
        var split = Enumerable.Range(0, 2).SelectMany(w => RegenerationJobs.For(plan, new WorkerShare(w, 2), 0)).ToList();
        Assert.Equal(alone.Sum(j => j.Rows), split.Sum(j => j.Rows));
    }

    [Fact]
    public void The_bots_step_limit_is_babyais_split_rule()
    {
        Assert.Equal(SplitRule.For(Domain.BabyAI).MaxEpisodeSteps, BabyAIBotActorSource.StepLimit);
    }
}
