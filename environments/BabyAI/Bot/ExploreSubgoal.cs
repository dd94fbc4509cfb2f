using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>
/// Look around: go to the nearest unseen cell; when every reachable cell has been seen, open the nearest closed door
/// (an unlocked one if there is any).
/// </summary>
internal sealed class ExploreSubgoal(BabyAIBot bot) : Subgoal(bot)
{
    public override bool IsExploratory => true;

    public override MiniGridAction? ReplanBeforeAction()
    {
        var unseen = Bot.ShortestPath(new UnseenCell(Bot.Map), tryWithBlockers: true);
        if (unseen.Found)
        {
            Bot.Push(new GoNextToSubgoal(Bot, unseen.Finish, GoNextToReason.Explore));
            return null;
        }

        // Unlocked doors first: opening a locked door may itself need exploring, which would pick that door again.
        var door = Bot.ShortestPath(new ClosedDoor(UnlockedOnly: true), tryWithBlockers: true);
        if (!door.Found)
        {
            door = Bot.ShortestPath(new ClosedDoor(UnlockedOnly: false), tryWithBlockers: true);
        }
        Require(door.Found, "nothing left to explore");

        var doorObject = Bot.Map.Get(door.Finish)!;
        var carrying = Agent.Carrying;
        var gotTheKey = carrying is { Type: ObjectType.Key } && carrying.Color == doorObject.Color;
        Bot.Pop();
        Bot.Push(new OpenSubgoal(Bot, doorObject.IsLocked && gotTheKey ? OpenReason.KeepKey : OpenReason.None));
        Bot.Push(new GoNextToSubgoal(Bot, doorObject, GoNextToReason.Open));
        return null;
    }
}
