using Jat.Experts.Dqn;

namespace Jat.Experts.Tests.Dqn;

public sealed class DqnResumeTests
{
    [Fact]
    public void A_resumed_run_with_a_larger_budget_ends_exploring_at_the_same_step()
    {
        var settings = new DqnSettings { TotalSteps = 100_000, ExplorationFraction = 0.5 };

        var resumed = (DqnSettings)settings.Resumed(80_000, 400_000);

        Assert.Equal(400_000, resumed.TotalSteps);
        Assert.Equal(50_000, resumed.ExplorationFraction * resumed.TotalSteps, 6);
    }
}
