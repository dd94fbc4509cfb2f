namespace Jat.Environments.Atari.Emulator.Cartridges;

/// <summary>Tigervision 3F: 2K banks; a write to $00-$3F selects the bank at $1000-$17FF, $1800 shows the last one.</summary>
internal sealed class TigervisionCartridge(byte[] rom) : Cartridge(rom)
{
    private readonly int _banks = rom.Length / 2048;
    private int _bank;

    public override string Scheme => "3F";

    public override bool WatchLow => true;

    public override void Reset() => _bank = 0;

    public override void WriteLow(ushort address, byte value)
    {
        if ((address & 0x1FFF) < 0x40)
        {
            _bank = value % _banks;
        }
    }

    public override byte Read(ushort address)
    {
        int a = address & 0x0FFF;
        return a < 0x800 ? Image[_bank * 2048 + a] : Image[(_banks - 1) * 2048 + (a & 0x7FF)];
    }

    public override void Write(ushort address, byte value)
    {
    }

    public override void CopyFrom(Cartridge other) => _bank = ((TigervisionCartridge)other)._bank;
}
