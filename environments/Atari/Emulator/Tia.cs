namespace Jat.Environments.Atari.Emulator;

/// <summary>
/// The TIA as ALE's Stella 3.x core presents it (atari-games.md §3.5): registers take effect at the colour clock of
/// the writing instruction's end plus a per-register delay, and the screen is drawn lazily up to that clock. Objects
/// are kept as columns 0-159; one ALE frame runs from a VSYNC release to the next (see <see cref="FrameEnded"/>).
/// </summary>
internal sealed class Tia
{
    public const int Width = 160, Height = 210, YStart = 34;
    private const int LineClocks = 228, HBlank = 68;

    private static readonly int[] PlayfieldDelay = [4, 5, 2, 3];

    // Copy offsets of NUSIZ bits 2-0 (players and missiles).
    private static readonly int[][] Copies =
    [
        [0], [0, 16], [0, 32], [0, 16, 32], [0, 64], [0], [0, 32, 64], [0],
    ];

    private static readonly int[] PlayerWidth = [1, 1, 1, 1, 1, 2, 1, 4];

    private byte[] _screen = new byte[Width * Height];
    private byte[] _previous = new byte[Width * Height];

    public ReadOnlySpan<byte> Screen => _screen;

    // Clocks are colour clocks since the machine's reset (3 per CPU cycle).
    private long _frameStart;
    private long _drawnTo;
    private long _vsyncOnAt = -1;
    private bool _vsync;

    public bool FrameEnded;

    private byte _vblank, _colup0, _colup1, _colupf, _colubk, _ctrlpf, _pf0, _pf1, _pf2;
    private byte _nusiz0, _nusiz1, _refp0, _refp1;
    private byte _grp0, _grp0Old, _grp1, _grp1Old;
    private bool _enam0, _enam1, _enabl, _enablOld, _vdelp0, _vdelp1, _vdelbl, _resmp0, _resmp1;
    private sbyte _hmp0, _hmp1, _hmm0, _hmm1, _hmbl;
    private int _p0, _p1, _m0, _m1, _bl;
    private ushort _collisions;
    private long _hmoveBarLine = -1;

    // The line in which each object's counter was last reset (P0, P1, M0, M1): there its first copy is not drawn,
    // because the TIA starts an object's first copy only when its counter wraps, one line later.
    private readonly long[] _resetLine = [-1, -1, -1, -1];
    private readonly int[] _oldFirst = [-1, -1, -1, -1];

    public bool Fire0Pressed, Fire1Pressed;

    public void Reset()
    {
        _frameStart = _drawnTo = 0;
        _vsyncOnAt = -1;
        _vsync = false;
        FrameEnded = false;
        _vblank = _colup0 = _colup1 = _colupf = _colubk = _ctrlpf = _pf0 = _pf1 = _pf2 = 0;
        _nusiz0 = _nusiz1 = _refp0 = _refp1 = _grp0 = _grp0Old = _grp1 = _grp1Old = 0;
        _enam0 = _enam1 = _enabl = _enablOld = _vdelp0 = _vdelp1 = _vdelbl = _resmp0 = _resmp1 = false;
        _hmp0 = _hmp1 = _hmm0 = _hmm1 = _hmbl = 0;
        _p0 = _p1 = _m0 = _m1 = _bl = 0;
        _collisions = 0;
        _hmoveBarLine = -1;
        _resetLine.AsSpan().Fill(-1);
        Array.Clear(_screen);
        Array.Clear(_previous);
    }

