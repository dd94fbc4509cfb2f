using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Jat.Benchmarks;

/// <summary>Runs <c>tests/interop/duckdb-write-bench.mjs</c> with Node.js: DuckDB writing and reading the rows of a Jat shard.</summary>
internal sealed class DuckDbBaseline(string node, string interop)
{
    private const string Script = "duckdb-write-bench.mjs";

    private const string HowToInstall =
        "to get it, run from a Jat checkout with Node.js 20+ on the PATH, after `npm ci --prefix tests/interop`";

    /// <summary>
    /// Node.js and the interop folder of the checkout around the current directory or this program, with
    /// <c>@duckdb/node-api</c> installed; otherwise why the baseline is skipped, and how to get it.
    /// </summary>
    public static (DuckDbBaseline? Baseline, string? Missing) Find()
    {
        var interop = new[] { Environment.CurrentDirectory, AppContext.BaseDirectory }
            .SelectMany(Ancestors)
            .Select(dir => Path.Combine(dir, "tests", "interop"))
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, Script)));
        if (interop is null)
            return (null, $"DuckDB baseline skipped: no tests/interop/{Script} around here; {HowToInstall}");
        if (!Directory.Exists(Path.Combine(interop, "node_modules", "@duckdb", "node-api")))
            return (null, $"DuckDB baseline skipped: @duckdb/node-api is not installed in {interop}; run `npm ci --prefix tests/interop`");
        var node = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);
        return node is null
            ? (null, $"DuckDB baseline skipped: Node.js (`node`) is not on the PATH; {HowToInstall}")
            : (new DuckDbBaseline(node, interop), null);
    }

    /// <summary>DuckDB's runs: the same number of timed runs as Jat's, after at most one warm-up (native code has no JIT to warm).</summary>
    public async Task<EngineResult> MeasureAsync(string shard, string scratch, ShardBenchOptions options, int threads, ShardWorkload workload,
        CancellationToken ct)
    {
        var start = new ProcessStartInfo(node) { WorkingDirectory = interop, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     Script, shard, scratch,
                     "--repeat", Text(options.Repeat), "--warmup", Text(Math.Min(options.Warmup, 1)), "--threads", Text(threads),
                     "--compression", options.DuckDbCompression,
                 })
            start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start {node} for the DuckDB baseline: {e.Message}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"the DuckDB baseline failed (exit {process.ExitCode}): {(await stderr).Trim()}");
            var result = JsonNode.Parse(await stdout) ?? throw new InvalidOperationException("the DuckDB baseline printed no JSON");
            var rows = (long)result["rows"]!;
            if (rows != workload.Rows.Count)
                throw new InvalidOperationException($"DuckDB loaded {rows} rows of {workload.Rows.Count}");
            return new EngineResult($"duckdb {(string?)result["version"]}", (int)result["threads"]!, (string)result["compression"]!,
                (long)result["fileBytes"]!, TimingOf(result["writeSeconds"]!), TimingOf(result["readSeconds"]!), workload.Bytes, rows);
        }
    }

    private static Timing TimingOf(JsonNode node) =>
        new((double)node["median"]!, (double)node["min"]!, node["runs"]!.AsArray().Select(r => (double)r!).ToArray());

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            yield return dir.FullName;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
