namespace Jat.Environments.Tests;

/// <summary>
/// Finds <c>../shared/reference</c> next to the repository (the reference traces made by the original Python
/// environments, JAT's score table). CI has it; where it is absent the tests that need it say so and pass without
/// checking.
/// </summary>
internal static class SharedReference
{
    public static string? Traces(string domain)
    {
        var traces = Reference() is { } reference ? Path.Combine(reference, "traces", domain) : null;
        if (traces is null || !Directory.Exists(traces))
        {
            Console.WriteLine($"SKIPPED: ../shared/reference/traces/{domain} is not next to this checkout; not checked.");
            return null;
        }
        return traces;
    }

    /// <summary><c>../shared/reference/jat_scores.json</c>, or null (said so) where it is absent.</summary>
    public static string? ScoresFile()
    {
        var file = Reference() is { } reference ? Path.Combine(reference, "jat_scores.json") : null;
        if (file is null || !File.Exists(file))
        {
            Console.WriteLine("SKIPPED: ../shared/reference/jat_scores.json is not next to this checkout; not compared.");
            return null;
        }
        return file;
    }

    /// <summary><c>../shared/metaworld-assets</c> (Meta-World's model files, never in the repository), or null (said so).</summary>
    public static string? MetaWorldAssets()
    {
        var folder = Reference() is { } reference ? Path.Combine(Path.GetDirectoryName(reference)!, "metaworld-assets") : null;
        if (folder is null || !Directory.Exists(folder))
        {
            Console.WriteLine("SKIPPED: ../shared/metaworld-assets is not next to this checkout; not checked.");
            return null;
        }
        return folder;
    }

    private static string? Reference()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Jat.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "reference") : null;
    }
}
