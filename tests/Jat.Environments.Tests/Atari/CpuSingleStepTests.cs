using System.IO.Compression;
using System.Text.Json;
using Jat.Environments.Atari.Emulator;

namespace Jat.Environments.Tests.Atari;

/// <summary>
/// Thomas Harte's NMOS 6502 single-step cases (../shared/reference/atari/cpu-tests): every one must pass in the
/// hardware mode, bus cycle by bus cycle; in the ALE mode only the documented differences of atari-games.md §3.4 may
/// show (decimal ADC/SBC flags, LAX zp's fourth cycle), and no others.
/// </summary>
public sealed class CpuSingleStepTests
{
    private sealed class FlatBus : ICpuBus
    {
        public readonly byte[] Memory = new byte[65536];
        public readonly List<(ushort Address, byte Value, bool Write)> Log = [];

        public byte Read(ushort address)
        {
            Log.Add((address, Memory[address], false));
            return Memory[address];
        }

        public void Write(ushort address, byte value)
        {
            Log.Add((address, value, true));
            Memory[address] = value;
        }
    }

    // The CPU takes its bus as a struct; this one forwards to the logging memory.
    private readonly struct Port(FlatBus bus) : ICpuBus
    {
        public byte Read(ushort address) => bus.Read(address);

        public void Write(ushort address, byte value) => bus.Write(address, value);
    }

    private static string? Folder()
    {
        var traces = SharedReference.Traces("atari");
        if (traces is null)
        {
            return null;
        }
        var folder = Path.Combine(traces, "..", "..", "atari", "cpu-tests");
        return Directory.Exists(folder) ? folder : null;
    }

