namespace Jat.Cli.Commands;

/// <summary>
/// The experts Jat ships: checkpoints committed under <c>experts/Shipped/&lt;task&gt;.jatexpert</c> and copied next to
/// the program at build time.
/// </summary>
internal static class ShippedExperts
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "experts");

    public static string? PathFor(string task)
    {
        var path = Path.Combine(Folder, task + ".jatexpert");
        return File.Exists(path) ? path : null;
    }

    public static IReadOnlyList<string> Tasks =>
        Directory.Exists(Folder)
            ? [.. Directory.EnumerateFiles(Folder, "*.jatexpert").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)]
            : [];
}
