using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Language;

/// <summary>"go to …": done when the agent faces a cell where a matching object was (as last matched).</summary>
internal sealed class GoToInstruction(ObjectDescription description) : ActionInstruction
{
    public ObjectDescription Description { get; } = description;

    public override IReadOnlyList<ObjectDescription> Descriptions { get; } = [description];

    public override string Surface(RoomGrid env) => "go to " + Description.Surface(env);

    public override void ResetVerifier(RoomGrid env)
    {
        base.ResetVerifier(env);
        Description.FindMatchingObjects(env);
    }

    protected override VerifierStatus VerifyAction(MiniGridAction action)
    {
        var front = Env.FrontPosition;
        foreach (var position in Description.Positions)
        {
            if (position == front)
            {
                return VerifierStatus.Success;
            }
        }
        return VerifierStatus.Continue;
    }
}
