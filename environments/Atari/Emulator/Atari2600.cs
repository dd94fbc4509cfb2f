using Jat.Environments.Atari.Emulator.Cartridges;

namespace Jat.Environments.Atari.Emulator;

/// <summary>
/// The console: CPU (ALE-compatible), TIA, RIOT and cartridge on the 6507's 13-bit bus (atari-games.md §3.1), run
/// one ALE frame at a time (<see cref="RunFrame"/>). Nothing allocates per frame.
/// </summary>
public sealed class Atari2600
{
    /// <summary>ALE's cap on one frame: after this many instructions the frame is cut and greyed out.</summary>
    public const int InstructionsPerFrame = 25_000;

    /// <summary>ALE's screen: 160 colour clocks by 210 lines (scanlines 34-243 of a frame).</summary>
    public const int ScreenWidth = Tia.Width, ScreenHeight = Tia.Height;

    private readonly Cpu6507<MachineBus> _cpu;
    private readonly Tia _tia = new();
    private readonly Riot _riot = new();
    private readonly Cartridge _cartridge;
    private readonly SystemBus _bus;
    private readonly AleRandom _random = new();
    private bool _framePending;
    private long _frameStartCycle;

    public Atari2600(byte[] rom, string? scheme = null)
    {
        ArgumentNullException.ThrowIfNull(rom);
        Scheme = scheme ?? CartridgeDetection.Detect(rom);
        _cartridge = CartridgeDetection.Create(rom, Scheme);
        _bus = new SystemBus(this);
        _cpu = new Cpu6507<MachineBus>(new MachineBus(_bus), CpuMode.AleCompatible);
        _random.Fill(_riot.Ram);
        _random.Next();
        SystemReset();
    }

    /// <summary>
    /// The console as ALE's <c>loadROM</c> finds it: power-on (RIOT RAM from ALE's random source), a system reset,
    /// 60 frames with no input (ALE's NTSC/PAL probe) and another system reset. ALE's own reset sequence follows.
    /// </summary>
    public static Atari2600 CreateLikeAle(byte[] rom, string? scheme = null)
    {
        var machine = new Atari2600(rom, scheme);
        machine.SetInput(0);
        for (int i = 0; i < 60; i++)
        {
            machine.RunFrame();
        }
        machine.SystemReset();
        return machine;
    }

    public string Scheme { get; }

    /// <summary>The 160 x 210 screen of the last frame, TIA colour values (even), row by row.</summary>
    public ReadOnlySpan<byte> Screen => _tia.Screen;

    /// <summary>RIOT RAM, $80-$FF.</summary>
    public Span<byte> Ram => _riot.Ram;

    /// <summary>CPU cycles of the last frame, counted from its start (ALE's counter).</summary>
    public long FrameCycles { get; private set; }

    public int FrameScanlines => (int)(FrameCycles * 3 / 228);

    /// <summary>
    /// The RIOT, TIA and cartridge are reset (RIOT RAM kept, cartridge RAM refilled with random bytes), then the CPU,
    /// as ALE's system reset does.
    /// </summary>
    public void SystemReset()
    {
        _riot.Reset(_random.Next());
        _tia.Reset();
        _cartridge.Reset();
        _random.Fill(_cartridge.Ram);
        _cpu.Cycles = 0;
        _cpu.Reset();
        _framePending = false;
    }

    /// <summary>Sets what the controllers and console switches hold: ALE's input bits (see the traces README).</summary>
    public void SetInput(int bits)
    {
        int a = 0xFF;
        if ((bits & 0x01) != 0) a &= ~0x10;
        if ((bits & 0x02) != 0) a &= ~0x20;
        if ((bits & 0x04) != 0) a &= ~0x40;
        if ((bits & 0x08) != 0) a &= ~0x80;
        _riot.PortA = (byte)a;
        _tia.Fire0Pressed = (bits & 0x10) != 0;
        _tia.Fire1Pressed = false;
        int b = 0x3F;
        if ((bits & 0x20) != 0) b &= ~0x01;
        if ((bits & 0x40) != 0) b &= ~0x02;
        _riot.PortB = (byte)b;
    }

    /// <summary>Runs one ALE frame: until VSYNC ends one, a TIA write past line 290, or 25,000 instructions.</summary>
    public void RunFrame()
    {
        if (!_framePending)
        {
            _tia.BeginFrame(_cpu.Cycles * 3);
            _frameStartCycle = _cpu.Cycles;
        }
        long startCycle = _frameStartCycle;
        for (int i = 0; i < InstructionsPerFrame && !_tia.FrameEnded; i++)
        {
            _cpu.Step();
        }
        _tia.CatchUp(_cpu.Cycles * 3);
        FrameCycles = _cpu.Cycles - startCycle;
        _framePending = !_tia.FrameEnded;
        if (_framePending)
        {
            _tia.GreyFromCurrentLine(_cpu.Cycles * 3);
        }
    }

    /// <summary>Copies another console's whole state (same ROM) into this one.</summary>
    public void CopyFrom(Atari2600 other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _cpu.CopyFrom(other._cpu);
        _tia.CopyFrom(other._tia);
        _riot.CopyFrom(other._riot);
        _cartridge.CopyFrom(other._cartridge);
        _random.CopyFrom(other._random);
        _bus.DataBus = other._bus.DataBus;
        _framePending = other._framePending;
        _frameStartCycle = other._frameStartCycle;
        FrameCycles = other.FrameCycles;
    }

    private readonly struct MachineBus(SystemBus bus) : ICpuBus
    {
        public byte Read(ushort address) => bus.Read(address);

        public void Write(ushort address, byte value) => bus.Write(address, value);
    }

    private sealed class SystemBus(Atari2600 machine)
    {
        public byte DataBus;

        private readonly Cartridge _cartridge = machine._cartridge;
        private readonly int[] _cartridgeMap = machine._cartridge.ReadMap;
        private readonly byte[] _image = machine._cartridge.Image;
        private readonly byte[] _ram = machine._riot.Ram;
        private readonly bool _watchLow = machine._cartridge.WatchLow;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public byte Read(ushort address)
        {
            byte v;
            if ((address & 0x1000) != 0)
            {
                int page = _cartridgeMap[((address >> 8) & 0x0F) | ((address >> 9) & 0x10)];
                v = page >= 0 ? _image[page + (address & 0xFF)] : _cartridge.Read(address);
            }
            else if ((address & 0x280) == 0x80)
            {
                v = _ram[address & 0x7F];
            }
            else
            {
                v = ReadChip(address);
            }
            DataBus = v;
            return v;
        }

        private byte ReadChip(ushort address) =>
            (address & 0x80) == 0 ? machine._tia.Read(address, DataBus) : machine._riot.Read(address, machine._cpu.Cycles);

        public void Write(ushort address, byte value)
        {
            DataBus = value;
            if ((address & 0x1000) != 0)
            {
                _cartridge.Write(address, value);
                return;
            }
            if (_watchLow)
            {
                _cartridge.WriteLow(address, value);
            }
            if ((address & 0x80) == 0)
            {
                var cpu = machine._cpu;
                machine._tia.Write(address, value, cpu.Cycles * 3);
                if ((address & 0x3F) == 0x02)
                {
                    cpu.Cycles += machine._tia.WsyncStall(cpu.Cycles);
                }
            }
            else if ((address & 0x200) == 0)
            {
                _ram[address & 0x7F] = value;
            }
            else
            {
                machine._riot.Write(address, value, machine._cpu.Cycles);
            }
        }
    }
}
