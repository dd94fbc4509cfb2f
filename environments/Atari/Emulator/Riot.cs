namespace Jat.Environments.Atari.Emulator;

/// <summary>
/// The 6532 RIOT as ALE emulates it (atari-games.md §3.3): 128 bytes of RAM, the joystick and console-switch ports,
/// and the interval timer, computed from the cycle of the last timer write rather than ticked.
/// </summary>
internal sealed class Riot
{
    public readonly byte[] Ram = new byte[128];

    /// <summary>SWCHA as the controllers drive it (0 = pressed); SWCHB as the console switches set it.</summary>
    public byte PortA = 0xFF, PortB = 0x3F;

    private byte _ddrA;
    private int _timerValue = 25, _shift = 6;
    private long _writtenAt;
    private long _firstLateRead = -1;

    // ALE starts the timer at 25 + a draw mod 75 (atari-games.md §3.3); no trace ROM reads it before setting it, so
    // only the number of draws is confirmed.
    public void Reset(uint draw)
    {
        _ddrA = 0;
        _timerValue = 25 + (int)(draw % 75);
        _shift = 6;
        _writtenAt = 0;
        _firstLateRead = -1;
    }

    public void CopyFrom(Riot o)
    {
        o.Ram.CopyTo(Ram, 0);
        PortA = o.PortA; PortB = o.PortB; _ddrA = o._ddrA; _timerValue = o._timerValue; _shift = o._shift;
        _writtenAt = o._writtenAt; _firstLateRead = o._firstLateRead;
    }

    public byte Read(ushort address, long cycle)
    {
        switch (address & 0x07)
        {
            case 0: return PortA;
            case 1: return _ddrA;
            case 2: return PortB;
            case 3: return 0;
            case 4: case 6: return ReadTimer(cycle);
            default: return Expired(cycle) && _firstLateRead < 0 ? (byte)0x80 : (byte)0;
        }
    }

    public void Write(ushort address, byte value, long cycle)
    {
        if ((address & 0x14) == 0x14)
        {
            _timerValue = value;
            _shift = (address & 0x03) switch { 0 => 0, 1 => 3, 2 => 6, _ => 10 };
            _writtenAt = cycle;
            _firstLateRead = -1;
        }
        else if ((address & 0x14) == 0 && (address & 0x07) == 1)
        {
            _ddrA = value;
        }
    }

    private bool Expired(long cycle) => _timerValue - ((cycle - 1 - _writtenAt) >> _shift) - 1 < 0;

    private byte ReadTimer(long cycle)
    {
        long delta = cycle - 1 - _writtenAt;
        long t = _timerValue - (delta >> _shift) - 1;
        if (t >= 0)
        {
            return (byte)t;
        }
        if (_firstLateRead >= 0)
        {
            return (byte)(_timerValue - (delta >> _shift) - (_firstLateRead - (_writtenAt + ((long)_timerValue << _shift))));
        }
        long late = ((long)_timerValue << _shift) - delta - 1;
        if (late <= -2)
        {
            _firstLateRead = cycle;
            return (byte)(_timerValue - (delta >> _shift) - (_firstLateRead - (_writtenAt + ((long)_timerValue << _shift))));
        }
        return (byte)late;
    }
}
