namespace Jat.Environments.Tests;

/// <summary>
/// Finds <c>../shared/reference</c> next to the repository (the reference traces made by the original Python
/// environments). CI has it; where it is absent the tests that need it say so and pass without checking.
/// </summary>
internal static class SharedReference
{
    public static string? Traces(string domain)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Jat.sln")))
        {
            folder = folder.Parent;
        }
        var traces = folder?.Parent is { } parent
            ? Path.Combine(parent.FullName, "shared", "reference", "traces", domain)
            : null;
        if (traces is null || !Directory.Exists(traces))
        {
            Console.WriteLine($"SKIPPED: ../shared/reference/traces/{domain} is not next to this checkout; trace parity not checked.");
            return null;
        }
        return traces;
    }
}
