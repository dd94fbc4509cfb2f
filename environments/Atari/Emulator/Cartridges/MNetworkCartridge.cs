namespace Jat.Environments.Atari.Emulator.Cartridges;

/// <summary>
/// M-Network E7, 16K: $1000-$17FF one of seven 2K ROM banks or (bank 7) 1K of RAM (write $1000-$13FF, read
/// $1400-$17FF); $1800-$19FF one of four 256-byte RAM banks (write $1800-$18FF, read $1900-$19FF); $1A00-$1FFF the
/// last ROM bank. Hotspots $1FE0-$1FE7 pick the low bank, $1FE8-$1FEB the RAM bank.
/// </summary>
internal sealed class MNetworkCartridge(byte[] rom) : Cartridge(rom)
{
    private readonly byte[] _ram = new byte[2048];
    private int _bank, _ramBank;

    public override string Scheme => "E7";

    public override Span<byte> Ram => _ram;

    public override void Reset()
    {
        _bank = 0;
        _ramBank = 0;
    }

    private void Touch(int a)
    {
        if (a >= 0xFE0 && a <= 0xFE7)
        {
            _bank = a & 7;
        }
        else if (a >= 0xFE8 && a <= 0xFEB)
        {
            _ramBank = a & 3;
        }
    }

    public override byte Read(ushort address)
    {
        int a = address & 0x0FFF;
        Touch(a);
        if (a < 0x800)
        {
            if (_bank != 7)
            {
                return Image[_bank * 2048 + a];
            }
            return _ram[a & 0x3FF];
        }
        if (a < 0xA00)
        {
            return _ram[1024 + _ramBank * 256 + (a & 0xFF)];
        }
        return Image[7 * 2048 + (a & 0x7FF)];
    }

    public override void Write(ushort address, byte value)
    {
        int a = address & 0x0FFF;
        Touch(a);
        if (a < 0x400 && _bank == 7)
        {
            _ram[a] = value;
        }
        else if (a >= 0x800 && a < 0x900)
        {
            _ram[1024 + _ramBank * 256 + (a & 0xFF)] = value;
        }
    }

    public override void CopyFrom(Cartridge other)
    {
        var o = (MNetworkCartridge)other;
        _bank = o._bank;
        _ramBank = o._ramBank;
        o._ram.CopyTo(_ram, 0);
    }
}
