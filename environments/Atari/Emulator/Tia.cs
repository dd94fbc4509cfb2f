using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Jat.Environments.Atari.Emulator;

/// <summary>
/// The TIA as ALE's Stella 3.x core presents it (atari-games.md §3.5): registers take effect at the colour clock of
/// the writing instruction's end plus a per-register delay, and the screen is drawn lazily up to that clock. Objects
/// are kept as columns 0-159; one ALE frame runs from a VSYNC release to the next (see <see cref="FrameEnded"/>).
/// For speed each object's columns on the current line are kept in one byte per column (<c>_objects</c>), rebuilt
/// only when a register of that object changes, so drawing a span is a table look-up per pixel.
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
    private long _drawnTo, _committed;
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
    // ALE's HMOVE bar is a request: it blanks the first 8 pixels of the first line of its window (rows 0-209, VBLANK
    // or not) whose left edge comes at or after _barFrom, even a frame later (seen in the game trace: an HMOVE in the
    // vertical blank bars row 0 when VBLANK is off there). _barClock is the clock of the line start it landed on.
    private long _barFrom = -1, _barClock = -1;

    // The line in which each object's counter was last reset (P0, P1, M0, M1): there its first copy is not drawn,
    // because the TIA starts an object's first copy only when its counter wraps, one line later.
    private readonly long[] _resetLine = [-1, -1, -1, -1];
    private readonly int[] _oldFirst = [-1, -1, -1, -1];

    // Per column of the line: which objects draw there (Bit* below); which objects need rebuilding; whether each of
    // P0, P1, M0, M1 was built for its reset-strobe line; the object combinations drawn since the latches were read.
    private readonly byte[] _objects = new byte[Width];
    private int _dirty = AllObjects;
    private readonly bool[] _builtFresh = new bool[4];
    private ulong _seen;

    private const int AllObjects = 0x3F;

    public bool Fire0Pressed, Fire1Pressed;

    public void Reset()
    {
        _frameStart = _drawnTo = _committed = 0;
        _vsyncOnAt = -1;
        _vsync = false;
        FrameEnded = false;
        _vblank = _colup0 = _colup1 = _colupf = _colubk = _ctrlpf = _pf0 = _pf1 = _pf2 = 0;
        _nusiz0 = _nusiz1 = _refp0 = _refp1 = _grp0 = _grp0Old = _grp1 = _grp1Old = 0;
        _enam0 = _enam1 = _enabl = _enablOld = _vdelp0 = _vdelp1 = _vdelbl = _resmp0 = _resmp1 = false;
        _hmp0 = _hmp1 = _hmm0 = _hmm1 = _hmbl = 0;
        _p0 = _p1 = _m0 = _m1 = _bl = 0;
        _collisions = 0;
        _seen = 0;
        _barFrom = _barClock = -1;
        _resetLine.AsSpan().Fill(-1);
        _dirty = AllObjects;
        Array.Clear(_screen);
        Array.Clear(_previous);
    }

    public void CopyFrom(Tia o)
    {
        o._screen.CopyTo(_screen, 0);
        o._previous.CopyTo(_previous, 0);
        _frameStart = o._frameStart; _drawnTo = o._drawnTo; _committed = o._committed; _vsyncOnAt = o._vsyncOnAt; _vsync = o._vsync;
        FrameEnded = o.FrameEnded;
        _vblank = o._vblank; _colup0 = o._colup0; _colup1 = o._colup1; _colupf = o._colupf; _colubk = o._colubk;
        _ctrlpf = o._ctrlpf; _pf0 = o._pf0; _pf1 = o._pf1; _pf2 = o._pf2;
        _nusiz0 = o._nusiz0; _nusiz1 = o._nusiz1; _refp0 = o._refp0; _refp1 = o._refp1;
        _grp0 = o._grp0; _grp0Old = o._grp0Old; _grp1 = o._grp1; _grp1Old = o._grp1Old;
        _enam0 = o._enam0; _enam1 = o._enam1; _enabl = o._enabl; _enablOld = o._enablOld;
        _vdelp0 = o._vdelp0; _vdelp1 = o._vdelp1; _vdelbl = o._vdelbl; _resmp0 = o._resmp0; _resmp1 = o._resmp1;
        _hmp0 = o._hmp0; _hmp1 = o._hmp1; _hmm0 = o._hmm0; _hmm1 = o._hmm1; _hmbl = o._hmbl;
        _p0 = o._p0; _p1 = o._p1; _m0 = o._m0; _m1 = o._m1; _bl = o._bl;
        _collisions = o._collisions; _seen = o._seen; _barFrom = o._barFrom; _barClock = o._barClock;
        o._resetLine.CopyTo(_resetLine, 0);
        o._oldFirst.CopyTo(_oldFirst, 0);
        _dirty = AllObjects;
        Fire0Pressed = o.Fire0Pressed; Fire1Pressed = o.Fire1Pressed;
    }

    /// <summary>Starts a frame at <paramref name="clock"/>, kept aligned to the lines of the previous one.</summary>
    public void BeginFrame(long clock)
    {
        FrameEnded = false;
        _frameStart = clock - (clock - _frameStart) % LineClocks;
        _drawnTo = _committed = _frameStart;
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
        int bits;
        if (high < 8)
        {
            int c = Collisions();
            bits = high switch
            {
                0x0 => (c & 0x0003) << 6,
                0x1 => (c & 0x000C) << 4,
                0x2 => (c & 0x0030) << 2,
                0x3 => c & 0x00C0,
                0x4 => (c & 0x0300) >> 2,
                0x5 => (c & 0x0C00) >> 4,
                0x6 => (c & 0x1000) >> 5,
                _ => (c & 0x6000) >> 7,
            };
        }
        else
        {
            bits = high switch
            {
                0x8 or 0x9 or 0xA or 0xB => 0x80,
                0xC => Fire0Pressed ? 0 : 0x80,
                0xD => Fire1Pressed ? 0 : 0x80,
                _ => 0,
            };
        }
        return (byte)(bits | (dataBus & 0x3F));
    }

    // Collision latches, two per read register (the higher one is its bit 7): 0 M0P0, 1 M0P1, 2 M1P1, 3 M1P0,
    // 4 P0BL, 5 P0PF, 6 P1BL, 7 P1PF, 8 M0BL, 9 M0PF, 10 M1BL, 11 M1PF, 12 BLPF, 13 M0M1, 14 P0P1.

    // Draws up to `clock` with the old state, then lets the caller change the objects in `dirty`.
    private void Change(long clock, int dirty)
    {
        Commit(clock);
        Flush();
        _dirty |= dirty;
    }

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
                Commit(clock);
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
            case 0x01:
                if (((value ^ _vblank) & 0x02) != 0) Change(clock + 1, 0); else Commit(clock + 1);
                _vblank = value;
                break;
            case 0x02: case 0x03: Commit(clock); break;
            case 0x04: if (value != _nusiz0) { Change(clock + 8, BitP0 | BitM0); _nusiz0 = value; } else Commit(clock + 8); break;
            case 0x05: if (value != _nusiz1) { Change(clock + 8, BitP1 | BitM1); _nusiz1 = value; } else Commit(clock + 8); break;
            case 0x06: SetColour(ref _colup0, value, clock); break;
            case 0x07: SetColour(ref _colup1, value, clock); break;
            case 0x08: SetColour(ref _colupf, value, clock); break;
            case 0x09: SetColour(ref _colubk, value, clock); break;
            case 0x0A:
                if (value != _ctrlpf)
                {
                    Change(clock, ((value ^ _ctrlpf) & 0x31) != 0 ? BitBall | BitPlayfield : 0);
                    _ctrlpf = value;
                }
                else
                {
                    Commit(clock);
                }
                break;
            case 0x0B: if (((value ^ _refp0) & 0x08) != 0) Change(clock + 1, BitP0); else Commit(clock + 1); _refp0 = value; break;
            case 0x0C: if (((value ^ _refp1) & 0x08) != 0) Change(clock + 1, BitP1); else Commit(clock + 1); _refp1 = value; break;
            case 0x0D: SetPlayfield(ref _pf0, value, clock + PlayfieldDelay[(int)(h / 3 % 4)]); break;
            case 0x0E: SetPlayfield(ref _pf1, value, clock + PlayfieldDelay[(int)(h / 3 % 4)]); break;
            case 0x0F: SetPlayfield(ref _pf2, value, clock + PlayfieldDelay[(int)(h / 3 % 4)]); break;
            case 0x10: Change(clock, BitP0); Strobe(0, _p0, clock, 5); _p0 = h < HBlank ? 3 : (int)((h - HBlank + 5) % Width); break;
            case 0x11: Change(clock, BitP1); Strobe(1, _p1, clock, 5); _p1 = h < HBlank ? 3 : (int)((h - HBlank + 5) % Width); break;
            case 0x12: Change(clock + 8, BitM0); Strobe(2, _m0, clock + 8, 4); _m0 = h < HBlank ? 2 : (int)((h - HBlank + 4) % Width); break;
            case 0x13: Change(clock + 8, BitM1); Strobe(3, _m1, clock + 8, 4); _m1 = h < HBlank ? 2 : (int)((h - HBlank + 4) % Width); break;
            case 0x14: Change(clock, BitBall); _bl = h < HBlank ? 2 : (int)((h - HBlank + 4) % Width); break;
            case 0x1B:
                if (value != _grp0 || _grp1Old != _grp1)
                {
                    Change(clock + 1, BitP0 | BitP1);
                    _grp0 = value;
                    _grp1Old = _grp1;
                }
                else
                {
                    Commit(clock + 1);
                }
                break;
            case 0x1C:
                if (value != _grp1 || _grp0Old != _grp0 || _enablOld != _enabl)
                {
                    Change(clock + 1, BitP0 | BitP1 | BitBall);
                    _grp1 = value;
                    _grp0Old = _grp0;
                    _enablOld = _enabl;
                }
                else
                {
                    Commit(clock + 1);
                }
                break;
            case 0x1D: SetFlag(ref _enam0, (value & 0x02) != 0, clock, BitM0); break;
            case 0x1E: SetFlag(ref _enam1, (value & 0x02) != 0, clock, BitM1); break;
            case 0x1F: SetFlag(ref _enabl, (value & 0x02) != 0, clock, BitBall); break;
            case 0x20: Commit(clock); _hmp0 = (sbyte)((sbyte)value >> 4); break;
            case 0x21: Commit(clock); _hmp1 = (sbyte)((sbyte)value >> 4); break;
            case 0x22: Commit(clock); _hmm0 = (sbyte)((sbyte)value >> 4); break;
            case 0x23: Commit(clock); _hmm1 = (sbyte)((sbyte)value >> 4); break;
            case 0x24: Commit(clock); _hmbl = (sbyte)((sbyte)value >> 4); break;
            case 0x25: SetFlag(ref _vdelp0, (value & 1) != 0, clock, BitP0); break;
            case 0x26: SetFlag(ref _vdelp1, (value & 1) != 0, clock, BitP1); break;
            case 0x27: SetFlag(ref _vdelbl, (value & 1) != 0, clock, BitBall); break;
            case 0x28: Change(clock, BitM0); ResetMissileToPlayer(ref _resmp0, value, ref _m0, _p0, _nusiz0); break;
            case 0x29: Change(clock, BitM1); ResetMissileToPlayer(ref _resmp1, value, ref _m1, _p1, _nusiz1); break;
            case 0x2A: Change(clock, AllObjects & ~BitPlayfield); Hmove(clock, h); break;
            case 0x2B: Commit(clock); _hmp0 = _hmp1 = _hmm0 = _hmm1 = _hmbl = 0; break;
            case 0x2C: Change(clock, 0); _collisions = 0; _seen = 0; break;
            default: break; // audio and unused registers
        }
    }

    private void SetColour(ref byte register, byte value, long clock)
    {
        byte colour = (byte)(value & 0xFE);
        if (colour != register)
        {
            Change(clock, 0);
            register = colour;
        }
        else
        {
            Commit(clock);
        }
    }

    private void SetPlayfield(ref byte register, byte value, long clock)
    {
        if (value != register)
        {
            Change(clock, BitPlayfield);
            register = value;
        }
        else
        {
            Commit(clock);
        }
    }

    private void SetFlag(ref bool flag, bool on, long clock, int dirty)
    {
        if (on != flag)
        {
            Change(clock, dirty);
            flag = on;
        }
        else
        {
            Commit(clock);
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
        long lineStart = _frameStart + line * LineClocks;
        if (cycle <= 20)
        {
            _barFrom = lineStart;
        }
        else if (cycle >= 75)
        {
            _barFrom = lineStart + LineClocks;
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
        Commit(clock);
        Flush();
    }

    // A write fixes the pixels before its clock (plus the register's delay) to the state before it. Drawing them can
    // wait until the state really changes, so a write that changes nothing only moves this mark.
    private void Commit(long clock)
    {
        if (clock > _committed)
        {
            _committed = clock;
        }
    }

    private void Flush()
    {
        long target = _committed;
        if (target <= _drawnTo)
        {
            return;
        }
        long first = _frameStart + (long)YStart * LineClocks;
        long last = first + (long)Height * LineClocks;
        long from = Math.Max(_drawnTo, first);
        long to = Math.Min(target, last);
        _drawnTo = target;
        for (long c = from; c < to;)
        {
            long offset = c - _frameStart;
            long lineInFrame = offset / LineClocks;
            int h = (int)(offset - lineInFrame * LineClocks);
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
        int rowStart = row * Width;
        if (x0 < 8 && _barFrom >= 0)
        {
            long lineStart = _frameStart + line * LineClocks;
            if (lineStart >= _barFrom)
            {
                _barClock = lineStart;
                _barFrom = -1;
            }
        }
        if ((_vblank & 0x02) != 0)
        {
            _screen.AsSpan(rowStart + x0, x1 - x0).Clear();
            return;
        }
        int dirty = _dirty;
        for (int k = 0; k < 4; k++)
        {
            if ((_resetLine[k] == line) != _builtFresh[k])
            {
                dirty |= 1 << k;
            }
        }
        if (dirty != 0)
        {
            Rebuild(dirty, line);
        }
        ref byte screen = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_screen), rowStart);
        ref byte objects = ref MemoryMarshal.GetArrayDataReference(_objects);
        ref byte select = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ColourSelect), ((_ctrlpf >> 1) & 3) * 128);
        uint colours = (uint)(_colubk | _colupf << 8 | _colup0 << 16 | _colup1 << 24);
        ulong seen = 0;
        int split = Math.Clamp(80, x0, x1);
        for (int x = x0; x < split; x++)
        {
            int o = Unsafe.Add(ref objects, x);
            seen |= 1UL << o;
            Unsafe.Add(ref screen, x) = (byte)(colours >> Unsafe.Add(ref select, o));
        }
        select = ref Unsafe.Add(ref select, 64);
        for (int x = split; x < x1; x++)
        {
            int o = Unsafe.Add(ref objects, x);
            seen |= 1UL << o;
            Unsafe.Add(ref screen, x) = (byte)(colours >> Unsafe.Add(ref select, o));
        }
        _seen |= seen;
        if (x0 < 8 && _frameStart + line * LineClocks == _barClock)
        {
            _screen.AsSpan(rowStart + x0, Math.Min(8, x1) - x0).Clear();
        }
    }

    // Object bits of a column in _objects.
    private const int BitP0 = 1, BitP1 = 2, BitM0 = 4, BitM1 = 8, BitBall = 16, BitPlayfield = 32;

    // Recomputes the columns of the objects whose registers changed (or whose reset-strobe line began or ended).
    private void Rebuild(int dirty, long line)
    {
        _dirty = 0;
        if ((dirty & BitP0) != 0)
        {
            bool fresh = _builtFresh[0] = _resetLine[0] == line;
            BuildPlayer(BitP0, _p0, _nusiz0, _refp0, _vdelp0 ? _grp0Old : _grp0, fresh, _oldFirst[0]);
        }
        if ((dirty & BitP1) != 0)
        {
            bool fresh = _builtFresh[1] = _resetLine[1] == line;
            BuildPlayer(BitP1, _p1, _nusiz1, _refp1, _vdelp1 ? _grp1Old : _grp1, fresh, _oldFirst[1]);
        }
        if ((dirty & BitM0) != 0)
        {
            bool fresh = _builtFresh[2] = _resetLine[2] == line;
            BuildMissile(BitM0, _enam0 && !_resmp0, _m0, _nusiz0, fresh, _oldFirst[2]);
        }
        if ((dirty & BitM1) != 0)
        {
            bool fresh = _builtFresh[3] = _resetLine[3] == line;
            BuildMissile(BitM1, _enam1 && !_resmp1, _m1, _nusiz1, fresh, _oldFirst[3]);
        }
        if ((dirty & BitBall) != 0)
        {
            ClearBit(BitBall);
            if (_vdelbl ? _enablOld : _enabl)
            {
                Paint(BitBall, _bl, 1 << ((_ctrlpf >> 4) & 3));
            }
        }
        if ((dirty & BitPlayfield) != 0)
        {
            BuildPlayfield();
        }
    }

    private void ClearBit(int bit)
    {
        ref byte objects = ref MemoryMarshal.GetArrayDataReference(_objects);
        var keep = Vector128.Create((byte)~bit);
        for (int i = 0; i < Width; i += 16)
        {
            (Vector128.LoadUnsafe(ref objects, (nuint)i) & keep).StoreUnsafe(ref objects, (nuint)i);
        }
    }

    // Sets `bit` in `count` columns from `x`, wrapping at the right edge.
    private void Paint(int bit, int x, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int c = x + i;
            _objects[c >= Width ? c - Width : c] |= (byte)bit;
        }
    }

    private void BuildPlayer(int bit, int position, byte nusiz, byte refp, byte graphics, bool fresh, int oldFirst)
    {
        ClearBit(bit);
        if (graphics == 0)
        {
            return;
        }
        int mode = nusiz & 7, width = PlayerWidth[mode];
        // Stretched players start one clock late (the TIA's extra delay for double and quad width).
        int start = position + (width > 1 ? 1 : 0);
        bool reflect = (refp & 0x08) != 0;
        foreach (int copy in Copies[mode])
        {
            if (!(fresh && copy == 0))
            {
                PaintPlayer(bit, start + copy, width, graphics, reflect);
            }
        }
        if (fresh && oldFirst >= 0)
        {
            PaintPlayer(bit, oldFirst + (width > 1 ? 1 : 0), width, graphics, reflect);
        }
    }

    private void PaintPlayer(int bit, int x, int width, byte graphics, bool reflect)
    {
        for (int j = 0; j < 8; j++)
        {
            if ((graphics >> (reflect ? j : 7 - j) & 1) != 0)
            {
                Paint(bit, (x + j * width) % Width, width);
            }
        }
    }

    private void BuildMissile(int bit, bool shown, int position, byte nusiz, bool fresh, int oldFirst)
    {
        ClearBit(bit);
        if (!shown)
        {
            return;
        }
        int width = 1 << ((nusiz >> 4) & 3);
        foreach (int copy in Copies[nusiz & 7])
        {
            if (!(fresh && copy == 0))
            {
                Paint(bit, (position + copy) % Width, width);
            }
        }
        if (fresh && oldFirst >= 0)
        {
            Paint(bit, oldFirst, width);
        }
    }

    private void BuildPlayfield()
    {
        int bits = _pf0 >> 4 | Reverse(_pf1) << 4 | _pf2 << 12;
        bool reflect = (_ctrlpf & 1) != 0;
        ref byte objects = ref MemoryMarshal.GetArrayDataReference(_objects);
        const uint Four = 0x01010101u * BitPlayfield;
        for (int cell = 0; cell < 40; cell++)
        {
            int source = cell < 20 ? cell : reflect ? 39 - cell : cell - 20;
            ref byte at = ref Unsafe.Add(ref objects, cell * 4);
            uint v = Unsafe.ReadUnaligned<uint>(ref at) & ~Four;
            Unsafe.WriteUnaligned(ref at, (bits >> source & 1) != 0 ? v | Four : v);
        }
    }

    // Which colour a column shows, by CTRLPF score (bit 0 here) and priority (bit 1), the half of the line (64) and the
    // column's objects: the shift that picks the byte of (COLUBK, COLUPF, COLUP0, COLUP1) packed in a uint.
    private static readonly byte[] ColourSelect = BuildColourSelect();

    private static byte[] BuildColourSelect()
    {
        var table = new byte[4 * 128];
        for (int mode = 0; mode < 4; mode++)
        {
            bool score = (mode & 1) != 0, priority = (mode & 2) != 0;
            for (int right = 0; right < 2; right++)
            {
                for (int o = 0; o < 64; o++)
                {
                    bool p0 = (o & (BitP0 | BitM0)) != 0, p1 = (o & (BitP1 | BitM1)) != 0;
                    bool pf = (o & BitPlayfield) != 0, bl = (o & BitBall) != 0;
                    int pfColour = score ? (right == 0 ? 2 : 3) : 1;
                    int c = priority
                        ? pf ? pfColour : bl ? 1 : p0 ? 2 : p1 ? 3 : 0
                        : p0 ? 2 : p1 ? 3 : pf ? pfColour : bl ? 1 : 0;
                    table[mode * 128 + right * 64 + o] = (byte)(8 * c);
                }
            }
        }
        return table;
    }

    // The collision latches (layout in Read) that a column holding these objects sets.
    private static readonly ushort[] CollisionsOf = BuildCollisions();

    private static ushort[] BuildCollisions()
    {
        var table = new ushort[64];
        for (int o = 0; o < 64; o++)
        {
            bool p0 = (o & BitP0) != 0, p1 = (o & BitP1) != 0, m0 = (o & BitM0) != 0, m1 = (o & BitM1) != 0;
            bool bl = (o & BitBall) != 0, pf = (o & BitPlayfield) != 0;
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
            table[o] = (ushort)hit;
        }
        return table;
    }

    // Folds the object combinations drawn since the last call into the latches.
    private int Collisions()
    {
        Flush();
        ulong seen = _seen;
        _seen = 0;
        while (seen != 0)
        {
            _collisions |= CollisionsOf[BitOperations.TrailingZeroCount(seen)];
            seen &= seen - 1;
        }
        return _collisions;
    }

    private static int Reverse(byte b)
    {
        int r = 0;
        for (int i = 0; i < 8; i++)
        {
            r |= (b >> i & 1) << (7 - i);
        }
        return r;
    }
}
