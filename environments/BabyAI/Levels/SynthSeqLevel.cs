namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-SynthSeq: any sentence of the language, with locations, without implicit unlocking.</summary>
internal sealed class SynthSeqLevel() : LevelGenerator(
    "babyai-synth-seq", "BabyAI-SynthSeq-v0", locations: true, unblocking: true, implicitUnlock: false)
{
}
