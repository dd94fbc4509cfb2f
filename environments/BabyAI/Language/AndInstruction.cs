using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Language;

/// <summary>"… and …": both actions, in either order; each is verified until it succeeds.</summary>
internal sealed class AndInstruction : SequenceInstruction
{
    public AndInstruction(Instruction first, Instruction second, bool strict = false)
        : base(first, second, strict)
    {
        if (first is not ActionInstruction || second is not ActionInstruction)
        {
            throw new ArgumentException("'and' combines two actions");
        }
    }

    public override string Surface(RoomGrid env) => First.Surface(env) + " and " + Second.Surface(env);

    public override VerifierStatus Verify(MiniGridAction action)
    {
        if (FirstStatus != VerifierStatus.Success)
        {
            FirstStatus = First.Verify(action);
        }
        if (SecondStatus != VerifierStatus.Success)
        {
            SecondStatus = Second.Verify(action);
        }
        return FirstStatus == VerifierStatus.Success && SecondStatus == VerifierStatus.Success
            ? VerifierStatus.Success
            : VerifierStatus.Continue;
    }
}
