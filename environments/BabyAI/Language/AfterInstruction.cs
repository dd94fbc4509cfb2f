using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Language;

/// <summary>
/// "… after you …": the second part, then the first. The action that completes the second part is also judged by the
/// first. Strict: completing the first part first fails.
/// </summary>
internal sealed class AfterInstruction(Instruction first, Instruction second, bool strict = false)
    : SequenceInstruction(first, second, strict)
{
    public override string Surface(RoomGrid env) => First.Surface(env) + " after you " + Second.Surface(env);

    public override VerifierStatus Verify(MiniGridAction action)
    {
        if (SecondStatus == VerifierStatus.Success)
        {
            FirstStatus = First.Verify(action);
            return FirstStatus == VerifierStatus.Continue ? VerifierStatus.Continue : FirstStatus;
        }
        SecondStatus = Second.Verify(action);
        if (SecondStatus == VerifierStatus.Failure)
        {
            return VerifierStatus.Failure;
        }
        if (SecondStatus == VerifierStatus.Success)
        {
            return Verify(action);
        }
        if (Strict && First.Verify(action) == VerifierStatus.Success)
        {
            return VerifierStatus.Failure;
        }
        return VerifierStatus.Continue;
    }
}
