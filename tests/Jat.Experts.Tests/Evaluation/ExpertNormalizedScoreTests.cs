using Jat.Experts.Evaluation;

namespace Jat.Experts.Tests.Evaluation;

public sealed class ExpertNormalizedScoreTests
{
    [Theory]
    [InlineData(60, 10, 110, 0.5)]
    [InlineData(10, 10, 110, 0.0)]
    [InlineData(110, 10, 110, 1.0)]
    [InlineData(-40, 10, 110, -0.5)]
    [InlineData(-20.7, -20.7, 20.9868, 0.0)]
    public void The_score_is_placed_between_random_and_expert(double score, double random, double expert, double normalized)
    {
        Assert.Equal(normalized, ExpertNormalizedScore.Compute(score, random, expert), 10);
    }

    [Fact]
    public void An_expert_no_better_than_random_makes_every_score_one_as_jat_does()
    {
        Assert.Equal(1.0, ExpertNormalizedScore.Compute(-5, 3, 3));
        Assert.Equal(1.0, ExpertNormalizedScore.Compute(100, 3, 2));
    }
}
