namespace Jat.Environments.Atari.Emulator;

/// <summary>One emulated frame's digests: CRC-32 of the 160 x 210 screen and of RAM $80-$FF, as ALE traces give them.</summary>
public sealed record FrameDigest(int Frame, int Action, string ScreenCrc32, string RamCrc32, long CpuCycles, int Scanlines);

/// <summary>
/// Runs a ROM from power-on (RAM zero, system reset), one ALE frame per action (ALE joystick ids, NOOP once the list
/// ends), and digests every frame, so that Jat can be compared with any other emulator.
/// </summary>
public static class HeadlessRun
{
    public static IReadOnlyList<FrameDigest> Run(Atari2600 machine, int frames, IReadOnlyList<int> actions)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(actions);
        var digests = new List<FrameDigest>(frames);
        for (int i = 0; i < frames; i++)
        {
            int action = i < actions.Count ? actions[i] : 0;
            machine.SetInput(AleActions.InputBits(action));
            machine.RunFrame();
            digests.Add(new FrameDigest(i, action, Crc32.Of(machine.Screen).ToString("x8"), Crc32.Of(machine.Ram).ToString("x8"),
                machine.FrameCycles, machine.FrameScanlines));
        }
        return digests;
    }

    /// <summary>Reads an action file: ALE action ids 0-17 separated by spaces, commas or new lines.</summary>
    public static IReadOnlyList<int> ReadActions(string path)
    {
        var text = File.ReadAllText(path);
        var actions = new List<int>();
        foreach (var token in text.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out int id) || id < 0 || id >= AleActions.Count)
            {
                throw new InvalidDataException($"{path}: '{token}' (entry {actions.Count + 1}) is no ALE joystick action id; write ids 0-17, one per frame");
            }
            actions.Add(id);
        }
        return actions;
    }
}
