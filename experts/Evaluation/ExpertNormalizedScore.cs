namespace Jat.Experts.Evaluation;

/// <summary>
/// JAT's normalisation of a score (<c>jat/utils.py::normalize</c> with the "expert" strategy):
/// <c>(score − random) / |expert − random|</c>, and 1 for every score when the expert does not beat random.
/// </summary>
internal static class ExpertNormalizedScore
{
    public static double Compute(double score, double randomScore, double expertScore) =>
        expertScore <= randomScore ? 1.0 : (score - randomScore) / Math.Abs(expertScore - randomScore);
}
