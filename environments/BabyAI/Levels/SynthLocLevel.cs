namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-SynthLoc: like Synth, with locations.</summary>
internal sealed class SynthLocLevel() : LevelGenerator(
    "babyai-synth-loc", "BabyAI-SynthLoc-v0", locations: true, unblocking: true, implicitUnlock: false,
    instructionKinds: [InstructionKind.Action])
{
}
