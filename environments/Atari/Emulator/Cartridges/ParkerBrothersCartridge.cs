namespace Jat.Environments.Atari.Emulator.Cartridges;

/// <summary>Parker Brothers E0: 8 slices of 1K; segments 0-2 chosen by $1FE0-$1FF7, segment 3 fixed on slice 7.</summary>
internal sealed class ParkerBrothersCartridge(byte[] rom) : Cartridge(rom)
{
    private readonly int[] _slice = new int[4];

    public override string Scheme => "E0";

    public override void Reset()
    {
        _slice[0] = 4; _slice[1] = 5; _slice[2] = 6; _slice[3] = 7;
        MapPages();
    }

    private void Touch(int a)
    {
        if (a >= 0xFE0 && a < 0xFF8)
        {
            _slice[(a - 0xFE0) >> 3] = a & 7;
            MapPages();
        }
    }

    // Page $F holds the hotspots and stays with Read.
    private void MapPages()
    {
        for (int page = 0; page < 16; page++)
        {
            MapPage(page, page == 15 ? -1 : _slice[page >> 2] * 1024 + (page & 3) * 256);
        }
    }

    public override byte Read(ushort address)
    {
        int a = address & 0x0FFF;
        Touch(a);
        return Image[_slice[a >> 10] * 1024 + (a & 0x3FF)];
    }

    public override void Write(ushort address, byte value) => Touch(address & 0x0FFF);

    public override void CopyFrom(Cartridge other)
    {
        ((ParkerBrothersCartridge)other)._slice.CopyTo(_slice, 0);
        MapPages();
    }
}
