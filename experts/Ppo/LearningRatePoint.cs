namespace Jat.Experts.Ppo;

/// <summary>Where a resumed run's learning-rate decay starts: the step it resumed from and the rate reached there.</summary>
public sealed record LearningRatePoint(long Step, double Rate);
