namespace Jat.Model.Tests.Processing.Images;

/// <summary>The files make_reference.py wrote with real Pillow (Debian's python3-pil 9.4.0).</summary>
internal static class PillowReference
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Processing", "Images", "Reference");

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    /// <summary>Whitespace-separated lines of a reference table.</summary>
    public static IEnumerable<string[]> Table(string name) =>
        File.ReadAllLines(Path.Combine(Folder, name)).Where(l => l.Length > 0).Select(l => l.Split(' '));
}
