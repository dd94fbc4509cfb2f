using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Language;

/// <summary>
/// "pick up …": done when a pickup puts a matching object into hands that were empty at the previous verification.
/// Strict: picking up anything else fails.
/// </summary>
internal sealed class PickupInstruction : ActionInstruction
{
    private WorldObject? _previouslyCarried;

    public PickupInstruction(ObjectDescription description, bool strict = false)
    {
        if (description.Type == ObjectType.Door)
        {
            throw new ArgumentException("doors cannot be picked up", nameof(description));
        }
        Description = description;
        Strict = strict;
        Descriptions = [description];
    }

    public ObjectDescription Description { get; }

    public bool Strict { get; }

    public override IReadOnlyList<ObjectDescription> Descriptions { get; }

    public override string Surface(RoomGrid env) => "pick up " + Description.Surface(env);

    public override void ResetVerifier(RoomGrid env)
    {
        base.ResetVerifier(env);
        _previouslyCarried = null;
        Description.FindMatchingObjects(env);
    }

    protected override VerifierStatus VerifyAction(MiniGridAction action)
    {
        var previouslyCarried = _previouslyCarried;
        _previouslyCarried = Env.Carrying;
        if (action != MiniGridAction.Pickup)
        {
            return VerifierStatus.Continue;
        }
        foreach (var obj in Description.Objects)
        {
            if (previouslyCarried is null && ReferenceEquals(Env.Carrying, obj))
            {
                return VerifierStatus.Success;
            }
        }
        if (Strict && Env.Carrying is not null)
        {
            return VerifierStatus.Failure;
        }
        return VerifierStatus.Continue;
    }
}
