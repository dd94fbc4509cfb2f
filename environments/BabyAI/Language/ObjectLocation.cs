namespace Jat.Environments.BabyAI.Language;

/// <summary>Where an object is relative to the agent's starting position and direction, in the language's order.</summary>
internal enum ObjectLocation
{
    Left,
    Right,
    Front,
    Behind,
}
