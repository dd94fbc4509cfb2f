using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Jat.Benchmarks.Model;

/// <summary>
/// The baseline of <c>jat bench model</c>: the same shapes timed by bench/python/bench_model.py, an independent PyTorch
/// JAT run by Debian's python3-torch (<c>scripts/install-python-torch</c>), with the same threads and repeats.
/// </summary>
public static class PyTorchModelBaseline
{
    public const string Python = "/usr/bin/python3";

    /// <summary>bench/python/bench_model.py of the source tree this program was built from or is run in, if found.</summary>
    public static string? FindScript()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "python", "bench_model.py");
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    /// <returns>the baseline's figures, or why it could not run (one line)</returns>
    public static (ModelBenchReport? Report, string? Why) Run(ModelBenchOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var script = FindScript();
        if (script is null)
            return (null, "bench/python/bench_model.py not found (run from a Jat source tree)");
        if (!File.Exists(Python))
            return (null, $"{Python} not found (scripts/install-python-torch installs Debian's python3-torch)");
        // The preset's config.json, so that both sides build exactly the same model whatever the presets are called.
        var config = Path.Combine(Path.GetTempPath(), $"jat-bench-model-{Environment.ProcessId}.json");
        File.WriteAllText(config, Jat.Model.Configuration.ModelPresets.Get(options.Config).ToJson());
        try
        {
            return Run(script, config, options, ct);
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static (ModelBenchReport? Report, string? Why) Run(string script, string config, ModelBenchOptions options, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     script, "--config", config, "--threads", Str(options.Threads), "--repeats", Str(options.Repeats),
                     "--batches", string.Join(',', options.BatchSizes.Select(Str)), "--calls", Str(options.Calls),
                     "--tasks", string.Join(',', options.ShapeNames), "--json",
                 })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        using var kill = ct.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } });
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        ct.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
            return (null, $"{Python} {Path.GetFileName(script)} exited with code {process.ExitCode} (is python3-torch installed?)");
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var train = root.GetProperty("train").EnumerateArray().Select(t => new TrainFigure(
            t.GetProperty("task").GetString()!, t.GetProperty("batch").GetInt32(), t.GetProperty("steps").GetInt32(),
            t.GetProperty("tokens").GetInt32(), t.GetProperty("forward_s").GetDouble(), t.GetProperty("forward_backward_s").GetDouble())).ToList();
        var inference = root.GetProperty("inference").EnumerateArray().Select(i => new InferenceFigure(
            i.GetProperty("task").GetString()!,
            i.GetProperty("context_window").ValueKind == JsonValueKind.Null ? null : i.GetProperty("context_window").GetInt32(),
            i.GetProperty("cached_entries").GetInt32(), i.GetProperty("kv_cache_steps_per_s").GetDouble(),
            i.GetProperty("recompute_steps_per_s").GetDouble(), i.GetProperty("speedup").GetDouble())).ToList();
        var name = "pytorch " + root.GetProperty("torch").GetString();
        return (new ModelBenchReport(name, options.Config, root.GetProperty("parameters").GetInt64(), options.Threads, options.Repeats, train, inference), null);
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
