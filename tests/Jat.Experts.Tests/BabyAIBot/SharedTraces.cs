namespace Jat.Experts.Tests.BabyAIBot;

/// <summary>
/// Finds <c>../shared/reference/traces/babyai</c> next to the checkout (the folder holding <c>Jat.sln</c>): the bot's
/// recorded actions. Where it is absent the tests that need it say so and pass without checking.
/// </summary>
internal static class SharedTraces
{
    public static string? Folder(string domain = "babyai")
    {
        var root = RepositoryRoot();
        var folder = root?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "reference", "traces", domain) : null;
        if (folder is null || !Directory.Exists(folder))
        {
            Console.WriteLine($"SKIPPED: ../shared/reference/traces/{domain} is not next to this checkout; not checked.");
            return null;
        }
        return folder;
    }

    /// <summary><c>../shared/reference/jat_scores.json</c>, or null (said so) where it is absent.</summary>
    public static string? ScoresFile()
    {
        var root = RepositoryRoot();
        var file = root?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "reference", "jat_scores.json") : null;
        if (file is null || !File.Exists(file))
        {
            Console.WriteLine("SKIPPED: ../shared/reference/jat_scores.json is not next to this checkout; not compared.");
            return null;
        }
        return file;
    }

    private static DirectoryInfo? RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Jat.sln")))
        {
            folder = folder.Parent;
        }
        return folder;
    }
}
