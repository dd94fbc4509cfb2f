using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Language;

/// <summary>
/// An instruction of the BabyAI language: its words (<see cref="Surface"/>) and its verifier, which after every action
/// says whether the instruction is done. <see cref="ResetVerifier"/> binds it to the world at the start of an episode.
/// </summary>
internal abstract class Instruction
{
    private RoomGrid? _env;

    /// <summary>The world the verifier watches.</summary>
    protected RoomGrid Env => _env ?? throw new InvalidOperationException("ResetVerifier has not been called");

    /// <summary>The instruction as a sentence; matches its object descriptions against <paramref name="env"/>.</summary>
    public abstract string Surface(RoomGrid env);

    /// <summary>Binds the verifier to <paramref name="env"/> and matches its object descriptions (episode start).</summary>
    public virtual void ResetVerifier(RoomGrid env) => _env = env;

    /// <summary>Judges the action just applied to the world.</summary>
    public abstract VerifierStatus Verify(MiniGridAction action);

    /// <summary>After a drop: refreshes where the tracked objects are.</summary>
    public abstract void UpdateObjectPositions();

    /// <summary>How many navigations (trips across the maze) the instruction may need; sets the step limit.</summary>
    public abstract int NavigationsNeeded { get; }
}

/// <summary>A single action on objects (go to, open, pick up, put next to).</summary>
internal abstract class ActionInstruction : Instruction
{
    public override VerifierStatus Verify(MiniGridAction action) => VerifyAction(action);

    public override int NavigationsNeeded => 1;

    /// <summary>The descriptions the instruction refers to.</summary>
    public abstract IReadOnlyList<ObjectDescription> Descriptions { get; }

    public override void UpdateObjectPositions()
    {
        var descriptions = Descriptions;
        for (var k = 0; k < descriptions.Count; k++)
        {
            descriptions[k].FindMatchingObjects(Env, useLocation: false);
        }
    }

    protected abstract VerifierStatus VerifyAction(MiniGridAction action);
}
