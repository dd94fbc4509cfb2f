namespace Jat.Environments.BabyAI.Language;

/// <summary>What the verifier says after an action: keep going, the instruction is done, or it can no longer be done.</summary>
internal enum VerifierStatus
{
    Continue,
    Success,
    Failure,
}