    private static IEnumerable<JsonElement> Cases(string file)
    {
        using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(gz);
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static (Cpu6507<Port> Cpu, FlatBus Bus) Load(JsonElement initial, CpuMode mode)
    {
        var bus = new FlatBus();
        foreach (var cell in initial.GetProperty("ram").EnumerateArray())
        {
            bus.Memory[cell[0].GetInt32()] = (byte)cell[1].GetInt32();
        }
        var cpu = new Cpu6507<Port>(new Port(bus), mode)
        {
            PC = (ushort)initial.GetProperty("pc").GetInt32(),
            S = (byte)initial.GetProperty("s").GetInt32(),
            A = (byte)initial.GetProperty("a").GetInt32(),
            X = (byte)initial.GetProperty("x").GetInt32(),
            Y = (byte)initial.GetProperty("y").GetInt32(),
            P = (byte)initial.GetProperty("p").GetInt32(),
        };
        return (cpu, bus);
    }

    private static string? Mismatch(Cpu6507<Port> cpu, FlatBus bus, JsonElement final)
    {
        var got = new[] { cpu.PC, cpu.S, cpu.A, cpu.X, cpu.Y, cpu.P };
        var names = new[] { "pc", "s", "a", "x", "y", "p" };
        for (int i = 0; i < names.Length; i++)
        {
            int want = final.GetProperty(names[i]).GetInt32();
            if (got[i] != want)
            {
                return $"{names[i]} {got[i]} != {want}";
            }
        }
        foreach (var cell in final.GetProperty("ram").EnumerateArray())
        {
            int address = cell[0].GetInt32(), want = cell[1].GetInt32();
            if (bus.Memory[address] != want)
            {
                return $"ram[{address}] {bus.Memory[address]} != {want}";
            }
        }
        return null;
    }

    private static string? BusMismatch(FlatBus bus, JsonElement cycles)
    {
        var want = cycles.EnumerateArray().ToList();
        if (want.Count != bus.Log.Count)
        {
            return $"{bus.Log.Count} bus cycles != {want.Count}";
        }
        for (int i = 0; i < want.Count; i++)
        {
            var (address, value, write) = bus.Log[i];
            if (address != want[i][0].GetInt32() || value != want[i][1].GetInt32() || write != (want[i][2].GetString() == "write"))
            {
                return $"bus cycle {i}: {address},{value},{(write ? "write" : "read")} != {want[i]}";
            }
        }
        return null;
    }

    [Fact]
    public void EveryCasePassesInHardwareModeWithEveryBusCycle()
    {
        if (Folder() is not { } folder)
        {
            return;
        }
        int passed = 0;
        var failures = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.json.gz").Order())
        {
            foreach (var test in Cases(file))
            {
                var (cpu, bus) = Load(test.GetProperty("initial"), CpuMode.Hardware);
                cpu.Step();
                var why = Mismatch(cpu, bus, test.GetProperty("final")) ?? BusMismatch(bus, test.GetProperty("cycles"));
                if (why is null && cpu.Cycles != bus.Log.Count)
                {
                    why = $"clock {cpu.Cycles} != {bus.Log.Count} accesses";
                }
                if (why is null)
                {
                    passed++;
                }
                else if (failures.Count < 20)
                {
                    failures.Add($"{test.GetProperty("name").GetString()}: {why}");
                }
                else
                {
                    failures.Add("");
                }
            }
        }
        Console.WriteLine($"hardware mode: {passed} cases pass, {failures.Count} fail");
        Assert.True(failures.Count == 0, $"{failures.Count} fail:\n" + string.Join("\n", failures.Where(f => f.Length > 0)));
        Assert.Equal(118_000, passed);
    }

    [Fact]
    public void NopAbsoluteErrataTakeFourCyclesAndEndRight()
    {
        if (Folder() is not { } folder)
        {
            return;
        }
        foreach (var test in Cases(Path.Combine(folder, "known-errata", "0c.json.gz")))
        {
            var (cpu, bus) = Load(test.GetProperty("initial"), CpuMode.Hardware);
            cpu.Step();
            Assert.Null(Mismatch(cpu, bus, test.GetProperty("final")));
            Assert.Equal(4, cpu.Cycles);
        }
    }

    private static bool IsDecimalArithmetic(JsonElement test)
    {
        int op = Convert.ToInt32(test.GetProperty("name").GetString()![..2], 16);
        bool adcSbc = (op & 0xE3) is 0x61 or 0xE1 || (op & 0xE3) is 0x63 or 0xE3 || op is 0x69 or 0xE9 or 0xEB or 0x6B
            || (op & 0x1F) is 0x19 or 0x1D or 0x1B or 0x1F or 0x11 or 0x13 or 0x15 or 0x17 or 0x05 or 0x07 or 0x0D or 0x0F;
        return adcSbc && (test.GetProperty("initial").GetProperty("p").GetInt32() & 0x08) != 0;
    }

    [Fact]
    public void AleModeDiffersOnlyWhereAleDoes()
    {
        if (Folder() is not { } folder)
        {
            return;
        }
        int same = 0, decimalDiffers = 0, laxZpSlower = 0;
        var unexpected = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.json.gz").Order())
        {
            foreach (var test in Cases(file))
            {
                var name = test.GetProperty("name").GetString()!;
                var (cpu, bus) = Load(test.GetProperty("initial"), CpuMode.AleCompatible);
                cpu.Step();
                var why = Mismatch(cpu, bus, test.GetProperty("final"));
                int chipCycles = test.GetProperty("cycles").GetArrayLength();
                if (why is not null)
                {
                    if (IsDecimalArithmetic(test) && (name.StartsWith("6b", StringComparison.Ordinal) is false))
                    {
                        decimalDiffers++;
                        continue;
                    }
                    unexpected.Add($"{name}: {why}");
                    continue;
                }
                // No dummy accesses: fewer or equal bus cycles than the chip, the same clock count.
                if (bus.Log.Count > chipCycles)
                {
                    unexpected.Add($"{name}: {bus.Log.Count} accesses > chip's {chipCycles}");
                }
                if (name.StartsWith("a7", StringComparison.Ordinal))
                {
                    Assert.Equal(4, cpu.Cycles);
                    laxZpSlower++;
                }
                else if (cpu.Cycles != chipCycles)
                {
                    unexpected.Add($"{name}: clock {cpu.Cycles} != {chipCycles}");
                }
                else
                {
                    same++;
                }
            }
        }
        Console.WriteLine($"ALE mode: {same} cases as the chip, {decimalDiffers} decimal ADC/SBC/RRA/ISB cases with ALE's flags, {laxZpSlower} LAX zp in 4 cycles");
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Take(20)));
        Assert.Equal(500, laxZpSlower);
    }

    [Fact]
    public void AleDecimalAddSetsFlagsFromTheBcdResult()
    {
        var bus = new FlatBus();
        bus.Memory[0] = 0x69; // ADC #$01 with A = $99, D set: BCD result $00, carry out, Z from the result.
        bus.Memory[1] = 0x01;
        var cpu = new Cpu6507<Port>(new Port(bus), CpuMode.AleCompatible) { A = 0x99, P = 0x28 };
        cpu.Step();
        Assert.Equal(0x00, cpu.A);
        Assert.Equal(0x01 | 0x02 | 0x20 | 0x08, cpu.P & 0xEF);
        var chip = new Cpu6507<Port>(new Port(bus), CpuMode.Hardware) { A = 0x99, P = 0x28 };
        chip.Step();
        Assert.Equal(0x00, chip.A);
        Assert.Equal(0, chip.P & 0x02); // the chip's Z comes from the binary sum $9A
    }

    [Fact]
    public void JamOpcodeIsOneClearError()
    {
        var bus = new FlatBus();
        bus.Memory[0x1234] = 0x02;
        var cpu = new Cpu6507<Port>(new Port(bus), CpuMode.AleCompatible) { PC = 0x1234 };
        var error = Assert.Throws<CpuJamException>(cpu.Step);
        Assert.Contains("$02", error.Message, StringComparison.Ordinal);
        Assert.Contains("$1234", error.Message, StringComparison.Ordinal);
    }
}
