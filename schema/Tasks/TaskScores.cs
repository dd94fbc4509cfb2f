namespace Jat.Schema.Tasks;

/// <summary>A mean episode return, with its standard deviation where the source gives one.</summary>
public sealed record Score(double Mean, double? Std = null);

/// <summary>The scores JAT normalises against (jat/eval/rl/scores_dict.json).</summary>
public sealed record TaskScores(Score Random, Score Expert, Score? Human = null)
{
    /// <summary>JAT's expert normalisation: (v - random) / |expert - random|; 1.0 where the expert is no better than random.</summary>
    public double Normalise(double value) =>
        Expert.Mean <= Random.Mean ? 1.0 : (value - Random.Mean) / Math.Abs(Expert.Mean - Random.Mean);
}
