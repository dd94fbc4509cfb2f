namespace Jat.Environments.Atari.Emulator.Cartridges;

/// <summary>
/// Picks a ROM image's bank-switching scheme from its size and content, the way ALE detects one it does not know
/// (atari-games.md §3.2), and builds the cartridge. Sizes no scheme fits are one clear error.
/// </summary>
internal static class CartridgeDetection
{
    private static readonly byte[][] E0Signatures =
    [
        [0x8D, 0xE0, 0x1F], [0x8D, 0xE0, 0x5F], [0x8D, 0xE9, 0xFF], [0xAD, 0xE9, 0xFF], [0xAD, 0xED, 0xFF], [0xAD, 0xF3, 0xBF],
    ];

    private static readonly byte[][] FeSignatures =
    [
        [0x20, 0x00, 0xD0, 0xC6, 0xC5], [0x20, 0xC3, 0xF8, 0xA5, 0x82], [0xD0, 0xFB, 0x20, 0x73, 0xFE], [0x20, 0x00, 0xF0, 0x84, 0xD6],
    ];

    public static string Detect(ReadOnlySpan<byte> rom)
    {
        switch (rom.Length)
        {
            case 2048:
                return "2K";
            case 4096:
                return rom[..2048].SequenceEqual(rom[2048..]) ? "2K" : "4K";
            case 8192:
                if (IsSuperchip(rom)) return "F8SC";
                if (rom[..4096].SequenceEqual(rom[4096..])) return "4K";
                if (Contains(rom, E0Signatures)) return "E0";
                if (IsTigervision(rom)) return "3F";
                if (Contains(rom, FeSignatures)) return "FE";
                return "F8";
            case 12288:
                return "FASC";
            case 16384:
                if (IsSuperchip(rom)) return "F6SC";
                if (IsMNetwork(rom)) return "E7";
                if (IsTigervision(rom)) return "3F";
                return "F6";
            case 32768:
                if (IsSuperchip(rom)) return "F4SC";
                if (IsTigervision(rom)) return "3F";
                return "F4";
            default:
                if (rom.Length > 0 && rom.Length % 2048 == 0 && IsTigervision(rom)) return "3F";
                throw new InvalidDataException($"a {rom.Length}-byte image fits no 2600 bank-switching scheme (2K, 4K, 8K, 12K, 16K or 32K); is this an Atari 2600 ROM?");
        }
    }

    public static Cartridge Create(byte[] rom, string scheme) => scheme switch
    {
        "2K" => new BankedCartridge(rom, "2K", 0, 0, 0),
        "4K" => new BankedCartridge(rom, "4K", 0, 0, 0),
        "F8" => new BankedCartridge(rom, "F8", 0xFF8, 1, 0),
        "F8SC" => new BankedCartridge(rom, "F8SC", 0xFF8, 1, 128),
        "F6" => new BankedCartridge(rom, "F6", 0xFF6, 0, 0),
        "F6SC" => new BankedCartridge(rom, "F6SC", 0xFF6, 0, 128),
        "F4" => new BankedCartridge(rom, "F4", 0xFF4, 0, 0),
        "F4SC" => new BankedCartridge(rom, "F4SC", 0xFF4, 0, 128),
        "FASC" => new BankedCartridge(rom, "FASC", 0xFF8, 2, 256),
        "E0" => new ParkerBrothersCartridge(rom),
        "3F" => new TigervisionCartridge(rom),
        "E7" => new MNetworkCartridge(rom),
        "FE" => new ActivisionCartridge(rom),
        _ => throw new ArgumentException($"unknown bank-switching scheme '{scheme}'", nameof(scheme)),
    };

    // Superchip images leave each bank's RAM window (the first 256 bytes) filled with one value.
    private static bool IsSuperchip(ReadOnlySpan<byte> rom)
    {
        for (int bank = 0; bank < rom.Length; bank += 4096)
        {
            var window = rom.Slice(bank, 256);
            if (window.IndexOfAnyExcept(window[0]) >= 0)
            {
                return false;
            }
        }
        return true;
    }

    // Tigervision code selects banks with STA $3F.
    private static bool IsTigervision(ReadOnlySpan<byte> rom) => Count(rom, [0x85, 0x3F]) >= 2;

    private static bool IsMNetwork(ReadOnlySpan<byte> rom)
    {
        byte[][] signatures = [[0xAD, 0xE2, 0xFF], [0xAD, 0xE5, 0xFF], [0xAD, 0xE5, 0x1F], [0xAD, 0xE7, 0x1F], [0x0C, 0xE7, 0x1F], [0x8D, 0xE7, 0xFF], [0x8D, 0xE7, 0x1F]];
        return Contains(rom, signatures);
    }

    private static bool Contains(ReadOnlySpan<byte> rom, byte[][] signatures)
    {
        foreach (var s in signatures)
        {
            if (rom.IndexOf(s) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private static int Count(ReadOnlySpan<byte> rom, ReadOnlySpan<byte> pattern)
    {
        int n = 0;
        for (int i = rom.IndexOf(pattern); i >= 0;)
        {
            n++;
            int next = rom[(i + 1)..].IndexOf(pattern);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return n;
    }
}
