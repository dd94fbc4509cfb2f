namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-MiniBossLevel: the full language in a 2×2 maze of small rooms.</summary>
internal sealed class MiniBossLevel() : LevelGenerator(
    "babyai-mini-boss-level", "BabyAI-MiniBossLevel-v0", roomSize: 5, numRows: 2, numCols: 2, numDistractors: 7,
    lockedRoomProbability: 0.25)
{
}
