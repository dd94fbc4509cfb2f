using Jat.Environments.BabyAI;
using Jat.Environments.Families;
using Jat.Environments.MetaWorld;
using Jat.Environments.MuJoCo;

namespace Jat.Environments.Tests.Families;

public sealed class EnvironmentCatalogTests
{
    [Fact]
    public void Every_task_is_found_by_name_and_by_original_id_in_its_family()
    {
        Assert.Equal(39 + 11 + MetaWorldFamily.Instance.Tasks.Count, EnvironmentCatalog.Tasks.Count);
        foreach (var family in EnvironmentCatalog.Families)
        {
            foreach (var task in family.Tasks)
            {
                Assert.Same(family, EnvironmentCatalog.FamilyOf(task.Task));
                Assert.Equal(task, EnvironmentCatalog.Find(task.EnvId)!.Value.Task);
            }
        }
        Assert.Equal("mujoco-hopper", EnvironmentCatalog.Find("Hopper-v4")!.Value.Task.Task);
    }

    [Fact]
    public void An_unknown_task_is_refused_with_the_list_of_tasks()
    {
        Assert.Null(EnvironmentCatalog.Find("atari-pong"));
        var error = Assert.Throws<ArgumentException>(() => EnvironmentCatalog.Create("atari-pong"));
        Assert.Contains("mujoco-hopper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_family_whose_task_is_taken_is_not_registered()
    {
        var error = Assert.Throws<ArgumentException>(() => EnvironmentCatalog.Register(new Impostor()));
        Assert.Contains("mujoco-hopper", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(EnvironmentCatalog.Families, f => f is Impostor);
    }

    [Fact]
    public void MuJoCo_sizes_known_without_a_model_are_those_of_the_environments()
    {
        foreach (var task in MuJoCoFamily.Instance.Tasks)
        {
            using var environment = MuJoCoFamily.Instance.Create(task.Task);
            var spec = environment.Spec;
            var stepBytes = 4L * (spec.Observation.ContinuousSize + ((ContinuousActions)spec.Actions).Size + 1);
            Assert.Equal(stepBytes * spec.MaxEpisodeSteps, MuJoCoFamily.Instance.SizeOf(task.Task).LargestBytes);
        }
    }

    [Fact]
    public void Each_family_says_how_its_episodes_are_played_and_sized()
    {
        Assert.True(BabyAIFamily.Instance.NewEnvironmentPerEpisode);
        Assert.False(MuJoCoFamily.Instance.NewEnvironmentPerEpisode);
        Assert.IsType<ScriptedActor>(BabyAIFamily.Instance.DefaultActor);
        Assert.Equal(new ShippedCheckpointActor(Deterministic: false), MuJoCoFamily.Instance.DefaultActor);
        Assert.Equal(25_000, 250_000_000 / BabyAIFamily.Instance.SizeOf("babyai-boss-level").LargestBytes);
        Assert.Equal(100, MuJoCoFamily.Instance.DefaultPlanEpisodes("Humanoid-v4"));
        Assert.Equal(1_000, MuJoCoFamily.Instance.DefaultPlanEpisodes("mujoco-hopper"));
        Assert.False(MetaWorldFamily.Instance.NewEnvironmentPerEpisode);
        Assert.Equal(new ShippedCheckpointActor(Deterministic: true), MetaWorldFamily.Instance.DefaultActor);
        Assert.Equal(4 * (39 + 4 + 1) * 100, MetaWorldFamily.Instance.SizeOf("reach-v2").LargestBytes);
    }

    private sealed class Impostor : IEnvironmentFamily
    {
        public string Name => "impostor";

        public IReadOnlyList<EnvironmentTask> Tasks { get; } = [new("mujoco-hopper", "Impostor-v0")];

        public bool NewEnvironmentPerEpisode => false;

        public DefaultActor DefaultActor { get; } = new ShippedCheckpointActor(false);

        public IEnvironment Create(string taskOrEnvId) => throw new NotSupportedException();

        public EpisodeSize SizeOf(string task) => new(1, 1);

        public long DefaultPlanEpisodes(string task) => 2;

        public void EnsureAvailable()
        {
        }
    }
}
