using Jat.Environments.MuJoCo;

namespace Jat.Environments.Tests.MuJoCo;

/// <summary>Reward terms and termination rules of the v4 environments on states built by the test.</summary>
public sealed class RewardAndTerminationTests
{
    [Fact]
    public void Hopper_pays_forward_velocity_plus_one_minus_a_thousandth_of_the_squared_action()
    {
        using var hopper = MuJoCoTasks.Create("mujoco-hopper");
        hopper.Reset(3);
        var before = hopper.Qpos[0];

        var transition = hopper.Step([0.5f, -0.5f, 1f]);

        var velocity = (hopper.Qpos[0] - before) / hopper.Dt;
        Assert.Equal(velocity, Info(hopper, "x_velocity"));
        Assert.Equal(velocity + 1.0 - (1e-3 * 1.5), transition.Reward, 12);
    }

    [Theory]
    [InlineData(1, 0.5, "the torso is too low")]
    [InlineData(2, 0.5, "the torso leans too far")]
    public void Hopper_terminates_when_unhealthy(int coordinate, double value, string why)
    {
        using var hopper = MuJoCoTasks.Create("mujoco-hopper");
        hopper.Reset(0);
        var qpos = hopper.Qpos.ToArray();
        qpos[coordinate] = value;
        hopper.SetState(qpos, hopper.Qvel);

        var transition = hopper.Step([0f, 0f, 0f]);

        Assert.True(transition.Terminated, why);
        Assert.Equal(1.0 + Info(hopper, "x_velocity"), transition.Reward, 12);
    }

    [Fact]
    public void Walker_terminates_outside_its_height_band_and_not_inside_it()
    {
        using var walker = MuJoCoTasks.Create("mujoco-walker");
        walker.Reset(0);
        Assert.False(walker.Step(new float[6]).Terminated);

        var qpos = walker.Qpos.ToArray();
        qpos[1] = 2.5;
        walker.SetState(qpos, walker.Qvel);

        Assert.True(walker.Step(new float[6]).Terminated);
    }

    [Fact]
    public void HalfCheetah_charges_a_tenth_of_the_squared_action_and_never_terminates()
    {
        using var cheetah = MuJoCoTasks.Create("mujoco-halfcheetah");
        cheetah.Reset(1);

        var transition = cheetah.Step([0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f]);

        Assert.Equal(-0.1 * 1.5, Info(cheetah, "reward_ctrl"), 15);
        Assert.Equal(Info(cheetah, "reward_run") - 0.15, transition.Reward, 12);
        Assert.False(transition.Terminated);
    }

    [Fact]
    public void Ant_pays_survival_even_on_the_step_it_terminates()
    {
        using var ant = MuJoCoTasks.Create("mujoco-ant");
        ant.Reset(0);
        var qpos = ant.Qpos.ToArray();
        qpos[2] = 1.6; // the torso above the healthy band [0.2, 1.0]
        ant.SetState(qpos, ant.Qvel);

        var transition = ant.Step(new float[8]);

        Assert.True(transition.Terminated);
        Assert.Equal(1.0, Info(ant, "reward_survive"));
        Assert.Equal(Info(ant, "x_velocity") + 1.0, transition.Reward, 12);
    }

    [Fact]
    public void Humanoid_terminates_when_its_torso_drops_below_one_metre()
    {
        using var humanoid = MuJoCoTasks.Create("mujoco-humanoid");
        humanoid.Reset(0);
        Assert.False(humanoid.Step(new float[17]).Terminated);
        var qpos = humanoid.Qpos.ToArray();
        qpos[2] = 0.6;
        humanoid.SetState(qpos, humanoid.Qvel);

        var transition = humanoid.Step(new float[17]);

        Assert.True(transition.Terminated);
        Assert.Equal(5.0, Info(humanoid, "reward_alive"));
    }

