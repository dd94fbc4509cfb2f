using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Jat.Benchmarks;

/// <summary>Runs <c>tests/interop/duckdb-write-bench.mjs</c>: DuckDB writing and reading the rows of a Jat shard.</summary>
internal sealed class DuckDbBaseline(string folder)
{
    public const string MissingReason =
        "DuckDB baseline skipped: run from a Jat checkout with Node.js and `npm ci --prefix tests/interop` done";

    /// <summary>The interop folder of the checkout around the current directory or this program, if its packages are installed.</summary>
    public static DuckDbBaseline? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var interop = Path.Combine(dir.FullName, "tests", "interop");
                if (File.Exists(Path.Combine(dir.FullName, "Jat.sln")) && Directory.Exists(Path.Combine(interop, "node_modules", "@duckdb")))
                    return new DuckDbBaseline(interop);
            }
        return null;
    }

    public async Task<EngineResult> MeasureAsync(string shard, string scratch, int repeat, int threads, ShardWorkload workload, CancellationToken ct)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "duckdb-write-bench.mjs", shard, scratch, repeat.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        Process? process;
        try { process = Process.Start(start); }
        catch (Win32Exception e) { throw new InvalidOperationException($"cannot start node for the DuckDB baseline: {e.Message}", e); }
        using (process)
        {
            var stdout = process!.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"the DuckDB baseline failed: {await stderr}");
            var result = JsonNode.Parse(await stdout)!;
            static Timing Read(JsonNode node) => new((double)node["median"]!, (double)node["best"]!);
            var rows = (long)result["rows"]!;
            if (rows != workload.Rows.Count)
                throw new InvalidOperationException($"DuckDB loaded {rows} rows of {workload.Rows.Count}");
            return new EngineResult($"duckdb {(string?)result["version"]}", (int)result["threads"]!, (long)result["fileBytes"]!,
                Read(result["writeSeconds"]!), Read(result["readSeconds"]!), workload.Bytes, rows);
        }
    }
}
