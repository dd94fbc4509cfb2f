namespace Jat.Environments.BabyAI.Levels;

/// <summary>The actions a <see cref="LevelGenerator"/> sentence can ask for.</summary>
internal enum ActionKind
{
    GoTo,
    Pickup,
    Open,
    PutNext,
}
