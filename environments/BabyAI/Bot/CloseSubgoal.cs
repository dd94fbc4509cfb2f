using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>Close the open door in front.</summary>
internal sealed class CloseSubgoal(BabyAIBot bot) : Subgoal(bot)
{
    public override MiniGridAction? ReplanBeforeAction()
    {
        Require(Agent.FrontCell is { Type: ObjectType.Door, IsOpen: true }, "the cell in front must be an open door");
        return MiniGridAction.Toggle;
    }

    public override void ReplanAfterAction() => Bot.Pop();
}
