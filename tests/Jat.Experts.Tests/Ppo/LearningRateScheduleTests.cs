using Jat.Experts.Ppo;

namespace Jat.Experts.Tests.Ppo;

public sealed class LearningRateScheduleTests
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(250, 0.75)]
    [InlineData(500, 0.5)]
    [InlineData(1000, 0.0)]
    [InlineData(1500, 0.0)]
    public void From_step_zero_the_rate_falls_linearly_to_zero_at_the_budget(long step, double expected)
    {
        Assert.Equal(expected, LearningRateSchedule.At(step, 0, 1.0, 1000), 12);
    }

    [Theory]
    [InlineData(1000, 0.2)]
    [InlineData(2000, 0.1)]
    [InlineData(3000, 0.0)]
    public void From_a_resume_point_the_rate_falls_from_the_rate_there_to_zero_over_the_remaining_steps(long step, double expected)
    {
        Assert.Equal(expected, LearningRateSchedule.At(step, 1000, 0.2, 3000), 12);
    }

    [Fact]
    public void A_budget_that_ends_at_or_before_the_start_gives_zero()
    {
        Assert.Equal(0, LearningRateSchedule.At(1000, 1000, 0.2, 1000));
        Assert.Equal(0, LearningRateSchedule.At(1200, 1000, 0.2, 800));
    }

    [Fact]
    public void Resuming_with_a_larger_budget_goes_on_from_the_rate_reached_instead_of_jumping_back_up()
    {
        var first = new PpoSettings { LearningRate = 0.003, TotalSteps = 1_000_000 };
        var reached = first.LearningRateAt(900_000);

        var resumed = (PpoSettings)first.Resumed(900_000, 3_000_000);

        Assert.Equal(0.0003, reached, 12);
        Assert.Equal(reached, resumed.LearningRateAt(900_000), 12);
        Assert.Equal(reached / 2, resumed.LearningRateAt(1_950_000), 12);
        Assert.Equal(0, resumed.LearningRateAt(3_000_000));
        Assert.Equal(0.003, resumed.LearningRate);
    }

    [Fact]
    public void Resuming_with_the_same_budget_keeps_the_rates_of_an_uninterrupted_run()
    {
        var run = new PpoSettings { LearningRate = 0.003, TotalSteps = 1_000_000 };

        var resumed = (PpoSettings)((PpoSettings)run.Resumed(200_000, 1_000_000)).Resumed(650_000, 1_000_000);

        foreach (var step in new long[] { 650_000, 700_000, 900_000, 1_000_000 })
        {
            Assert.Equal(run.LearningRateAt(step), resumed.LearningRateAt(step), 12);
        }
    }

    [Fact]
    public void A_run_that_spent_its_budget_stays_at_zero_when_extended()
    {
        var finished = new PpoSettings { LearningRate = 0.003, TotalSteps = 1_000_000 };

        var extended = (PpoSettings)finished.Resumed(1_000_000, 3_000_000);

        Assert.Equal(0, extended.LearningRateAt(1_000_000));
        Assert.Equal(0, extended.LearningRateAt(2_000_000));
    }

    [Fact]
    public void Without_decay_the_rate_is_constant_before_and_after_a_resume()
    {
        var constant = new PpoSettings { LearningRate = 0.003, TotalSteps = 1_000_000, LearningRateDecay = false };

        var resumed = (PpoSettings)constant.Resumed(1_000_000, 3_000_000);

        Assert.Equal(0.003, constant.LearningRateAt(900_000));
        Assert.Equal(0.003, resumed.LearningRateAt(2_000_000));
        Assert.Null(resumed.LearningRateDecayFrom);
    }
}