    public void CopyFrom(Tia o)
    {
        o._screen.CopyTo(_screen, 0);
        o._previous.CopyTo(_previous, 0);
        _frameStart = o._frameStart; _drawnTo = o._drawnTo; _vsyncOnAt = o._vsyncOnAt; _vsync = o._vsync; FrameEnded = o.FrameEnded;
        _vblank = o._vblank; _colup0 = o._colup0; _colup1 = o._colup1; _colupf = o._colupf; _colubk = o._colubk;
        _ctrlpf = o._ctrlpf; _pf0 = o._pf0; _pf1 = o._pf1; _pf2 = o._pf2;
        _nusiz0 = o._nusiz0; _nusiz1 = o._nusiz1; _refp0 = o._refp0; _refp1 = o._refp1;
        _grp0 = o._grp0; _grp0Old = o._grp0Old; _grp1 = o._grp1; _grp1Old = o._grp1Old;
        _enam0 = o._enam0; _enam1 = o._enam1; _enabl = o._enabl; _enablOld = o._enablOld;
        _vdelp0 = o._vdelp0; _vdelp1 = o._vdelp1; _vdelbl = o._vdelbl; _resmp0 = o._resmp0; _resmp1 = o._resmp1;
        _hmp0 = o._hmp0; _hmp1 = o._hmp1; _hmm0 = o._hmm0; _hmm1 = o._hmm1; _hmbl = o._hmbl;
        _p0 = o._p0; _p1 = o._p1; _m0 = o._m0; _m1 = o._m1; _bl = o._bl;
        _collisions = o._collisions; _hmoveBarLine = o._hmoveBarLine;
        o._resetLine.CopyTo(_resetLine, 0);
        o._oldFirst.CopyTo(_oldFirst, 0);
        Fire0Pressed = o.Fire0Pressed; Fire1Pressed = o.Fire1Pressed;
    }

    /// <summary>Starts a frame at <paramref name="clock"/>, kept aligned to the lines of the previous one.</summary>
    public void BeginFrame(long clock)
    {
        FrameEnded = false;
        _frameStart = clock - (clock - _frameStart) % LineClocks;
        _drawnTo = _frameStart;
        _resetLine.AsSpan().Fill(-1);
        (_screen, _previous) = (_previous, _screen);
    }

    public long FrameStartCycle => _frameStart / 3;

    public long FrameStartClock => _frameStart;

    /// <summary>CPU cycles the WSYNC strobe at <paramref name="cycle"/> stalls: up to the next line start.</summary>
    public int WsyncStall(long cycle)
    {
        int into = (int)((cycle - _frameStart / 3) % 76);
        return into == 0 ? 0 : 76 - into;
    }

    /// <summary>Greys the rest of a frame the CPU did not finish (ALE's partial-frame rule).</summary>
    public void GreyFromCurrentLine(long clock)
    {
        long line = (clock - _frameStart) / LineClocks - YStart;
        int from = (int)Math.Clamp(line, 0, Height) * Width;
        for (int i = from; i < _screen.Length; i++)
        {
            _screen[i] = (byte)((_screen[i] & 0x0F) >> 1);
        }
    }

    public byte Read(int register, byte dataBus)
    {
        int high = register & 0x0F;
        int c = _collisions;
        int bits = high switch
        {
            0x0 => (c & 0x0003) << 6,
            0x1 => (c & 0x000C) << 4,
            0x2 => (c & 0x0030) << 2,
            0x3 => c & 0x00C0,
            0x4 => (c & 0x0300) >> 2,
            0x5 => (c & 0x0C00) >> 4,
            0x6 => (c & 0x1000) >> 5,
            0x7 => (c & 0x6000) >> 7,
            0x8 or 0x9 or 0xA or 0xB => 0x80,
            0xC => Fire0Pressed ? 0 : 0x80,
            0xD => Fire1Pressed ? 0 : 0x80,
            _ => 0,
        };
        return (byte)(bits | (dataBus & 0x3F));
    }

    // Collision latches, two per read register (the higher one is its bit 7): 0 M0P0, 1 M0P1, 2 M1P1, 3 M1P0,
    // 4 P0BL, 5 P0PF, 6 P1BL, 7 P1PF, 8 M0BL, 9 M0PF, 10 M1BL, 11 M1PF, 12 BLPF, 13 M0M1, 14 P0P1.

