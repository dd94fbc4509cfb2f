using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Language;

/// <summary>
/// "open …": done when a toggle leaves a matching door in front of the agent open. Strict: toggling any other door fails.
/// </summary>
internal sealed class OpenInstruction : ActionInstruction
{
    public OpenInstruction(ObjectDescription description, bool strict = false)
    {
        if (description.Type != ObjectType.Door)
        {
            throw new ArgumentException("only doors can be opened", nameof(description));
        }
        Description = description;
        Strict = strict;
        Descriptions = [description];
    }

    public ObjectDescription Description { get; }

    public bool Strict { get; }

    public override IReadOnlyList<ObjectDescription> Descriptions { get; }

    public override string Surface(RoomGrid env) => "open " + Description.Surface(env);

    public override void ResetVerifier(RoomGrid env)
    {
        base.ResetVerifier(env);
        Description.FindMatchingObjects(env);
    }

    protected override VerifierStatus VerifyAction(MiniGridAction action)
    {
        if (action != MiniGridAction.Toggle)
        {
            return VerifierStatus.Continue;
        }
        var front = Env.Grid.Get(Env.FrontPosition);
        foreach (var door in Description.Objects)
        {
            if (front is not null && ReferenceEquals(front, door) && door.IsOpen)
            {
                return VerifierStatus.Success;
            }
        }
        if (Strict && front is { Type: ObjectType.Door })
        {
            return VerifierStatus.Failure;
        }
        return VerifierStatus.Continue;
    }
}
