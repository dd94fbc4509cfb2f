namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-BossLevelNoUnlock: the full language in a 3×3 maze without a locked room.</summary>
internal sealed class BossLevelNoUnlock() : LevelGenerator(
    "babyai-boss-level-no-unlock", "BabyAI-BossLevelNoUnlock-v0", lockedRoomProbability: 0, implicitUnlock: false)
{
}
