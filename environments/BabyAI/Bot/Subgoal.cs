using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>
/// One entry of the bot's plan, a stack whose top is worked on. Only the top is asked to plan; it either suggests an
/// action or changes the stack (pushing subgoals, popping itself) and lets the next top plan.
/// </summary>
internal abstract class Subgoal(BabyAIBot bot)
{
    protected BabyAIBot Bot { get; } = bot;

    protected AgentState Agent => Bot.Agent;

    /// <summary>Exploratory subgoals are dropped from the top of the stack before every replan.</summary>
    public virtual bool IsExploratory => false;

    /// <summary>The suggested action, or null when the stack changed and planning goes on with the new top.</summary>
    public abstract MiniGridAction? ReplanBeforeAction();

    /// <summary>
    /// Called on the top subgoal at the start of a replan, the action it suggested last time having been taken (the
    /// original's <c>replan_after_action(None)</c>; the bot is never told of another action).
    /// </summary>
    public virtual void ReplanAfterAction()
    {
    }

    /// <summary>The original's assertions: a false one ends the episode.</summary>
    protected void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new BotCrashException($"{GetType().Name}: {what}");
        }
    }
}
