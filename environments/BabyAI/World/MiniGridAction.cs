namespace Jat.Environments.BabyAI.World;

/// <summary>The seven MiniGrid actions, by their action index.</summary>
internal enum MiniGridAction
{
    Left = 0,
    Right = 1,
    Forward = 2,
    Pickup = 3,
    Drop = 4,
    Toggle = 5,
    Done = 6,
}
