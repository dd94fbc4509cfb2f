using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>Drop what is carried onto the empty cell in front.</summary>
internal sealed class DropSubgoal(BabyAIBot bot) : Subgoal(bot)
{
    public override MiniGridAction? ReplanBeforeAction()
    {
        Require(Agent.Carrying is not null, "nothing is carried");
        Require(Agent.FrontCell is null, "the cell in front is not empty");
        return MiniGridAction.Drop;
    }

    public override void ReplanAfterAction() => Bot.Pop();
}
