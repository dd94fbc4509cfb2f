using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>Pick up what is in front.</summary>
internal sealed class PickupSubgoal(BabyAIBot bot) : Subgoal(bot)
{
    public override MiniGridAction? ReplanBeforeAction()
    {
        Require(Agent.Carrying is null, "the hands are not empty");
        return MiniGridAction.Pickup;
    }

    public override void ReplanAfterAction() => Bot.Pop();
}
