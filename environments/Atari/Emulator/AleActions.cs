namespace Jat.Environments.Atari.Emulator;

/// <summary>
/// ALE's 18 joystick action ids (0 NOOP … 17 DOWNLEFTFIRE) as the input bits <see cref="Atari2600.SetInput"/> takes:
/// bit 0 up, 1 down, 2 left, 3 right, 4 fire.
/// </summary>
public static class AleActions
{
    public const int Count = 18;

    private static readonly byte[] Bits =
    [
        0x00, 0x10, 0x01, 0x08, 0x04, 0x02, 0x09, 0x05, 0x0A, 0x06, 0x11, 0x18, 0x14, 0x12, 0x19, 0x15, 0x1A, 0x16,
    ];

    public static int InputBits(int action) =>
        action is >= 0 and < Count ? Bits[action] : throw new ArgumentOutOfRangeException(nameof(action), action, $"an ALE joystick action id is 0 to {Count - 1}");
}
