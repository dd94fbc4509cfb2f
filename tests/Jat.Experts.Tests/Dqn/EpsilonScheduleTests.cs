using Jat.Experts.Dqn;

namespace Jat.Experts.Tests.Dqn;

public sealed class EpsilonScheduleTests
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(50, 0.55)]
    [InlineData(100, 0.1)]
    [InlineData(5000, 0.1)]
    public void Epsilon_falls_linearly_then_stays_at_its_end(long step, double expected)
    {
        Assert.Equal(expected, new EpsilonSchedule(1.0, 0.1, 100).At(step), 10);
    }
}
