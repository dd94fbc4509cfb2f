using System.Diagnostics;
using System.Text.Json.Nodes;
using Jat.Schema.Tests;

namespace Jat.Converters.Tests.Wikipedia;

public sealed class WikipediaCommandTests
{
    private static async Task<(int Exit, string Stdout, string Stderr)> JatAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jat.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Convert_wikipedia_writes_a_folder_that_validate_accepts_and_reports_json()
    {
        using var folder = new TempDirectory();
        var dump = new DumpBuilder();
        for (var i = 1; i <= 60; i++)
            dump.Page(i, $"Article {i}", $"'''Article {i}''' is [[text]].");
        dump.Page(61, "Redirect", "#REDIRECT [[Article 1]]", redirectTo: "Article 1");
        await File.WriteAllBytesAsync(folder.Combine("dump.xml.bz2"), dump.MultistreamBZip2());

        var (exit, stdout, stderr) = await JatAsync("convert", "wikipedia", "--input", folder.Combine("dump.xml.bz2"), "--out", folder.Combine("data"), "--test-fraction", "0.2", "--json");
        Assert.True(exit == 0, stderr);
        var report = JsonNode.Parse(stdout)!;
        Assert.Equal(60, (long)report["totalRows"]!);
        Assert.Equal(1, (long)report["skipped"]!["redirect"]!);

        var (valid, _, problems) = await JatAsync("validate", folder.Combine("data"));
        Assert.True(valid == 0, problems);
    }

    [Fact]
    public async Task A_missing_input_is_one_clear_error()
    {
        using var folder = new TempDirectory();
        var (exit, _, stderr) = await JatAsync("convert", "wikipedia", "--input", folder.Combine("nope.xml.bz2"), "--out", folder.Combine("data"));
        Assert.Equal(1, exit);
        Assert.Contains("no dump at", stderr);
    }
}
