using Jat.Environments.Evaluation;

namespace Jat.Experts.Evaluation;

/// <summary>The episodes an evaluation played, with the mean and (population) standard deviation of their returns.</summary>
internal sealed record EvaluationResult(IReadOnlyList<EpisodeOutcome> Episodes)
{
    public double MeanReturn => Episodes.Count == 0 ? double.NaN : Episodes.Average(e => e.Return);

    public double ReturnStandardDeviation
    {
        get
        {
            if (Episodes.Count == 0)
            {
                return double.NaN;
            }
            var mean = MeanReturn;
            return Math.Sqrt(Episodes.Sum(e => (e.Return - mean) * (e.Return - mean)) / Episodes.Count);
        }
    }

    /// <summary>The mean return on the scale where the random policy scores 0 and the reference expert 1.</summary>
    public double ExpertNormalized(double randomScore, double expertScore) =>
        ExpertNormalizedScore.Compute(MeanReturn, randomScore, expertScore);
}
