using Jat.Experts.Checkpoints;
using Jat.Torch;

namespace Jat.Experts.Training;

/// <summary>An algorithm in training, advanced one iteration (a rollout and its updates) at a time.</summary>
internal interface ILearner : IDisposable
{
    /// <summary>Environment steps taken so far, counting every copy (and those before a resume).</summary>
    long Steps { get; }

    IterationReport RunIteration();

    /// <summary>Time per phase of the iterations so far, or null for a learner that does not measure it.</summary>
    LearnerTimings? Timings { get; }

    /// <summary>The policy as it stands, with a CPU copy of the network (the learner keeps training its own).</summary>
    Checkpoint Snapshot(string task);

    /// <summary>The optimiser, whose saved moments are what a resume needs beyond the checkpoint.</summary>
    AdamOptimizer Optimizer { get; }
}
