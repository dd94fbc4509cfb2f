using System.Diagnostics;
using Jat.Environments.Atari.Emulator;

namespace Jat.Benchmarks.Atari;

/// <summary>One ROM's figure: raw emulator frames per second on one thread (frame skip 1, random joystick actions).</summary>
/// <remarks>
/// <see cref="MedianFramesPerCpuSecond"/> divides by the process's CPU time instead of the wall clock: on a shared
/// machine it is the figure the other processes disturb least.
/// </remarks>
public sealed record AtariRomResult(string Rom, string Scheme, long Frames, double MedianFramesPerSecond, double BestFramesPerSecond,
    double MedianFramesPerCpuSecond, IReadOnlyList<double> Runs);

public sealed record AtariBenchReport(IReadOnlyList<AtariRomResult> Roms, int Repeat, double? OtherProcessesCpuShare);

/// <summary>
/// <c>jat bench atari</c>: each ROM booted from power-on and run frame after frame with uniform random ALE joystick
/// actions on one thread, as ALE's raw <c>act</c> loop does (ALE's figure on this machine is in the traces README).
/// </summary>
public static class AtariThroughput
{
    public static AtariBenchReport Run(IReadOnlyList<string> roms, long frames, int repeat, IProgress<string>? progress, CancellationToken cancel)
    {
        var load = new MachineLoad();
        var results = new List<AtariRomResult>();
        foreach (var path in roms)
        {
            var rom = AtariRom.Load(path);
            var machine = rom.Boot();
            var random = new Random(1);
            var runs = new List<double>();
            var perCpuSecond = new List<double>();
            RunFrames(machine, random, Math.Min(frames, 600));
            for (int run = 0; run < repeat; run++)
            {
                cancel.ThrowIfCancellationRequested();
                progress?.Report($"{Path.GetFileName(path)}: run {run + 1} of {repeat}");
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                RunFrames(machine, random, frames);
                runs.Add(frames / clock.Elapsed.TotalSeconds);
                perCpuSecond.Add(frames / Math.Max(1e-6, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds));
            }
            var sorted = runs.Order().ToArray();
            results.Add(new AtariRomResult(path, rom.Scheme, frames, sorted[sorted.Length / 2], sorted[^1],
                perCpuSecond.Order().ElementAt(perCpuSecond.Count / 2), runs));
        }
        return new AtariBenchReport(results, repeat, load.OthersShare());
    }

    private static void RunFrames(Atari2600 machine, Random random, long frames)
    {
        for (long i = 0; i < frames; i++)
        {
            machine.SetInput(AleActions.InputBits(random.Next(AleActions.Count)));
            machine.RunFrame();
        }
    }
}
