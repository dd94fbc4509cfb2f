using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Language;

/// <summary>
/// "…, then …": the first part, then the second. The action that completes the first part is also judged by the
/// second. Strict: completing the second part first fails.
/// </summary>
internal sealed class BeforeInstruction(Instruction first, Instruction second, bool strict = false)
    : SequenceInstruction(first, second, strict)
{
    public override string Surface(RoomGrid env) => First.Surface(env) + ", then " + Second.Surface(env);

    public override VerifierStatus Verify(MiniGridAction action)
    {
        if (FirstStatus == VerifierStatus.Success)
        {
            SecondStatus = Second.Verify(action);
            return SecondStatus == VerifierStatus.Continue ? VerifierStatus.Continue : SecondStatus;
        }
        FirstStatus = First.Verify(action);
        if (FirstStatus == VerifierStatus.Failure)
        {
            return VerifierStatus.Failure;
        }
        if (FirstStatus == VerifierStatus.Success)
        {
            return Verify(action);
        }
        if (Strict && Second.Verify(action) == VerifierStatus.Success)
        {
            return VerifierStatus.Failure;
        }
        return VerifierStatus.Continue;
    }
}
