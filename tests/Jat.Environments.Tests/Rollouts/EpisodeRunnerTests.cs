using Jat.Environments.Acting;
using Jat.Environments.MuJoCo;
using Jat.Environments.Rollouts;

namespace Jat.Environments.Tests.Rollouts;

public sealed class EpisodeRunnerTests
{
    [Fact]
    public void An_episode_is_the_same_alone_or_in_a_batch()
    {
        var start = new EpisodeStart(17, 99);
        using var alone = new EpisodeRunner(() => MuJoCoTasks.Create("mujoco-reacher"), false, new RandomActorSource().Create(), 1);
        using var batch = new EpisodeRunner(() => MuJoCoTasks.Create("mujoco-reacher"), false, new RandomActorSource().Create(), 4);
        var one = new EpisodeResult[1];
        var four = new EpisodeResult[4];

        alone.Play([start], one);
        batch.Play([new(1, 2), new(3, 4), start, new(5, 6)], four);

        Assert.Equal(one[0], four[2]);
        Assert.Equal(new EpisodeResult(EpisodeEnd.Truncated, 50, one[0].Return), one[0]); // Reacher runs its 50 steps
    }

    [Fact]
    public void A_recorder_sees_each_observation_before_its_action_and_the_reward_after()
    {
        var recorder = new Counting();
        using var runner = new EpisodeRunner(() => MuJoCoTasks.Create("mujoco-reacher"), false, new RandomActorSource().Create(), 1,
            recorders: [recorder]);
        var result = new EpisodeResult[1];

        runner.Play([new EpisodeStart(3, 4)], result);

        Assert.Equal((1, 50, 50), (recorder.Episodes, recorder.Observations, recorder.Actions));
        Assert.Equal(result[0].Return, recorder.Return, 12);
    }

    [Fact]
    public void An_episode_over_the_step_limit_or_whose_actor_stops_is_dropped_with_its_reason()
    {
        using var limited = new EpisodeRunner(() => MuJoCoTasks.Create("mujoco-reacher"), false, new RandomActorSource().Create(), 1, maxSteps: 10);
        using var stopping = new EpisodeRunner(() => MuJoCoTasks.Create("mujoco-reacher"), false, new Stopping(), 1);
        var result = new EpisodeResult[1];

        limited.Play([new EpisodeStart(1, 1)], result);
        Assert.Equal(new EpisodeResult(new EpisodeDropped("longer than 10 steps"), 11, result[0].Return), result[0]);
        stopping.Play([new EpisodeStart(1, 1)], result);
        Assert.Equal(new EpisodeResult(EpisodeEnd.ActorStopped, 0, 0), result[0]);
    }

    [Fact]
    public void Borrowed_environments_are_reused_and_not_disposed()
    {
        using var environment = MuJoCoTasks.Create("mujoco-reacher");
        var result = new EpisodeResult[1];
        using (var runner = new EpisodeRunner([environment], new RandomActorSource().Create()))
        {
            runner.Play([new EpisodeStart(1, 1)], result);
        }

        environment.Reset(2); // would throw on a disposed simulation
        Assert.Equal(50, result[0].Length);
    }

    private sealed class Counting : IEpisodeRecorder
    {
        public int Episodes { get; private set; }

        public int Observations { get; private set; }

        public int Actions { get; private set; }

        public double Return { get; private set; }

        public void Begin(EnvironmentSpec spec) => Episodes++;

        public void Observe(Observation observation)
        {
            Assert.Equal(Actions, Observations);
            Observations++;
        }

        public void Record(ReadOnlySpan<float> continuousAction, int discreteAction, double reward)
        {
            Assert.Equal(2, continuousAction.Length);
            Actions++;
            Return += reward;
        }
    }

    private sealed class Stopping : IActor
    {
        public void BeginEpisode(int slot, IEnvironment environment, ulong seed)
        {
        }

        public void Act(ReadOnlySpan<int> slots, IReadOnlyList<IEnvironment> environments, Span<float> continuous, Span<int> discrete, Span<bool> able) =>
            able[..slots.Length].Clear();

        public void Dispose()
        {
        }
    }
}
