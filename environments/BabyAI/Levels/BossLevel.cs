namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-BossLevel: the full language in a 3×3 maze.</summary>
internal sealed class BossLevel() : LevelGenerator("babyai-boss-level", "BabyAI-BossLevel-v0")
{
}
