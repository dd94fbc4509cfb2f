using Jat.Environments.MuJoCo;
using Jat.Environments.MuJoCo.Native;

namespace Jat.Environments.Tests.MuJoCo;

/// <summary>Bad actions and bad models are clear errors that leave the process, and the environment, usable.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void A_NaN_action_is_refused_with_its_position_and_the_environment_goes_on()
    {
        using var hopper = MuJoCoTasks.Create("mujoco-hopper");
        hopper.Reset(0);
        var before = hopper.Observation.Continuous.ToArray();

        var error = Assert.Throws<ArgumentException>(() => hopper.Step([0f, float.NaN, 0f]));

        Assert.Contains("action[1] is NaN", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, hopper.Observation.Continuous);
        Assert.Equal(0, hopper.ElapsedSteps);
        Assert.False(hopper.Step([0f, 0f, 0f]).Terminated);
    }

    [Fact]
    public void An_action_of_the_wrong_length_is_refused()
    {
        using var hopper = MuJoCoTasks.Create("mujoco-hopper");
        hopper.Reset(0);

        var error = Assert.Throws<ArgumentException>(() => hopper.Step([0f, 0f]));

        Assert.Contains("3 numbers, not 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stepping_before_a_reset_is_refused()
    {
        using var hopper = MuJoCoTasks.Create("mujoco-hopper");

        Assert.Throws<InvalidOperationException>(() => hopper.Step([0f, 0f, 0f]));
    }

    [Fact]
    public void A_malformed_model_is_refused_with_MuJoCos_reason()
    {
        const string broken = "<mujoco><worldbody><body name='a'><geom type='sphere' size='oops'/></body></worldbody></mujoco>";

        var error = Assert.Throws<MuJoCoModelException>(() => MjSimulation.LoadText(broken, "broken"));

        Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
        Assert.Contains("size", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_model_that_is_not_XML_is_refused()
    {
        var error = Assert.Throws<MuJoCoModelException>(() => MjSimulation.LoadText("this is not a model", "text"));

        Assert.StartsWith("MuJoCo could not load the model 'text'", error.Message, StringComparison.Ordinal);
    }
}
