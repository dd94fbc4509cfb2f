namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-PickupLoc: one room, eight objects, pick up one described by colour, type and maybe location.</summary>
internal sealed class PickupLocLevel() : LevelGenerator(
    "babyai-pickup-loc", "BabyAI-PickupLoc-v0", numRows: 1, numCols: 1, numDistractors: 8, lockedRoomProbability: 0,
    locations: true, unblocking: false, actionKinds: [ActionKind.Pickup], instructionKinds: [InstructionKind.Action])
{
}
