namespace Jat.Experts.Ppo;

/// <summary>
/// PPO's linear learning-rate decay: a straight line from a start point (step and rate) down to 0 at the step budget.
/// A run starts the line at step 0 with the configured rate; a resumed run starts a new line at the step it resumes
/// from, with the rate the previous line had reached there, so that a larger budget stretches what is left of the
/// decay instead of computing it afresh from the new budget (which jumped the rate back up).
/// </summary>
internal static class LearningRateSchedule
{
    /// <summary>
    /// The rate at <paramref name="step"/> on the line from (<paramref name="startStep"/>, <paramref name="startRate"/>)
    /// to (<paramref name="totalSteps"/>, 0); never above the start rate nor below 0, and 0 when the budget ends at or
    /// before the start.
    /// </summary>
    public static double At(long step, long startStep, double startRate, long totalSteps)
    {
        if (totalSteps <= startStep)
        {
            return 0;
        }
        return startRate * Math.Clamp((double)(totalSteps - step) / (totalSteps - startStep), 0, 1);
    }
}
