using System.Diagnostics;
using System.Reflection;
using Jat.Environments.MuJoCo.Native;

namespace Jat.Environments.Tests.MuJoCo;

/// <summary>
/// The struct offsets Jat reads MuJoCo's state at are the installed headers' own: layout-check.c prints them with
/// <c>offsetof</c> and every constant of <see cref="MjLayout"/> must agree.
/// </summary>
public sealed class LayoutTests
{
    [Fact]
    public void Offsets_match_the_installed_MuJoCo_headers()
    {
        var source = Path.Combine(RepositoryRoot(), "environments", "MuJoCo", "Native", "layout-check.c");
        if (!File.Exists("/usr/include/mujoco/mujoco.h") || !File.Exists("/usr/bin/gcc"))
        {
            Console.WriteLine("SKIPPED: gcc or the MuJoCo headers (libmujoco-dev) are missing; run scripts/setup.");
            return;
        }
        var binary = Path.Combine(Path.GetTempPath(), $"jat-layout-{Environment.ProcessId}");
        Run("/usr/bin/gcc", source, "-o", binary);
        var printed = Run(binary).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        File.Delete(binary);

        var constants = typeof(MjLayout).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name != nameof(MjLayout.ObjectBody))
            .ToList();
        Assert.Equal(constants.Count, printed.Count);
        foreach (var field in constants)
        {
            Assert.True(printed.ContainsKey(field.Name), $"layout-check.c does not print {field.Name}");
            Assert.Equal(printed[field.Name], (int)field.GetRawConstantValue()!);
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors}");
        return output;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "Jat.sln")))
        {
            folder = folder.Parent;
        }
        return folder.FullName;
    }
}
