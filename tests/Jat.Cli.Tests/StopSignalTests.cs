using System.Diagnostics;
using Jat.Schema.Tests;

namespace Jat.Cli.Tests;

/// <summary>
/// A job stopped the way a scheduler stops it (SIGTERM: Kubernetes, Slurm, systemd) saves its work before exiting, as
/// on Ctrl+C.
/// </summary>
public sealed class StopSignalTests
{
    [Fact]
    public async Task A_training_stopped_with_SIGTERM_mid_iteration_saves_its_checkpoint()
    {
        using var folder = new TempDirectory();
        // 64 × 1,024 steps an iteration: several seconds on two cores, longer than System.CommandLine's default 2 s
        // grace, which ended the process before the checkpoint was written.
        using var process = JatProcess.Start("train-expert", "mujoco-hopper", "--steps", "5000000", "--threads", "1",
            "--set", "RolloutSteps=1024", "--out", folder.Path);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var curve = Path.Combine(folder.Path, "learning-curve.csv");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        // Stop it once the first iteration is done (one line of the curve), so the next one is under way.
        while (!process.HasExited && DataLines(curve) < 1 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        if (process.HasExited)
            Assert.Fail($"jat exited (code {process.ExitCode}) before it could be stopped: {await stderr}");
        Assert.False(File.Exists(Path.Combine(folder.Path, "expert.jatexpert")), "a checkpoint was saved before the stop; the test proves nothing");

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {await stderr}");
        Assert.Contains("the same command resumes it", await stderr, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(folder.Path, "expert.jatexpert")).Length > 0, "no checkpoint after SIGTERM");
        Assert.True(File.Exists(Path.Combine(folder.Path, "optimizer.bin")), "no optimizer state after SIGTERM");
        _ = await stdout;
    }

    private static int DataLines(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var lines = 0;
            while (reader.ReadLine() is not null)
                lines++;
            return Math.Max(0, lines - 1);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