    public void Write(int register, byte value, long clock)
    {
        if (clock - _frameStart > 290L * LineClocks)
        {
            FrameEnded = true;
        }
        long h = (clock - _frameStart) % LineClocks;
        switch (register & 0x3F)
        {
            case 0x00:
                CatchUp(clock);
                if ((value & 0x02) != 0)
                {
                    if (!_vsync)
                    {
                        _vsyncOnAt = clock;
                    }
                    _vsync = true;
                }
                else
                {
                    if (_vsync && clock - _vsyncOnAt >= LineClocks)
                    {
                        FrameEnded = true;
                    }
                    _vsync = false;
                }
                break;
            case 0x01: CatchUp(clock + 1); _vblank = value; break;
            case 0x02: case 0x03: CatchUp(clock); break;
            case 0x04: CatchUp(clock + 8); _nusiz0 = value; break;
            case 0x05: CatchUp(clock + 8); _nusiz1 = value; break;
            case 0x06: CatchUp(clock); _colup0 = (byte)(value & 0xFE); break;
            case 0x07: CatchUp(clock); _colup1 = (byte)(value & 0xFE); break;
            case 0x08: CatchUp(clock); _colupf = (byte)(value & 0xFE); break;
            case 0x09: CatchUp(clock); _colubk = (byte)(value & 0xFE); break;
            case 0x0A: CatchUp(clock); _ctrlpf = value; break;
            case 0x0B: CatchUp(clock + 1); _refp0 = value; break;
            case 0x0C: CatchUp(clock + 1); _refp1 = value; break;
            case 0x0D: CatchUp(clock + PlayfieldDelay[(int)(h / 3 % 4)]); _pf0 = value; break;
            case 0x0E: CatchUp(clock + PlayfieldDelay[(int)(h / 3 % 4)]); _pf1 = value; break;
            case 0x0F: CatchUp(clock + PlayfieldDelay[(int)(h / 3 % 4)]); _pf2 = value; break;
            case 0x10: CatchUp(clock); Strobe(0, _p0, clock, 5); _p0 = h < HBlank ? 3 : (int)((h - HBlank + 5) % Width); break;
            case 0x11: CatchUp(clock); Strobe(1, _p1, clock, 5); _p1 = h < HBlank ? 3 : (int)((h - HBlank + 5) % Width); break;
            case 0x12: CatchUp(clock + 8); Strobe(2, _m0, clock + 8, 4); _m0 = h < HBlank ? 2 : (int)((h - HBlank + 4) % Width); break;
            case 0x13: CatchUp(clock + 8); Strobe(3, _m1, clock + 8, 4); _m1 = h < HBlank ? 2 : (int)((h - HBlank + 4) % Width); break;
            case 0x14: CatchUp(clock); _bl = h < HBlank ? 2 : (int)((h - HBlank + 4) % Width); break;
            case 0x1B: CatchUp(clock + 1); _grp0 = value; _grp1Old = _grp1; break;
            case 0x1C: CatchUp(clock + 1); _grp1 = value; _grp0Old = _grp0; _enablOld = _enabl; break;
            case 0x1D: CatchUp(clock); _enam0 = (value & 0x02) != 0; break;
            case 0x1E: CatchUp(clock); _enam1 = (value & 0x02) != 0; break;
            case 0x1F: CatchUp(clock); _enabl = (value & 0x02) != 0; break;
            case 0x20: CatchUp(clock); _hmp0 = (sbyte)((sbyte)value >> 4); break;
            case 0x21: CatchUp(clock); _hmp1 = (sbyte)((sbyte)value >> 4); break;
            case 0x22: CatchUp(clock); _hmm0 = (sbyte)((sbyte)value >> 4); break;
            case 0x23: CatchUp(clock); _hmm1 = (sbyte)((sbyte)value >> 4); break;
            case 0x24: CatchUp(clock); _hmbl = (sbyte)((sbyte)value >> 4); break;
            case 0x25: CatchUp(clock); _vdelp0 = (value & 1) != 0; break;
            case 0x26: CatchUp(clock); _vdelp1 = (value & 1) != 0; break;
            case 0x27: CatchUp(clock); _vdelbl = (value & 1) != 0; break;
            case 0x28: CatchUp(clock); ResetMissileToPlayer(ref _resmp0, value, ref _m0, _p0, _nusiz0); break;
            case 0x29: CatchUp(clock); ResetMissileToPlayer(ref _resmp1, value, ref _m1, _p1, _nusiz1); break;
            case 0x2A: CatchUp(clock); Hmove(clock, h); break;
            case 0x2B: CatchUp(clock); _hmp0 = _hmp1 = _hmm0 = _hmm1 = _hmbl = 0; break;
            case 0x2C: CatchUp(clock); _collisions = 0; break;
            default: break; // audio and unused registers
        }
    }

