namespace Jat.Environments.Atari.Emulator;

/// <summary>
/// The NMOS 6502 core of the 6507, written from the MOS programming and hardware manuals and the public notes on the
/// undocumented opcodes. One <see cref="Step"/> runs one instruction. In <see cref="CpuMode.Hardware"/> every bus
/// access is one clock and the chip's dummy accesses happen in order; in <see cref="CpuMode.AleCompatible"/> the
/// instruction's cycles are counted up front (see <see cref="CpuMode"/>). The bus is a struct type argument so that
/// the JIT compiles one copy per bus with its accesses called directly (an interface call per access was the hot spot).
/// </summary>
internal sealed class Cpu6507<TBus>(TBus bus, CpuMode mode)
    where TBus : struct, ICpuBus
{
    private const byte FlagC = 0x01, FlagZ = 0x02, FlagI = 0x04, FlagD = 0x08, FlagB = 0x10, FlagU = 0x20, FlagV = 0x40, FlagN = 0x80;

    // Base cycles of every opcode on the NMOS chip (0 = jam). ALE mode adds these at the opcode fetch.
    private static readonly byte[] BaseCycles =
    [
        7, 6, 0, 8, 3, 3, 5, 5, 3, 2, 2, 2, 4, 4, 6, 6,
        2, 5, 0, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7,
        6, 6, 0, 8, 3, 3, 5, 5, 4, 2, 2, 2, 4, 4, 6, 6,
        2, 5, 0, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7,
        6, 6, 0, 8, 3, 3, 5, 5, 3, 2, 2, 2, 3, 4, 6, 6,
        2, 5, 0, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7,
        6, 6, 0, 8, 3, 3, 5, 5, 4, 2, 2, 2, 5, 4, 6, 6,
        2, 5, 0, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7,
        2, 6, 2, 6, 3, 3, 3, 3, 2, 2, 2, 2, 4, 4, 4, 4,
        2, 6, 0, 6, 4, 4, 4, 4, 2, 5, 2, 5, 5, 5, 5, 5,
        2, 6, 2, 6, 3, 3, 3, 3, 2, 2, 2, 2, 4, 4, 4, 4,
        2, 5, 0, 5, 4, 4, 4, 4, 2, 4, 2, 4, 4, 4, 4, 4,
        2, 6, 2, 8, 3, 3, 5, 5, 2, 2, 2, 2, 4, 4, 6, 6,
        2, 5, 0, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7,
        2, 6, 2, 8, 3, 3, 5, 5, 2, 2, 2, 2, 4, 4, 6, 6,
        2, 5, 0, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7,
    ];

    private readonly TBus _bus = bus;
    private readonly bool _ale = mode == CpuMode.AleCompatible;

    public byte A, X, Y, S;
    public ushort PC;

    /// <summary>Processor status as the chip pushes it, minus B (bit 5 always reads 1).</summary>
    public byte P
    {
        get => (byte)(_p | FlagU);
        set => _p = (byte)((value | FlagU) & ~FlagB);
    }

    private byte _p = FlagU;

    /// <summary>CPU clocks since power-on (ALE mode: including the running instruction's, counted at its fetch).</summary>
    public long Cycles;

    public CpuMode Mode => _ale ? CpuMode.AleCompatible : CpuMode.Hardware;

    /// <summary>The state ALE gives the CPU at a system reset: A = X = Y = 0, S = $FF, P = $20, PC from $FFFC.</summary>
    public void Reset()
    {
        A = X = Y = 0;
        S = 0xFF;
        _p = FlagU;
        byte lo = _bus.Read(0xFFFC), hi = _bus.Read(0xFFFD);
        PC = (ushort)(lo | hi << 8);
    }

    public void CopyFrom(Cpu6507<TBus> other)
    {
        A = other.A; X = other.X; Y = other.Y; S = other.S; PC = other.PC; _p = other._p; Cycles = other.Cycles;
    }

    private byte Read(ushort address)
    {
        if (!_ale)
        {
            Cycles++;
        }
        return _bus.Read(address);
    }

    private void Write(ushort address, byte value)
    {
        if (!_ale)
        {
            Cycles++;
        }
        _bus.Write(address, value);
    }

    // A bus cycle the chip makes and ALE's core does not.
    private void Dummy(ushort address)
    {
        if (!_ale)
        {
            Cycles++;
            _bus.Read(address);
        }
    }

    private void DummyWrite(ushort address, byte value)
    {
        if (!_ale)
        {
            Cycles++;
            _bus.Write(address, value);
        }
    }

    private byte Fetch() => Read(PC++);

    private void Push(byte value) => Write((ushort)(0x100 | S--), value);

    private byte Pull() => Read((ushort)(0x100 | ++S));

    private void SetNZ(byte v) => _p = (byte)((_p & ~(FlagN | FlagZ)) | (v & FlagN) | (v == 0 ? FlagZ : 0));

    private void SetFlag(byte flag, bool on) => _p = on ? (byte)(_p | flag) : (byte)(_p & ~flag);

    private int Carry => _p & FlagC;

    // Addressing: each returns the effective address after the fetches and the dummy accesses of the mode.
    private ushort Zp() => Fetch();

    private ushort ZpIndexed(byte index)
    {
        byte b = Fetch();
        Dummy(b);
        return (byte)(b + index);
    }

    private ushort Abs()
    {
        byte lo = Fetch();
        byte hi = Fetch();
        return (ushort)(lo | hi << 8);
    }

    // store: writes and read-modify-writes always take the fix-up cycle; reads only on a page crossing.
    private ushort AbsIndexed(byte index, bool store)
    {
        ushort b = Abs();
        ushort ea = (ushort)(b + index);
        bool crossed = ((b ^ ea) & 0xFF00) != 0;
        if (crossed || store)
        {
            Dummy((ushort)((b & 0xFF00) | (ea & 0xFF)));
            if (_ale && crossed && !store)
            {
                Cycles++;
            }
        }
        return ea;
    }

    private ushort IndirectX()
    {
        byte z = Fetch();
        Dummy(z);
        z += X;
        byte lo = Read(z);
        byte hi = Read((byte)(z + 1));
        return (ushort)(lo | hi << 8);
    }

    private ushort IndirectY(bool store)
    {
        byte z = Fetch();
        byte lo = Read(z);
        byte hi = Read((byte)(z + 1));
        ushort b = (ushort)(lo | hi << 8);
        ushort ea = (ushort)(b + Y);
        bool crossed = ((b ^ ea) & 0xFF00) != 0;
        if (crossed || store)
        {
            Dummy((ushort)((b & 0xFF00) | (ea & 0xFF)));
            if (_ale && crossed && !store)
            {
                Cycles++;
            }
        }
        return ea;
    }

    /// <summary>Runs one instruction; throws <see cref="CpuJamException"/> on a KIL opcode.</summary>
    public void Step()
    {
        ushort at = PC;
        byte op = Fetch();
        if (_ale)
        {
            Cycles += op == 0xA7 ? 4 : BaseCycles[op];
        }
        switch (op)
        {
            // Loads
            case 0xA9: A = Fetch(); SetNZ(A); break;
            case 0xA5: A = Read(Zp()); SetNZ(A); break;
            case 0xB5: A = Read(ZpIndexed(X)); SetNZ(A); break;
            case 0xAD: A = Read(Abs()); SetNZ(A); break;
            case 0xBD: A = Read(AbsIndexed(X, false)); SetNZ(A); break;
            case 0xB9: A = Read(AbsIndexed(Y, false)); SetNZ(A); break;
            case 0xA1: A = Read(IndirectX()); SetNZ(A); break;
            case 0xB1: A = Read(IndirectY(false)); SetNZ(A); break;
            case 0xA2: X = Fetch(); SetNZ(X); break;
            case 0xA6: X = Read(Zp()); SetNZ(X); break;
            case 0xB6: X = Read(ZpIndexed(Y)); SetNZ(X); break;
            case 0xAE: X = Read(Abs()); SetNZ(X); break;
            case 0xBE: X = Read(AbsIndexed(Y, false)); SetNZ(X); break;
            case 0xA0: Y = Fetch(); SetNZ(Y); break;
            case 0xA4: Y = Read(Zp()); SetNZ(Y); break;
            case 0xB4: Y = Read(ZpIndexed(X)); SetNZ(Y); break;
            case 0xAC: Y = Read(Abs()); SetNZ(Y); break;
            case 0xBC: Y = Read(AbsIndexed(X, false)); SetNZ(Y); break;

            // Stores
            case 0x85: Write(Zp(), A); break;
            case 0x95: Write(ZpIndexed(X), A); break;
            case 0x8D: Write(Abs(), A); break;
            case 0x9D: Write(AbsIndexed(X, true), A); break;
            case 0x99: Write(AbsIndexed(Y, true), A); break;
            case 0x81: Write(IndirectX(), A); break;
            case 0x91: Write(IndirectY(true), A); break;
            case 0x86: Write(Zp(), X); break;
            case 0x96: Write(ZpIndexed(Y), X); break;
            case 0x8E: Write(Abs(), X); break;
            case 0x84: Write(Zp(), Y); break;
            case 0x94: Write(ZpIndexed(X), Y); break;
            case 0x8C: Write(Abs(), Y); break;

            // Transfers
            case 0xAA: Implied(); X = A; SetNZ(X); break;
            case 0xA8: Implied(); Y = A; SetNZ(Y); break;
            case 0x8A: Implied(); A = X; SetNZ(A); break;
            case 0x98: Implied(); A = Y; SetNZ(A); break;
            case 0xBA: Implied(); X = S; SetNZ(X); break;
            case 0x9A: Implied(); S = X; break;

            // Stack
            case 0x48: Implied(); Push(A); break;
            case 0x08: Implied(); Push((byte)(_p | FlagB | FlagU)); break;
            case 0x68: Implied(); Read((ushort)(0x100 | S)); A = Pull(); SetNZ(A); break;
            case 0x28: Implied(); Read((ushort)(0x100 | S)); P = Pull(); break;

            // Logic and arithmetic
            case 0x29: And(Fetch()); break;
            case 0x25: And(Read(Zp())); break;
            case 0x35: And(Read(ZpIndexed(X))); break;
            case 0x2D: And(Read(Abs())); break;
            case 0x3D: And(Read(AbsIndexed(X, false))); break;
            case 0x39: And(Read(AbsIndexed(Y, false))); break;
            case 0x21: And(Read(IndirectX())); break;
            case 0x31: And(Read(IndirectY(false))); break;
            case 0x09: Ora(Fetch()); break;
            case 0x05: Ora(Read(Zp())); break;
            case 0x15: Ora(Read(ZpIndexed(X))); break;
            case 0x0D: Ora(Read(Abs())); break;
            case 0x1D: Ora(Read(AbsIndexed(X, false))); break;
            case 0x19: Ora(Read(AbsIndexed(Y, false))); break;
            case 0x01: Ora(Read(IndirectX())); break;
            case 0x11: Ora(Read(IndirectY(false))); break;
            case 0x49: Eor(Fetch()); break;
            case 0x45: Eor(Read(Zp())); break;
            case 0x55: Eor(Read(ZpIndexed(X))); break;
            case 0x4D: Eor(Read(Abs())); break;
            case 0x5D: Eor(Read(AbsIndexed(X, false))); break;
            case 0x59: Eor(Read(AbsIndexed(Y, false))); break;
            case 0x41: Eor(Read(IndirectX())); break;
            case 0x51: Eor(Read(IndirectY(false))); break;
            case 0x69: Adc(Fetch()); break;
            case 0x65: Adc(Read(Zp())); break;
            case 0x75: Adc(Read(ZpIndexed(X))); break;
            case 0x6D: Adc(Read(Abs())); break;
            case 0x7D: Adc(Read(AbsIndexed(X, false))); break;
            case 0x79: Adc(Read(AbsIndexed(Y, false))); break;
            case 0x61: Adc(Read(IndirectX())); break;
            case 0x71: Adc(Read(IndirectY(false))); break;
            case 0xE9: case 0xEB: Sbc(Fetch()); break;
            case 0xE5: Sbc(Read(Zp())); break;
            case 0xF5: Sbc(Read(ZpIndexed(X))); break;
            case 0xED: Sbc(Read(Abs())); break;
            case 0xFD: Sbc(Read(AbsIndexed(X, false))); break;
            case 0xF9: Sbc(Read(AbsIndexed(Y, false))); break;
            case 0xE1: Sbc(Read(IndirectX())); break;
            case 0xF1: Sbc(Read(IndirectY(false))); break;
            case 0xC9: Compare(A, Fetch()); break;
            case 0xC5: Compare(A, Read(Zp())); break;
            case 0xD5: Compare(A, Read(ZpIndexed(X))); break;
            case 0xCD: Compare(A, Read(Abs())); break;
            case 0xDD: Compare(A, Read(AbsIndexed(X, false))); break;
            case 0xD9: Compare(A, Read(AbsIndexed(Y, false))); break;
            case 0xC1: Compare(A, Read(IndirectX())); break;
            case 0xD1: Compare(A, Read(IndirectY(false))); break;
            case 0xE0: Compare(X, Fetch()); break;
            case 0xE4: Compare(X, Read(Zp())); break;
            case 0xEC: Compare(X, Read(Abs())); break;
            case 0xC0: Compare(Y, Fetch()); break;
            case 0xC4: Compare(Y, Read(Zp())); break;
            case 0xCC: Compare(Y, Read(Abs())); break;
            case 0x24: Bit(Read(Zp())); break;
            case 0x2C: Bit(Read(Abs())); break;

            // Increments and decrements
            case 0xE8: Implied(); X++; SetNZ(X); break;
            case 0xC8: Implied(); Y++; SetNZ(Y); break;
            case 0xCA: Implied(); X--; SetNZ(X); break;
            case 0x88: Implied(); Y--; SetNZ(Y); break;
            case 0xE6: Modify(Zp(), Rmw.Inc); break;
            case 0xF6: Modify(ZpIndexed(X), Rmw.Inc); break;
            case 0xEE: Modify(Abs(), Rmw.Inc); break;
            case 0xFE: Modify(AbsIndexed(X, true), Rmw.Inc); break;
            case 0xC6: Modify(Zp(), Rmw.Dec); break;
            case 0xD6: Modify(ZpIndexed(X), Rmw.Dec); break;
            case 0xCE: Modify(Abs(), Rmw.Dec); break;
            case 0xDE: Modify(AbsIndexed(X, true), Rmw.Dec); break;

            // Shifts
            case 0x0A: Implied(); A = Asl(A); break;
            case 0x06: Modify(Zp(), Rmw.Asl); break;
            case 0x16: Modify(ZpIndexed(X), Rmw.Asl); break;
            case 0x0E: Modify(Abs(), Rmw.Asl); break;
            case 0x1E: Modify(AbsIndexed(X, true), Rmw.Asl); break;
            case 0x4A: Implied(); A = Lsr(A); break;
            case 0x46: Modify(Zp(), Rmw.Lsr); break;
            case 0x56: Modify(ZpIndexed(X), Rmw.Lsr); break;
            case 0x4E: Modify(Abs(), Rmw.Lsr); break;
            case 0x5E: Modify(AbsIndexed(X, true), Rmw.Lsr); break;
            case 0x2A: Implied(); A = Rol(A); break;
            case 0x26: Modify(Zp(), Rmw.Rol); break;
            case 0x36: Modify(ZpIndexed(X), Rmw.Rol); break;
            case 0x2E: Modify(Abs(), Rmw.Rol); break;
            case 0x3E: Modify(AbsIndexed(X, true), Rmw.Rol); break;
            case 0x6A: Implied(); A = Ror(A); break;
            case 0x66: Modify(Zp(), Rmw.Ror); break;
            case 0x76: Modify(ZpIndexed(X), Rmw.Ror); break;
            case 0x6E: Modify(Abs(), Rmw.Ror); break;
            case 0x7E: Modify(AbsIndexed(X, true), Rmw.Ror); break;

            // Jumps and calls
            case 0x4C: PC = Abs(); break;
            case 0x6C:
            {
                ushort ptr = Abs();
                byte lo = Read(ptr);
                // The chip does not carry into the pointer's high byte.
                byte hi = Read((ushort)((ptr & 0xFF00) | (byte)(ptr + 1)));
                PC = (ushort)(lo | hi << 8);
                break;
            }
            case 0x20:
            {
                byte lo = Fetch();
                Read((ushort)(0x100 | S));
                Push((byte)(PC >> 8));
                Push((byte)PC);
                byte hi = Fetch();
                PC = (ushort)(lo | hi << 8);
                break;
            }
            case 0x60:
            {
                Implied();
                Read((ushort)(0x100 | S));
                byte lo = Pull();
                byte hi = Pull();
                PC = (ushort)(lo | hi << 8);
                Read(PC);
                PC++;
                break;
            }
            case 0x40:
            {
                Implied();
                Read((ushort)(0x100 | S));
                P = Pull();
                byte lo = Pull();
                byte hi = Pull();
                PC = (ushort)(lo | hi << 8);
                break;
            }
            case 0x00:
            {
                Fetch();
                Push((byte)(PC >> 8));
                Push((byte)PC);
                Push((byte)(_p | FlagB | FlagU));
                _p |= FlagI;
                byte lo = Read(0xFFFE);
                byte hi = Read(0xFFFF);
                PC = (ushort)(lo | hi << 8);
                break;
            }

            // Branches
            case 0x10: Branch((_p & FlagN) == 0); break;
            case 0x30: Branch((_p & FlagN) != 0); break;
            case 0x50: Branch((_p & FlagV) == 0); break;
            case 0x70: Branch((_p & FlagV) != 0); break;
            case 0x90: Branch((_p & FlagC) == 0); break;
            case 0xB0: Branch((_p & FlagC) != 0); break;
            case 0xD0: Branch((_p & FlagZ) == 0); break;
            case 0xF0: Branch((_p & FlagZ) != 0); break;

            // Flags
            case 0x18: Implied(); _p &= unchecked((byte)~FlagC); break;
            case 0x38: Implied(); _p |= FlagC; break;
            case 0x58: Implied(); _p &= unchecked((byte)~FlagI); break;
            case 0x78: Implied(); _p |= FlagI; break;
            case 0xB8: Implied(); _p &= unchecked((byte)~FlagV); break;
            case 0xD8: Implied(); _p &= unchecked((byte)~FlagD); break;
            case 0xF8: Implied(); _p |= FlagD; break;

            // NOPs, documented and not
            case 0xEA: case 0x1A: case 0x3A: case 0x5A: case 0x7A: case 0xDA: case 0xFA: Implied(); break;
            case 0x80: case 0x82: case 0x89: case 0xC2: case 0xE2: Fetch(); break;
            case 0x04: case 0x44: case 0x64: Read(Zp()); break;
            case 0x14: case 0x34: case 0x54: case 0x74: case 0xD4: case 0xF4: Read(ZpIndexed(X)); break;
            case 0x0C: Read(Abs()); break;
            case 0x1C: case 0x3C: case 0x5C: case 0x7C: case 0xDC: case 0xFC: Read(AbsIndexed(X, false)); break;

            // Undocumented read-modify-write combinations
            case 0x07: Modify(Zp(), Rmw.Slo); break;
            case 0x17: Modify(ZpIndexed(X), Rmw.Slo); break;
            case 0x0F: Modify(Abs(), Rmw.Slo); break;
            case 0x1F: Modify(AbsIndexed(X, true), Rmw.Slo); break;
            case 0x1B: Modify(AbsIndexed(Y, true), Rmw.Slo); break;
            case 0x03: Modify(IndirectX(), Rmw.Slo); break;
            case 0x13: Modify(IndirectY(true), Rmw.Slo); break;
            case 0x27: Modify(Zp(), Rmw.Rla); break;
            case 0x37: Modify(ZpIndexed(X), Rmw.Rla); break;
            case 0x2F: Modify(Abs(), Rmw.Rla); break;
            case 0x3F: Modify(AbsIndexed(X, true), Rmw.Rla); break;
            case 0x3B: Modify(AbsIndexed(Y, true), Rmw.Rla); break;
            case 0x23: Modify(IndirectX(), Rmw.Rla); break;
            case 0x33: Modify(IndirectY(true), Rmw.Rla); break;
            case 0x47: Modify(Zp(), Rmw.Sre); break;
            case 0x57: Modify(ZpIndexed(X), Rmw.Sre); break;
            case 0x4F: Modify(Abs(), Rmw.Sre); break;
            case 0x5F: Modify(AbsIndexed(X, true), Rmw.Sre); break;
            case 0x5B: Modify(AbsIndexed(Y, true), Rmw.Sre); break;
            case 0x43: Modify(IndirectX(), Rmw.Sre); break;
            case 0x53: Modify(IndirectY(true), Rmw.Sre); break;
            case 0x67: Modify(Zp(), Rmw.Rra); break;
            case 0x77: Modify(ZpIndexed(X), Rmw.Rra); break;
            case 0x6F: Modify(Abs(), Rmw.Rra); break;
            case 0x7F: Modify(AbsIndexed(X, true), Rmw.Rra); break;
            case 0x7B: Modify(AbsIndexed(Y, true), Rmw.Rra); break;
            case 0x63: Modify(IndirectX(), Rmw.Rra); break;
            case 0x73: Modify(IndirectY(true), Rmw.Rra); break;
            case 0xC7: Modify(Zp(), Rmw.Dcp); break;
            case 0xD7: Modify(ZpIndexed(X), Rmw.Dcp); break;
            case 0xCF: Modify(Abs(), Rmw.Dcp); break;
            case 0xDF: Modify(AbsIndexed(X, true), Rmw.Dcp); break;
            case 0xDB: Modify(AbsIndexed(Y, true), Rmw.Dcp); break;
            case 0xC3: Modify(IndirectX(), Rmw.Dcp); break;
            case 0xD3: Modify(IndirectY(true), Rmw.Dcp); break;
            case 0xE7: Modify(Zp(), Rmw.Isb); break;
            case 0xF7: Modify(ZpIndexed(X), Rmw.Isb); break;
            case 0xEF: Modify(Abs(), Rmw.Isb); break;
            case 0xFF: Modify(AbsIndexed(X, true), Rmw.Isb); break;
            case 0xFB: Modify(AbsIndexed(Y, true), Rmw.Isb); break;
            case 0xE3: Modify(IndirectX(), Rmw.Isb); break;
            case 0xF3: Modify(IndirectY(true), Rmw.Isb); break;

            // Undocumented loads and stores
            case 0xA7: Lax(Read(Zp())); break;
            case 0xB7: Lax(Read(ZpIndexed(Y))); break;
            case 0xAF: Lax(Read(Abs())); break;
            case 0xBF: Lax(Read(AbsIndexed(Y, false))); break;
            case 0xA3: Lax(Read(IndirectX())); break;
            case 0xB3: Lax(Read(IndirectY(false))); break;
            case 0x87: Write(Zp(), (byte)(A & X)); break;
            case 0x97: Write(ZpIndexed(Y), (byte)(A & X)); break;
            case 0x8F: Write(Abs(), (byte)(A & X)); break;
            case 0x83: Write(IndirectX(), (byte)(A & X)); break;
            case 0xBB:
            {
                byte v = (byte)(Read(AbsIndexed(Y, false)) & S);
                A = X = S = v;
                SetNZ(v);
                break;
            }

            // Undocumented immediates
            case 0x0B: case 0x2B: And(Fetch()); SetFlag(FlagC, (A & 0x80) != 0); break;
            case 0x4B: And(Fetch()); A = Lsr(A); break;
            case 0x6B: Arr(Fetch()); break;
            case 0xCB:
            {
                byte m = Fetch();
                int ax = A & X;
                SetFlag(FlagC, ax >= m);
                X = (byte)(ax - m);
                SetNZ(X);
                break;
            }

            // Unstable opcodes: no ROM of the 57 uses them; the usual NMOS approximations.
            case 0x8B: A = (byte)((A | 0xEE) & X & Fetch()); SetNZ(A); break;
            case 0xAB: A = X = (byte)((A | 0xEE) & Fetch()); SetNZ(A); break;
            case 0x93: StoreHigh(IndirectYBase(), (byte)(A & X)); break;
            case 0x9F: StoreHigh(AbsBase(Y), (byte)(A & X)); break;
            case 0x9B: S = (byte)(A & X); StoreHigh(AbsBase(Y), S); break;
            case 0x9C: StoreHigh(AbsBase(X), Y); break;
            case 0x9E: StoreHigh(AbsBase(Y), X); break;

            default:
                PC = at;
                throw new CpuJamException(op, at);
        }
    }

    // The second cycle of a one-byte instruction reads the next byte and discards it.
    private void Implied() => Dummy(PC);

    private void Branch(bool taken)
    {
        sbyte offset = (sbyte)Fetch();
        if (!taken)
        {
            return;
        }
        Dummy(PC);
        ushort target = (ushort)(PC + offset);
        if (((target ^ PC) & 0xFF00) != 0)
        {
            Dummy((ushort)((PC & 0xFF00) | (target & 0xFF)));
            if (_ale)
            {
                Cycles++;
            }
        }
        if (_ale)
        {
            Cycles++;
        }
        PC = target;
    }

    private enum Rmw { Inc, Dec, Asl, Lsr, Rol, Ror, Slo, Rla, Sre, Rra, Dcp, Isb }

    // A switch, not a delegate: a delegate per instruction would allocate.
    private void Modify(ushort address, Rmw operation)
    {
        byte v = Read(address);
        DummyWrite(address, v);
        Write(address, operation switch
        {
            Rmw.Inc => Inc(v),
            Rmw.Dec => Dec(v),
            Rmw.Asl => Asl(v),
            Rmw.Lsr => Lsr(v),
            Rmw.Rol => Rol(v),
            Rmw.Ror => Ror(v),
            Rmw.Slo => Slo(v),
            Rmw.Rla => Rla(v),
            Rmw.Sre => Sre(v),
            Rmw.Rra => Rra(v),
            Rmw.Dcp => Dcp(v),
            _ => Isb(v),
        });
    }

    private void And(byte m) { A &= m; SetNZ(A); }

    private void Ora(byte m) { A |= m; SetNZ(A); }

    private void Eor(byte m) { A ^= m; SetNZ(A); }

    private void Lax(byte m) { A = X = m; SetNZ(m); }

    private void Bit(byte m)
    {
        _p = (byte)((_p & ~(FlagN | FlagV | FlagZ)) | (m & (FlagN | FlagV)) | ((A & m) == 0 ? FlagZ : 0));
    }

    private void Compare(byte register, byte m)
    {
        SetFlag(FlagC, register >= m);
        SetNZ((byte)(register - m));
    }

    private byte Inc(byte v) { v++; SetNZ(v); return v; }

    private byte Dec(byte v) { v--; SetNZ(v); return v; }

    private byte Asl(byte v) { SetFlag(FlagC, (v & 0x80) != 0); v <<= 1; SetNZ(v); return v; }

    private byte Lsr(byte v) { SetFlag(FlagC, (v & 1) != 0); v >>= 1; SetNZ(v); return v; }

    private byte Rol(byte v)
    {
        int c = Carry;
        SetFlag(FlagC, (v & 0x80) != 0);
        v = (byte)(v << 1 | c);
        SetNZ(v);
        return v;
    }

    private byte Ror(byte v)
    {
        int c = Carry;
        SetFlag(FlagC, (v & 1) != 0);
        v = (byte)(v >> 1 | c << 7);
        SetNZ(v);
        return v;
    }

    private byte Slo(byte v) { v = Asl(v); Ora(v); return v; }

    private byte Rla(byte v) { v = Rol(v); And(v); return v; }

    private byte Sre(byte v) { v = Lsr(v); Eor(v); return v; }

    private byte Rra(byte v) { v = Ror(v); Adc(v); return v; }

    private byte Dcp(byte v) { v--; Compare(A, v); return v; }

    private byte Isb(byte v) { v++; Sbc(v); return v; }

    private void Adc(byte m)
    {
        int c = Carry;
        if ((_p & FlagD) == 0)
        {
            int sum = A + m + c;
            SetFlag(FlagV, (~(A ^ m) & (A ^ sum) & 0x80) != 0);
            SetFlag(FlagC, sum > 0xFF);
            A = (byte)sum;
            SetNZ(A);
        }
        else if (_ale)
        {
            int s = Bin(A) + Bin(m) + c;
            byte old = A;
            SetFlag(FlagC, s > 99);
            A = Bcd(s & 0xFF);
            SetNZ(A);
            SetFlag(FlagV, ((old ^ A) & (A ^ m) & 0x80) != 0);
        }
        else
        {
            // NMOS: Z from the binary sum, N and V from the sum after the low-digit adjustment.
            int lo = (A & 0x0F) + (m & 0x0F) + c;
            if (lo > 9)
            {
                lo += 6;
            }
            int hi = (A >> 4) + (m >> 4) + (lo > 0x0F ? 1 : 0);
            SetFlag(FlagZ, ((A + m + c) & 0xFF) == 0);
            SetFlag(FlagN, (hi & 0x08) != 0);
            SetFlag(FlagV, (~(A ^ m) & (A ^ (hi << 4)) & 0x80) != 0);
            if (hi > 9)
            {
                hi += 6;
            }
            SetFlag(FlagC, hi > 0x0F);
            A = (byte)(hi << 4 | lo & 0x0F);
        }
    }

    private void Sbc(byte m)
    {
        int borrow = 1 - Carry;
        int diff = A - m - borrow;
        if ((_p & FlagD) != 0 && _ale)
        {
            int d = Bin(A) - Bin(m) - borrow;
            if (d < 0)
            {
                d += 100;
            }
            byte old = A;
            SetFlag(FlagC, old >= m + borrow);
            A = Bcd(d);
            SetNZ(A);
            SetFlag(FlagV, ((old ^ A) & (A ^ m) & 0x80) != 0);
            return;
        }
        // Binary flags in both modes on the chip; decimal mode only changes the result.
        SetFlag(FlagV, ((A ^ m) & (A ^ diff) & 0x80) != 0);
        SetFlag(FlagC, diff >= 0);
        SetNZ((byte)diff);
        if ((_p & FlagD) == 0)
        {
            A = (byte)diff;
            return;
        }
        int lo = (A & 0x0F) - (m & 0x0F) - borrow;
        int hi = (A >> 4) - (m >> 4);
        if (lo < 0)
        {
            lo -= 6;
            hi--;
        }
        if (hi < 0)
        {
            hi -= 6;
        }
        A = (byte)(hi << 4 | lo & 0x0F);
    }

    private static int Bin(byte v) => 10 * (v >> 4) + (v & 0x0F);

    private static byte Bcd(int t) => (byte)((t % 100 / 10) << 4 | t % 10);

    private void Arr(byte m)
    {
        int t = A & m;
        int c = Carry;
        A = (byte)(t >> 1 | c << 7);
        if ((_p & FlagD) == 0)
        {
            SetNZ(A);
            SetFlag(FlagC, (A & 0x40) != 0);
            SetFlag(FlagV, ((A >> 6 ^ A >> 5) & 1) != 0);
            return;
        }
        // NMOS decimal ARR: flags from the rotated value, then a BCD fix-up of each digit of the AND.
        SetFlag(FlagN, c != 0);
        SetFlag(FlagZ, A == 0);
        SetFlag(FlagV, ((t ^ A) & 0x40) != 0);
        int lo = t & 0x0F, hi = t >> 4;
        if (lo + (lo & 1) > 5)
        {
            A = (byte)((A & 0xF0) | ((A + 6) & 0x0F));
        }
        if (hi + (hi & 1) > 5)
        {
            SetFlag(FlagC, true);
            A = (byte)(A + 0x60);
        }
        else
        {
            SetFlag(FlagC, false);
        }
    }

    private (ushort Base, ushort Address) AbsBase(byte index)
    {
        ushort b = Abs();
        ushort ea = (ushort)(b + index);
        Dummy((ushort)((b & 0xFF00) | (ea & 0xFF)));
        return (b, ea);
    }

    private (ushort Base, ushort Address) IndirectYBase()
    {
        byte z = Fetch();
        byte lo = Read(z);
        byte hi = Read((byte)(z + 1));
        ushort b = (ushort)(lo | hi << 8);
        ushort ea = (ushort)(b + Y);
        Dummy((ushort)((b & 0xFF00) | (ea & 0xFF)));
        return (b, ea);
    }

    // SHA/SHX/SHY/TAS store the value ANDed with the base's high byte + 1.
    private void StoreHigh((ushort Base, ushort Address) at, byte value)
    {
        byte v = (byte)(value & ((at.Base >> 8) + 1));
        ushort address = at.Address;
        if (((at.Base ^ at.Address) & 0xFF00) != 0)
        {
            address = (ushort)((v << 8) | (address & 0xFF));
        }
        Write(address, v);
    }
}
