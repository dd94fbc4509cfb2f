namespace Jat.Environments.BabyAI.Levels;

/// <summary>Sentence shapes: one action, two joined by "and", or a "then"/"after you" sequence.</summary>
internal enum InstructionKind
{
    Action,
    And,
    Sequence,
}
