using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>
/// Open the door in front. A locked door without its key in hand makes the bot plan a trip to the key (putting down
/// what it carries first, and taking it back afterwards); an open door is closed first, then opened again, as the
/// original does.
/// </summary>
internal sealed class OpenSubgoal(BabyAIBot bot, OpenReason reason = OpenReason.None) : Subgoal(bot)
{
    public OpenReason Reason { get; } = reason;

    public override MiniGridAction? ReplanBeforeAction()
    {
        var door = Agent.FrontCell;
        Require(door is { Type: ObjectType.Door }, "the cell in front must be a door");
        var carrying = Agent.Carrying;
        var gotTheKey = carrying is { Type: ObjectType.Key } && carrying.Color == door!.Color;
        if (door!.IsLocked && !gotTheKey)
        {
            var key = Bot.MatchKeys(door.Color);
            var front = Agent.Front;
            Bot.Pop();
            if (carrying is not null)
            {
                var dropAt = Bot.FindDropPosition();
                Bot.Push(new PickupSubgoal(Bot));
                Bot.Push(new GoNextToSubgoal(Bot, dropAt));
                Bot.Push(new OpenSubgoal(Bot));
                Bot.Push(new GoNextToSubgoal(Bot, front));
                Bot.Push(new PickupSubgoal(Bot));
                Bot.Push(new GoNextToSubgoal(Bot, key));
                Bot.Push(new DropSubgoal(Bot));
                Bot.Push(new GoNextToSubgoal(Bot, dropAt));
            }
            else
            {
                Bot.Push(new OpenSubgoal(Bot));
                Bot.Push(new GoNextToSubgoal(Bot, front));
                Bot.Push(new PickupSubgoal(Bot));
                Bot.Push(new GoNextToSubgoal(Bot, key));
            }
            return null;
        }
        if (door.IsOpen)
        {
            Bot.Push(new CloseSubgoal(Bot));
            return null;
        }
        if (door.IsLocked && Reason == OpenReason.None)
        {
            Bot.Pop();
            Bot.Push(new OpenSubgoal(Bot, OpenReason.Unlock));
            return null;
        }
        return MiniGridAction.Toggle;
    }

    public override void ReplanAfterAction()
    {
        Bot.Pop();
        if (Reason == OpenReason.Unlock)
        {
            // Chosen only now: a place picked before the door opened might be taken by the time the key gets there.
            var dropAt = Bot.FindDropPosition();
            Bot.Push(new DropSubgoal(Bot));
            Bot.Push(new GoNextToSubgoal(Bot, dropAt));
        }
    }
}
