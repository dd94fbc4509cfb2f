using Jat.Environments.BabyAI.Levels;

namespace Jat.Environments.BabyAI;

/// <summary>The 39 BabyAI levels of JAT, by task name (<c>babyai-go-to-local</c>) or MiniGrid id (<c>BabyAI-GoToLocal-v0</c>).</summary>
internal static class BabyAILevels
{
    private static readonly (string Task, string EnvId, Func<RoomGridLevel> Create)[] Levels =
    [
        ("babyai-action-obj-door", "BabyAI-ActionObjDoor-v0", () => new ActionObjDoorLevel()),
        ("babyai-blocked-unlock-pickup", "BabyAI-BlockedUnlockPickup-v0", () => new BlockedUnlockPickupLevel()),
        ("babyai-boss-level-no-unlock", "BabyAI-BossLevelNoUnlock-v0", () => new BossLevelNoUnlock()),
        ("babyai-boss-level", "BabyAI-BossLevel-v0", () => new BossLevel()),
        ("babyai-find-obj-s5", "BabyAI-FindObjS5-v0", () => new FindObjLevel()),
        ("babyai-go-to-door", "BabyAI-GoToDoor-v0", () => new GoToDoorLevel()),
        ("babyai-go-to-imp-unlock", "BabyAI-GoToImpUnlock-v0", () => new GoToImpUnlockLevel()),
        ("babyai-go-to-local", "BabyAI-GoToLocal-v0", () => new GoToLocalLevel()),
        ("babyai-go-to-obj-door", "BabyAI-GoToObjDoor-v0", () => new GoToObjDoorLevel()),
        ("babyai-go-to-obj", "BabyAI-GoToObj-v0", () => new GoToObjLevel()),
        ("babyai-go-to-red-ball-grey", "BabyAI-GoToRedBallGrey-v0", () => new GoToRedBallGreyLevel()),
        ("babyai-go-to-red-ball-no-dists", "BabyAI-GoToRedBallNoDists-v0", GoToRedBallLevel.WithoutDistractors),
        ("babyai-go-to-red-ball", "BabyAI-GoToRedBall-v0", GoToRedBallLevel.WithDistractors),
        ("babyai-go-to-red-blue-ball", "BabyAI-GoToRedBlueBall-v0", () => new GoToRedBlueBallLevel()),
        ("babyai-go-to-seq", "BabyAI-GoToSeq-v0", () => new GoToSeqLevel()),
        ("babyai-go-to", "BabyAI-GoTo-v0", () => new GoToLevel()),
        ("babyai-key-corridor", "BabyAI-KeyCorridor-v0", () => new KeyCorridorLevel()),
        ("babyai-mini-boss-level", "BabyAI-MiniBossLevel-v0", () => new MiniBossLevel()),
        ("babyai-move-two-across-s8n9", "BabyAI-MoveTwoAcrossS8N9-v0", () => new MoveTwoAcrossLevel()),
        ("babyai-one-room-s8", "BabyAI-OneRoomS8-v0", () => new OneRoomLevel()),
        ("babyai-open-door", "BabyAI-OpenDoor-v0", () => new OpenDoorLevel()),
        ("babyai-open-doors-order-n4", "BabyAI-OpenDoorsOrderN4-v0", () => new OpenDoorsOrderLevel()),
        ("babyai-open-red-door", "BabyAI-OpenRedDoor-v0", () => new OpenRedDoorLevel()),
        ("babyai-open-two-doors", "BabyAI-OpenTwoDoors-v0", () => new OpenTwoDoorsLevel()),
        ("babyai-open", "BabyAI-Open-v0", () => new OpenLevel()),
        ("babyai-pickup-above", "BabyAI-PickupAbove-v0", () => new PickupAboveLevel()),
        ("babyai-pickup-dist", "BabyAI-PickupDist-v0", () => new PickupDistLevel()),
        ("babyai-pickup-loc", "BabyAI-PickupLoc-v0", () => new PickupLocLevel()),
        ("babyai-pickup", "BabyAI-Pickup-v0", () => new PickupLevel()),
        ("babyai-put-next-local", "BabyAI-PutNextLocal-v0", () => new PutNextLocalLevel()),
        ("babyai-put-next", "BabyAI-PutNextS7N4-v0", () => new PutNextLevel()),
        ("babyai-synth-loc", "BabyAI-SynthLoc-v0", () => new SynthLocLevel()),
        ("babyai-synth-seq", "BabyAI-SynthSeq-v0", () => new SynthSeqLevel()),
        ("babyai-synth", "BabyAI-Synth-v0", () => new SynthLevel()),
        ("babyai-unblock-pickup", "BabyAI-UnblockPickup-v0", () => new UnblockPickupLevel()),
        ("babyai-unlock-local", "BabyAI-UnlockLocal-v0", () => new UnlockLocalLevel()),
        ("babyai-unlock-pickup", "BabyAI-UnlockPickup-v0", () => new UnlockPickupLevel()),
        ("babyai-unlock-to-unlock", "BabyAI-UnlockToUnlock-v0", () => new UnlockToUnlockLevel()),
        ("babyai-unlock", "BabyAI-Unlock-v0", () => new UnlockLevel()),
    ];

    /// <summary>The JAT task names, in JAT's order.</summary>
    public static IReadOnlyList<string> Tasks { get; } = Array.ConvertAll(Levels, level => level.Task);

    /// <summary>The MiniGrid ids, in the order of <see cref="Tasks"/>.</summary>
    public static IReadOnlyList<string> EnvIds { get; } = Array.ConvertAll(Levels, level => level.EnvId);

    public static bool Contains(string taskOrEnvId) => Find(taskOrEnvId) >= 0;

    /// <summary>The MiniGrid id of a task, or the task of a MiniGrid id.</summary>
    public static string EnvIdOf(string taskOrEnvId) => Levels[IndexOf(taskOrEnvId)].EnvId;

    public static string TaskOf(string taskOrEnvId) => Levels[IndexOf(taskOrEnvId)].Task;

    /// <summary>A new level, not yet reset.</summary>
    public static RoomGridLevel Create(string taskOrEnvId) => Levels[IndexOf(taskOrEnvId)].Create();

    private static int IndexOf(string taskOrEnvId)
    {
        var index = Find(taskOrEnvId);
        return index >= 0
            ? index
            : throw new ArgumentException(
                $"'{taskOrEnvId}' is not one of JAT's BabyAI levels ({string.Join(", ", Tasks)}).", nameof(taskOrEnvId));
    }

    private static int Find(string taskOrEnvId) =>
        Array.FindIndex(Levels, level => level.Task == taskOrEnvId || level.EnvId == taskOrEnvId);
}
