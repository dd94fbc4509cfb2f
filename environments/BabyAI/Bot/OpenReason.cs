namespace Jat.Environments.BabyAI.Bot;

/// <summary>Why a door is being opened, which decides what happens to a key in hand.</summary>
internal enum OpenReason
{
    /// <summary>Open it; a locked door it turns out to be becomes <see cref="Unlock"/>.</summary>
    None,

    /// <summary>Unlock it with the key in hand, then put the key down somewhere harmless.</summary>
    Unlock,

    /// <summary>Unlock it and keep the key (the door was chosen for exploration with its key already in hand).</summary>
    KeepKey,
}
