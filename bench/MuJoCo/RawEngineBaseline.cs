using System.Diagnostics;
using System.Globalization;

namespace Jat.Benchmarks.MuJoCo;

/// <summary>
/// Builds and runs <c>raw-step.c</c>, the C loop around <c>mj_step</c> that Jat's environments are measured against.
/// It needs gcc and MuJoCo's headers (<c>libmujoco-dev</c>), which <c>scripts/setup</c> installs.
/// </summary>
internal sealed class RawEngineBaseline : IDisposable
{
    private readonly string _folder;
    private readonly string _program;

    private RawEngineBaseline(string folder)
    {
        _folder = folder;
        _program = Path.Combine(folder, "raw-step");
    }

    public static RawEngineBaseline Build()
    {
        if (!File.Exists("/usr/include/mujoco/mujoco.h"))
        {
            throw new InvalidOperationException(
                "the raw-engine baseline needs MuJoCo's headers: run ./scripts/setup (or `sudo apt-get install libmujoco-dev gcc`).");
        }
        var folder = Directory.CreateTempSubdirectory("jat-bench-mujoco-").FullName;
        var baseline = new RawEngineBaseline(folder);
        var source = Path.Combine(folder, "raw-step.c");
        using (var stream = typeof(RawEngineBaseline).Assembly.GetManifestResourceStream("Jat.Benchmarks.raw-step.c")!)
        using (var file = File.Create(source))
        {
            stream.CopyTo(file);
        }
        var (code, _, errors) = Run("gcc", ["-O2", "-o", baseline._program, source, "-l:libmujoco.so.2.2.2"]);
        if (code != 0)
        {
            baseline.Dispose();
            throw new InvalidOperationException($"could not compile the raw-engine baseline with gcc: {errors.Trim()}");
        }
        return baseline;
    }

    /// <summary>Physics steps per second of the model in <paramref name="modelXml"/>.</summary>
    public double StepsPerSecond(string modelXml, int frameSkip, int episodeSteps, double seconds, int seed)
    {
        var model = Path.Combine(_folder, "model.xml");
        File.WriteAllText(model, modelXml);
        var (code, output, errors) = Run(_program, [model, $"{frameSkip}", $"{episodeSteps}",
            seconds.ToString(CultureInfo.InvariantCulture), $"{seed}"]);
        if (code != 0)
        {
            throw new InvalidOperationException($"the raw-engine baseline failed: {errors.Trim()}");
        }
        var parts = output.Trim().Split(' ');
        return long.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Output, string Errors) Run(string program, string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"could not run {program} ({error.Message}); run ./scripts/setup to install gcc.", error);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result, errors);
        }
    }
}
