namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-GoToSeq: sequences of "go to" in a 3×3 maze, no locked room, no locations.</summary>
internal sealed class GoToSeqLevel() : LevelGenerator(
    "babyai-go-to-seq", "BabyAI-GoToSeq-v0", lockedRoomProbability: 0, locations: false, unblocking: false,
    actionKinds: [ActionKind.GoTo])
{
}
