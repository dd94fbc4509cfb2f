using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Language;

/// <summary>Two instructions combined: "and", "then" (before) or "after you".</summary>
internal abstract class SequenceInstruction : Instruction
{
    protected SequenceInstruction(Instruction first, Instruction second, bool strict)
    {
        if (first is not (ActionInstruction or AndInstruction) || second is not (ActionInstruction or AndInstruction))
        {
            throw new ArgumentException("sequences combine actions or conjunctions of actions");
        }
        First = first;
        Second = second;
        Strict = strict;
    }

    /// <summary>The instruction written first (MiniGrid's <c>instr_a</c>).</summary>
    public Instruction First { get; }

    /// <summary>The instruction written second (MiniGrid's <c>instr_b</c>).</summary>
    public Instruction Second { get; }

    public bool Strict { get; }

    /// <summary>The first part's last verdict (Continue until it is first verified).</summary>
    public VerifierStatus FirstStatus { get; protected set; }

    /// <summary>The second part's last verdict.</summary>
    public VerifierStatus SecondStatus { get; protected set; }

    public override int NavigationsNeeded => First.NavigationsNeeded + Second.NavigationsNeeded;

    public override void ResetVerifier(RoomGrid env)
    {
        base.ResetVerifier(env);
        First.ResetVerifier(env);
        Second.ResetVerifier(env);
        FirstStatus = VerifierStatus.Continue;
        SecondStatus = VerifierStatus.Continue;
    }

    public override void UpdateObjectPositions()
    {
        First.UpdateObjectPositions();
        Second.UpdateObjectPositions();
    }
}
