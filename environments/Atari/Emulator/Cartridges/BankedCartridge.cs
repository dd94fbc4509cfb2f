namespace Jat.Environments.Atari.Emulator.Cartridges;

/// <summary>
/// Atari's own schemes, one 4K bank in view chosen by touching a hotspot near the top (2K, 4K, F8, F6, F4), with the
/// optional cartridge RAM of Superchip (SC: 128 bytes) and CBS RAM Plus (FA: 256 bytes, 12K): the RAM's write port
/// is its first half, the read port the second.
/// </summary>
internal sealed class BankedCartridge : Cartridge
{
    private readonly byte[] _rom;
    private readonly int _banks, _firstHotspot, _startBank, _ramSize;
    private readonly byte[] _ram;
    private int _bankOffset;

    public BankedCartridge(byte[] rom, string scheme, int firstHotspot, int startBank, int ramSize)
        : base(rom)
    {
        _rom = rom;
        Scheme = scheme;
        _banks = Math.Max(1, rom.Length / 4096);
        _firstHotspot = firstHotspot;
        _startBank = startBank;
        _ramSize = ramSize;
        _ram = new byte[ramSize];
        Reset();
    }

    public override string Scheme { get; }

    public override Span<byte> Ram => _ram;

    public override void Reset() => Select(_startBank * 4096);

    private void Touch(int a)
    {
        if (_banks > 1 && a >= _firstHotspot && a < _firstHotspot + _banks)
        {
            Select((a - _firstHotspot) * 4096);
        }
    }

    // The hotspots' page and the RAM's pages stay with Read; every other page is read from the image directly.
    private void Select(int bankOffset)
    {
        _bankOffset = bankOffset;
        for (int page = 0; page < 16; page++)
        {
            bool slow = (_banks > 1 && page == 15) || page * 256 < 2 * _ramSize;
            MapPage(page, slow ? -1 : _rom.Length == 2048 ? (page * 256) & 0x7FF : bankOffset + page * 256);
        }
    }

    public override byte Read(ushort address)
    {
        int a = address & 0x0FFF;
        Touch(a);
        if (_ramSize > 0 && a < 2 * _ramSize)
        {
            // A read of the write port is a write of whatever floats on the bus; ALE keeps the RAM byte.
            return _ram[a & (_ramSize - 1)];
        }
        return _rom.Length == 2048 ? _rom[a & 0x07FF] : _rom[_bankOffset + a];
    }

    public override void Write(ushort address, byte value)
    {
        int a = address & 0x0FFF;
        if (_ramSize > 0 && a < _ramSize)
        {
            _ram[a] = value;
            return;
        }
        // F4SC ignores hotspot writes (ALE); the others switch on any access.
        if (!(Scheme == "F4SC"))
        {
            Touch(a);
        }
    }

    public override void CopyFrom(Cartridge other)
    {
        var o = (BankedCartridge)other;
        Select(o._bankOffset);
        o._ram.CopyTo(_ram, 0);
    }
}