    private long Line(long clock) => (clock - _frameStart) / LineClocks;

    // Remembers, for the line of a reset strobe, whether the old first copy had already started (its start decodes
    // `delay` clocks before it shows; a copy at the left edge started on the line before).
    private void Strobe(int k, int oldPosition, long clock, int delay)
    {
        _resetLine[k] = Line(clock);
        int strobeX = (int)((clock - _frameStart) % LineClocks) - HBlank;
        int start = oldPosition - delay < 0 ? -1000 : oldPosition - delay;
        _oldFirst[k] = strobeX < 0 && start < strobeX ? oldPosition : -1;
    }

    private static void ResetMissileToPlayer(ref bool locked, byte value, ref int missile, int player, byte nusiz)
    {
        bool now = (value & 0x02) != 0;
        if (locked && !now)
        {
            int offset = (nusiz & 7) switch { 5 => 8, 7 => 16, _ => 4 };
            missile = (player + offset) % Width;
        }
        locked = now;
    }

    private void Hmove(long clock, long h)
    {
        int cycle = (int)(h / 3);
        long line = (clock - _frameStart) / LineClocks;
        if (cycle <= 20)
        {
            _hmoveBarLine = line;
        }
        else if (cycle >= 75)
        {
            _hmoveBarLine = line + 1;
        }
        if (cycle <= 3 || cycle >= 75)
        {
            _p0 = Move(_p0, _hmp0);
            _p1 = Move(_p1, _hmp1);
            _m0 = Move(_m0, _hmm0);
            _m1 = Move(_m1, _hmm1);
            _bl = Move(_bl, _hmbl);
        }
    }

    private static int Move(int position, int motion) => ((position - motion) % Width + Width) % Width;

    /// <summary>Draws every pixel up to (not including) colour clock <paramref name="clock"/>.</summary>
    public void CatchUp(long clock)
    {
        long first = _frameStart + (long)YStart * LineClocks;
        long last = first + (long)Height * LineClocks;
        long from = Math.Max(_drawnTo, first);
        long to = Math.Min(clock, last);
        if (clock > _drawnTo)
        {
            _drawnTo = clock;
        }
        for (long c = from; c < to;)
        {
            long offset = c - _frameStart;
            long lineInFrame = offset / LineClocks;
            int h = (int)(offset % LineClocks);
            long lineEnd = c - h + LineClocks;
            long stop = Math.Min(lineEnd, to);
            if (h < HBlank)
            {
                c += HBlank - h;
                continue;
            }
            int row = (int)(lineInFrame - YStart);
            DrawSpan(row, h - HBlank, (int)(stop - c) + h - HBlank, lineInFrame);
            c = stop;
        }
    }

