using System.Security.Cryptography;
using System.Text;

namespace Jat.Environments.MetaWorld.Assets;

/// <summary>
/// The XML and mesh files of Meta-World's <c>assets_v2</c> folder that the 50 tasks compile, each with its size and
/// git blob id, measured at the commit the reference traces ran on. Jat ships these facts, never the files: a user's
/// copy is checked against them before a model is compiled from it.
/// </summary>
public sealed class AssetManifest
{
    /// <summary>The Meta-World commit whose <c>assets_v2</c> the manifest describes.</summary>
    public const string Commit = "08489b46faffe3bfdeaa1287fa108260e74e194d";

    private AssetManifest(IReadOnlyList<AssetFile> files) => Files = files;

    public static AssetManifest Shipped { get; } = Read();

    public IReadOnlyList<AssetFile> Files { get; }

    /// <summary>The first file of <paramref name="folder"/> that is missing or differs, in one line; null when all agree.</summary>
    public string? FirstProblem(string folder)
    {
        foreach (var file in Files)
        {
            var path = Path.Combine(folder, file.Path);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return $"{path} is missing";
            }
            if (info.Length != file.Size)
            {
                return $"{path} has {info.Length} bytes, not the {file.Size} of Meta-World {Commit[..8]}'s";
            }
            if (GitBlobId(File.ReadAllBytes(path)) != file.BlobId)
            {
                return $"{path} differs from Meta-World {Commit[..8]}'s (git blob {file.BlobId[..12]}…)";
            }
        }
        return null;
    }

    /// <summary>The id git gives a file's content: SHA-1 of <c>"blob &lt;size&gt;\0"</c> and the bytes.</summary>
    public static string GitBlobId(ReadOnlySpan<byte> content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha.AppendData(header);
        sha.AppendData(content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static AssetManifest Read()
    {
        using var stream = typeof(AssetManifest).Assembly.GetManifestResourceStream("Jat.Environments.MetaWorld.manifest.tsv")
            ?? throw new InvalidOperationException("the Meta-World asset manifest is not embedded (a build error).");
        using var reader = new StreamReader(stream);
        var files = new List<AssetFile>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split('\t');
            files.Add(new AssetFile(parts[0], long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2]));
        }
        return new AssetManifest(files);
    }
}

/// <summary>One file of the manifest: its path below <c>assets_v2</c>, its size and its git blob id.</summary>
public sealed record AssetFile(string Path, long Size, string BlobId);