    [Fact]
    public void Standup_pays_the_torso_height_over_the_timestep_plus_one()
    {
        using var standup = MuJoCoTasks.Create("mujoco-standup");
        standup.Reset(0);

        var transition = standup.Step(new float[17]);

        Assert.Equal(standup.Qpos[2] / 0.003, Info(standup, "reward_linup"), 9);
        Assert.Equal(0.0, Info(standup, "reward_quadctrl"));
        Assert.Equal(Info(standup, "reward_linup") + Info(standup, "reward_impact") + 1, transition.Reward, 9);
        Assert.False(transition.Terminated);
    }

    [Fact]
    public void Pendulum_pays_one_per_step_and_terminates_past_a_fifth_of_a_radian()
    {
        using var pendulum = MuJoCoTasks.Create("mujoco-pendulum");
        pendulum.Reset(0);
        var upright = pendulum.Step([0f]);
        Assert.Equal(1.0, upright.Reward);
        Assert.False(upright.Terminated);

        pendulum.SetState([0.0, 0.25], [0.0, 0.0]);

        Assert.True(pendulum.Step([0f]).Terminated);
    }

    [Fact]
    public void Double_pendulum_terminates_when_its_tip_falls_to_one_metre()
    {
        using var pendulum = MuJoCoTasks.Create("mujoco-doublependulum");
        pendulum.Reset(0);
        var upright = pendulum.Step([0f]);
        Assert.False(upright.Terminated);
        Assert.InRange(upright.Reward, 9.0, 10.0);

        pendulum.SetState([0.0, 1.5, 0.0], [0.0, 0.0, 0.0]);

        Assert.True(pendulum.Step([0f]).Terminated);
    }

    [Fact]
    public void Reacher_reward_uses_the_distance_before_the_step()
    {
        using var reacher = MuJoCoTasks.Create("mujoco-reacher");
        reacher.Reset(5);
        var toTarget = reacher.Observation.Continuous[8..11];

        var transition = reacher.Step([0.5f, 0.5f]);

        var distance = Math.Sqrt(toTarget.Sum(v => v * v));
        Assert.Equal(-distance, Info(reacher, "reward_dist"), 12);
        Assert.Equal(-0.5, Info(reacher, "reward_ctrl"));
        Assert.Equal(-distance - 0.5, transition.Reward, 12);
    }

    [Fact]
    public void Pusher_reward_uses_the_object_and_arm_positions_before_the_step()
    {
        using var pusher = MuJoCoTasks.Create("mujoco-pusher");
        pusher.Reset(2);
        var observation = pusher.Observation.Continuous.ToArray();
        var tips = observation[14..17];
        var item = observation[17..20];
        var goal = observation[20..23];

        var transition = pusher.Step([1f, 0f, 0f, 0f, 0f, 0f, 0f]);

        var near = Distance(item, tips);
        var toGoal = Distance(item, goal);
        Assert.Equal(-toGoal, Info(pusher, "reward_dist"), 12);
        Assert.Equal(-toGoal + (0.1 * -1.0) + (0.5 * -near), transition.Reward, 12);
        Assert.True(toGoal > 0.17, "the object starts more than 0.17 from the goal");
    }

    [Theory]
    [InlineData("mujoco-reacher", 50)]
    [InlineData("mujoco-pusher", 100)]
    public void Episodes_are_truncated_at_the_time_limit_exactly(string task, int limit)
    {
        using var environment = MuJoCoTasks.Create(task);
        environment.Reset(0);
        var action = new float[((ContinuousActions)environment.Spec.Actions).Size];

        for (var step = 1; step < limit; step++)
        {
            Assert.False(environment.Step(action).Truncated);
        }

        Assert.True(environment.Step(action).Truncated);
    }

    private static double Info(MuJoCoEnvironment environment, string name) =>
        environment.InfoValues[environment.InfoNames.ToList().IndexOf(name)];

    private static double Distance(double[] a, double[] b) =>
        Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