    private void DrawSpan(int row, int x0, int x1, long line)
    {
        bool hmoveBar = line == _hmoveBarLine;
        bool fresh0 = _resetLine[0] == line, fresh1 = _resetLine[1] == line, fresh2 = _resetLine[2] == line, fresh3 = _resetLine[3] == line;
        int rowStart = row * Width;
        bool blank = (_vblank & 0x02) != 0;
        byte g0 = _vdelp0 ? _grp0Old : _grp0, g1 = _vdelp1 ? _grp1Old : _grp1;
        bool ball = _vdelbl ? _enablOld : _enabl;
        int pfBits = _pf0 >> 4 | Reverse(_pf1) << 4 | _pf2 << 12;
        bool reflect = (_ctrlpf & 1) != 0, score = (_ctrlpf & 2) != 0, priority = (_ctrlpf & 4) != 0;
        int ballWidth = 1 << ((_ctrlpf >> 4) & 3);
        for (int x = x0; x < x1; x++)
        {
            if (blank)
            {
                _screen[rowStart + x] = 0;
                continue;
            }
            int cell = x >> 2;
            bool pf = x < 80 ? (pfBits >> cell & 1) != 0 : (pfBits >> (reflect ? 39 - cell : cell - 20) & 1) != 0;
            bool p0 = PlayerPixel(x, _p0, _nusiz0, _refp0, g0, fresh0)
                || (fresh0 && _oldFirst[0] >= 0 && FirstCopyPixel(x, _oldFirst[0], _nusiz0, _refp0, g0));
            bool p1 = PlayerPixel(x, _p1, _nusiz1, _refp1, g1, fresh1)
                || (fresh1 && _oldFirst[1] >= 0 && FirstCopyPixel(x, _oldFirst[1], _nusiz1, _refp1, g1));
            bool m0 = _enam0 && !_resmp0 && (MissilePixel(x, _m0, _nusiz0, fresh2)
                || (fresh2 && _oldFirst[2] >= 0 && Wrap(x - _oldFirst[2]) < 1 << ((_nusiz0 >> 4) & 3)));
            bool m1 = _enam1 && !_resmp1 && (MissilePixel(x, _m1, _nusiz1, fresh3)
                || (fresh3 && _oldFirst[3] >= 0 && Wrap(x - _oldFirst[3]) < 1 << ((_nusiz1 >> 4) & 3)));
            bool bl = ball && Wrap(x - _bl) < ballWidth;
            int hit = 0;
            if (m0 && p1) hit |= 1 << 1;
            if (m0 && p0) hit |= 1 << 0;
            if (m1 && p0) hit |= 1 << 3;
            if (m1 && p1) hit |= 1 << 2;
            if (p0 && pf) hit |= 1 << 5;
            if (p0 && bl) hit |= 1 << 4;
            if (p1 && pf) hit |= 1 << 7;
            if (p1 && bl) hit |= 1 << 6;
            if (m0 && pf) hit |= 1 << 9;
            if (m0 && bl) hit |= 1 << 8;
            if (m1 && pf) hit |= 1 << 11;
            if (m1 && bl) hit |= 1 << 10;
            if (bl && pf) hit |= 1 << 12;
            if (m0 && m1) hit |= 1 << 13;
            if (p0 && p1) hit |= 1 << 14;
            _collisions |= (ushort)hit;
            byte pfColour = score ? (x < 80 ? _colup0 : _colup1) : _colupf;
            byte colour;
            if (priority)
            {
                colour = pf ? pfColour : bl ? _colupf : p0 || m0 ? _colup0 : p1 || m1 ? _colup1 : _colubk;
            }
            else
            {
                colour = p0 || m0 ? _colup0 : p1 || m1 ? _colup1 : pf ? pfColour : bl ? _colupf : _colubk;
            }
            _screen[rowStart + x] = hmoveBar && x < 8 ? (byte)0 : colour;
        }
    }

    private static int Wrap(int d) => d < 0 ? d + Width : d >= Width ? d - Width : d;

    private static int Reverse(byte b)
    {
        int r = 0;
        for (int i = 0; i < 8; i++)
        {
            r |= (b >> i & 1) << (7 - i);
        }
        return r;
    }

    private static bool PlayerPixel(int x, int position, byte nusiz, byte refp, byte graphics, bool skipFirst)
    {
        if (graphics == 0)
        {
            return false;
        }
        int mode = nusiz & 7, width = PlayerWidth[mode];
        foreach (int copy in Copies[mode])
        {
            if (skipFirst && copy == 0)
            {
                continue;
            }
            // Stretched players start one clock late (the TIA's extra delay for double and quad width).
            int d = Wrap(Wrap(x - position - (width > 1 ? 1 : 0)) - copy);
            if (d < 8 * width)
            {
                int bit = d / width;
                return (graphics >> ((refp & 0x08) != 0 ? bit : 7 - bit) & 1) != 0;
            }
        }
        return false;
    }

    private static bool FirstCopyPixel(int x, int position, byte nusiz, byte refp, byte graphics)
    {
        int width = PlayerWidth[nusiz & 7];
        int d = Wrap(x - position - (width > 1 ? 1 : 0));
        if (d >= 8 * width)
        {
            return false;
        }
        int bit = d / width;
        return (graphics >> ((refp & 0x08) != 0 ? bit : 7 - bit) & 1) != 0;
    }

    private static bool MissilePixel(int x, int position, byte nusiz, bool skipFirst)
    {
        int width = 1 << ((nusiz >> 4) & 3);
        foreach (int copy in Copies[nusiz & 7])
        {
            if (skipFirst && copy == 0)
            {
                continue;
            }
            if (Wrap(Wrap(x - position) - copy) < width)
            {
                return true;
            }
        }
        return false;
    }
}
