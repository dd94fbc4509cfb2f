namespace Jat.Environments.Atari.Emulator.Cartridges;

/// <summary>Activision FE, 8K, as ALE models it: A13 of the CPU's address picks the bank ($Dxxx second 4K, $Fxxx first).</summary>
internal sealed class ActivisionCartridge : Cartridge
{
    private readonly byte[] _rom;

    public ActivisionCartridge(byte[] rom)
        : base(rom)
    {
        _rom = rom;
        for (int page = 0; page < 16; page++)
        {
            ReadMap[page] = 4096 + page * 256;
            ReadMap[page + 16] = page * 256;
        }
    }

    public override string Scheme => "FE";

    public override void Reset()
    {
    }

    public override byte Read(ushort address) => _rom[((address & 0x2000) != 0 ? 0 : 4096) + (address & 0x0FFF)];

    public override void Write(ushort address, byte value)
    {
    }

    public override void CopyFrom(Cartridge other)
    {
    }
}
