using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Jat.Schema.Tests.Interop;

/// <summary>
/// Runs one of the Node.js reader scripts of <c>tests/interop</c> on a file and parses the one JSON document it prints.
/// </summary>
/// <remarks>
/// A missing <c>node_modules</c> fails the test instead of skipping it: a skipped interop test looks green while
/// nothing outside our own code has read the files.
/// </remarks>
internal static class NodeScript
{
    /// <summary>Generous for a 2-core machine under a parallel test run; a script takes ~0.2 s alone.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string> Folder = new(FindFolder);

    public static async Task<JsonObject> RunAsync(string script, string file)
    {
        var folder = Folder.Value;
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
            Assert.Fail($"{folder}/node_modules is missing: run `npm ci --prefix tests/interop` from the repository root first");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);

        Process? started;
        try { started = Process.Start(start); }
        catch (Win32Exception e) { throw new InvalidOperationException($"cannot start `node` (is Node.js 20+ on PATH?): {e.Message}", e); }
        using var process = started ?? throw new InvalidOperationException("`node` did not start");

        // Read both pipes while waiting: a script that fills one pipe would otherwise block forever.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"node {script} {file} did not finish within {Timeout.TotalSeconds:0} s");
            }
        }

        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
            Assert.Fail($"node {script} {file} exited with {process.ExitCode}:\n{errors}");
        try
        {
            return JsonNode.Parse(output) as JsonObject
                ?? throw new InvalidOperationException($"node {script} printed no JSON object:\n{output}");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidOperationException($"node {script} printed something that is not JSON ({e.Message}):\n{output[..Math.Min(output.Length, 2000)]}\n{errors}", e);
        }
    }

    /// <summary>tests/interop of the repository this test assembly was built from (the folder holding Jat.sln).</summary>
    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Jat.sln")))
                return Path.Combine(directory.FullName, "tests", "interop");
        }
        throw new InvalidOperationException($"no Jat.sln above {AppContext.BaseDirectory}; the interop tests run from a build inside the repository");
    }
}
