using Jat.Environments;
using Jat.Experts.Observations;

namespace Jat.Experts.Tests.Observations;

public sealed class ObservationEncoderTests
{
    [Fact]
    public void The_vector_is_the_continuous_part_then_the_discrete_part_then_the_words_of_the_text()
    {
        var layout = new ObservationLayout(2, DiscreteSize: 3, HasText: true);
        var observation = new Observation(layout) { Text = "go to the red ball, the" };
        observation.Continuous[0] = 0.5;
        observation.Continuous[1] = -2;
        observation.Discrete[0] = 7;
        observation.Discrete[2] = 1;
        var encoder = new ObservationEncoder(FeatureLayout.For(layout, textBuckets: 16));
        var vector = new float[encoder.Layout.VectorSize];

        encoder.EncodeVector(observation, vector);

        Assert.Equal(2 + 3 + 16, vector.Length);
        Assert.Equal([0.5f, -2, 7, 0, 1], vector[..5]);
        // Six words, "the" twice: the buckets count six in all, with some bucket holding at least 2.
        Assert.Equal(6, vector[5..].Sum());
        Assert.Contains(vector[5..], v => v >= 2);
    }

    [Fact]
    public void The_same_words_land_in_the_same_buckets_whatever_their_case_and_punctuation()
    {
        var first = new float[32];
        var second = new float[32];

        MissionWords.Count("Pick up the GREEN key", first);
        MissionWords.Count("pick up, the green key.", second);

        Assert.Equal(first, second);
    }
}
