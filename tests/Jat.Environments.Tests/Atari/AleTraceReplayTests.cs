using System.Text.Json;
using Jat.Environments.Atari.Emulator;

namespace Jat.Environments.Tests.Atari;

/// <summary>
/// Replays ../shared/reference/traces/atari (ALE 0.8.1 on test ROMs) from power-on: every frame's screen and RAM
/// digests and CPU cycle count must equal ALE's.
/// </summary>
public sealed class AleTraceReplayTests
{
    // Not yet equal (see /work/notes/issue-18.md): hmove, missiles, players, playfield (TIA details: late HMOVE,
    // reset strobes, playfield write timing).
    public static TheoryData<string> Traces() =>
    [
        "2048", "bank_3f", "bank_e0", "bank_e7", "bank_f4", "bank_f6", "bank_f8", "bank_f8sc", "bank_fa", "collide", "game", "input",
        "riot", "timing", "undoc",
    ];

    internal static string? Replay(JsonElement run, string folder)
    {
        var rom = File.ReadAllBytes(Path.Combine(folder, run.GetProperty("rom").GetString()!));
        var machine = Atari2600.CreateLikeAle(rom);
        var ale = run.GetProperty("ale");
        if (machine.Scheme != ale.GetProperty("cart_type").GetString())
        {
            return $"scheme {machine.Scheme} != ALE's {ale.GetProperty("cart_type").GetString()}";
        }
        // From ALE's power-on garbage and its 60-frame probe the RIOT RAM must come out as ALE recorded it.
        var powerOn = Convert.FromHexString(ale.GetProperty("power_on_ram").GetString()!);
        if (!machine.Ram.SequenceEqual(powerOn))
        {
            return "RAM after ALE's console creation differs: " + Convert.ToHexString(machine.Ram) + " != " + Convert.ToHexString(powerOn);
        }
        var frames = run.GetProperty("frames");
        int n = frames.GetProperty("n").GetInt32();
        var resets = frames.GetProperty("system_reset").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        var input = frames.GetProperty("input").GetString()!;
        var screens = frames.GetProperty("screen_crc32").EnumerateArray().Select(e => e.GetString()).ToArray();
        var rams = frames.GetProperty("ram_crc32").EnumerateArray().Select(e => e.GetString()).ToArray();
        var cycles = frames.GetProperty("cpu_cycles").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        string? first = null;
        var stored = frames.GetProperty("screens").GetProperty("frames").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
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
            if (Crc32.Of(machine.Ram).ToString("x8") != rams[i]) why.Add("RAM differs: " + RamDiff(frames, i, machine.Ram));
            if (Crc32.Of(machine.Screen).ToString("x8") != screens[i]) why.Add("screen differs");
            if (first is null && why.Count > 0)
            {
                first = $"frame {i} of {n}: {string.Join(", ", why)}";
            }
            if (first is not null && stored.Contains(i))
            {
                return first + $"; at stored frame {i}: " + ScreenDiff(run, i, machine.Screen);
            }
        }
        return first;
    }

    private static string RamDiff(JsonElement frames, int frame, ReadOnlySpan<byte> ram)
    {
        var packed = Convert.FromBase64String(frames.GetProperty("ram").GetString()!);
        using var z = new System.IO.Compression.ZLibStream(new MemoryStream(packed), System.IO.Compression.CompressionMode.Decompress);
        var all = new MemoryStream();
        z.CopyTo(all);
        var w = all.ToArray().AsSpan(frame * 128, 128);
        var diffs = new List<string>();
        for (int p = 0; p < 128; p++)
        {
            if (w[p] != ram[p])
            {
                diffs.Add($"${0x80 + p:X2} {ram[p]:X2}!={w[p]:X2}");
            }
        }
        return string.Join(" ", diffs);
    }

    private static string ScreenDiff(JsonElement run, int frame, ReadOnlySpan<byte> screen)
    {
        var stored = run.GetProperty("frames").GetProperty("screens");
        var list = stored.GetProperty("frames").EnumerateArray().Select(e => e.GetInt32()).ToList();
        int k = list.IndexOf(frame);
        if (k < 0)
        {
            return "(screen not stored)";
        }
        var packed = Convert.FromBase64String(stored.GetProperty("zlib_b64")[k].GetString()!);
        using var z = new System.IO.Compression.ZLibStream(new MemoryStream(packed), System.IO.Compression.CompressionMode.Decompress);
        var want = new MemoryStream();
        z.CopyTo(want);
        var w = want.ToArray();
        var diffs = new List<string>();
        for (int p = 0; p < w.Length && diffs.Count < 12; p++)
        {
            if (w[p] != screen[p])
            {
                diffs.Add($"({p / 160},{p % 160}) {screen[p]:X2}!={w[p]:X2}");
            }
        }
        int total = 0;
        for (int p = 0; p < w.Length; p++) total += w[p] != screen[p] ? 1 : 0;
        return $"{total} px differ: " + string.Join(" ", diffs);
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
