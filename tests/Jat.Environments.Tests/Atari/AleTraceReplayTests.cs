using System.Text.Json;
using Jat.Environments.Atari.Emulator;

namespace Jat.Environments.Tests.Atari;

/// <summary>
/// Replays ../shared/reference/traces/atari (ALE 0.8.1 on test ROMs) from power-on: every frame's screen and RAM
/// digests and CPU cycle count must equal ALE's.
/// </summary>
public sealed class AleTraceReplayTests
{
    public static TheoryData<string> Traces() =>
    [
        "2048", "bank_3f", "bank_e0", "bank_e7", "bank_f4", "bank_f6", "bank_f8", "bank_f8sc", "bank_fa", "collide", "game",
        "hmove", "input", "missiles", "players", "playfield", "riot", "timing", "undoc",
    ];

    internal static string? Replay(JsonElement run, string folder)
    {
        var rom = File.ReadAllBytes(Path.Combine(folder, run.GetProperty("rom").GetString()!));
        var machine = new Atari2600(rom);
        var ale = run.GetProperty("ale");
        if (machine.Scheme != ale.GetProperty("cart_type").GetString())
        {
            return $"scheme {machine.Scheme} != ALE's {ale.GetProperty("cart_type").GetString()}";
        }
        Convert.FromHexString(ale.GetProperty("power_on_ram").GetString()!).CopyTo(machine.Ram);
        var frames = run.GetProperty("frames");
        int n = frames.GetProperty("n").GetInt32();
        var resets = frames.GetProperty("system_reset").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        var input = frames.GetProperty("input").GetString()!;
        var screens = frames.GetProperty("screen_crc32").EnumerateArray().Select(e => e.GetString()).ToArray();
        var rams = frames.GetProperty("ram_crc32").EnumerateArray().Select(e => e.GetString()).ToArray();
        var cycles = frames.GetProperty("cpu_cycles").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        for (int i = 0; i < n; i++)
        {
            if (resets.Contains(i))
            {
                machine.SystemReset();
            }
            machine.SetInput(Convert.ToInt32(input.Substring(2 * i, 2), 16));
            machine.RunFrame();
            var why = new List<string>();
            if (machine.FrameCycles != cycles[i]) why.Add($"cycles {machine.FrameCycles} != {cycles[i]}");
            if (Crc32.Of(machine.Ram).ToString("x8") != rams[i]) why.Add("RAM differs");
            if (Crc32.Of(machine.Screen).ToString("x8") != screens[i]) why.Add("screen differs");
            if (why.Count > 0)
            {
                return $"frame {i} of {n}: {string.Join(", ", why)}";
            }
        }
        return null;
    }

    [Theory]
    [MemberData(nameof(Traces))]
    public void EveryFrameEqualsAle(string trace)
    {
        if (SharedReference.Traces("atari") is not { } folder)
        {
            return;
        }
        foreach (var line in File.ReadLines(Path.Combine(folder, trace + ".jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var why = Replay(doc.RootElement, folder);
            Console.WriteLine($"{trace}/{doc.RootElement.GetProperty("run").GetString()}: {why ?? "every frame equal"}");
            Assert.Null(why);
        }
    }
}
