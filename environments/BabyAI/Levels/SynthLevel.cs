namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-Synth: one action of any kind in a 3×3 maze, perhaps with a locked room; no locations.</summary>
internal sealed class SynthLevel() : LevelGenerator(
    "babyai-synth", "BabyAI-Synth-v0", locations: false, unblocking: true, implicitUnlock: false,
    instructionKinds: [InstructionKind.Action])
{
}
