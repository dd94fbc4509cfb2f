using System.Collections.Concurrent;
using Jat.Environments.Families;

namespace Jat.Environments.MetaWorld.Assets;

/// <summary>
/// Finds the user's copy of Meta-World's <c>assets_v2</c> folder and checks it against <see cref="AssetManifest"/>.
/// Places, in order: the folder a command was given (<c>--metaworld-assets</c>), <c>JAT_METAWORLD_ASSETS</c>, Jat's
/// cache (a copy of the folder put there), and the <c>assets_v2</c> folder of an installed
/// <c>metaworld</c> Python package. The first place that exists is the one used: a folder the user named that does not
/// verify is an error, not a reason to silently take another copy.
/// </summary>
public static class MetaWorldAssets
{
    public const string EnvironmentVariable = "JAT_METAWORLD_ASSETS";

    private static readonly ConcurrentDictionary<string, string?> Verified = new(StringComparer.Ordinal);
    private static string? _explicitFolder;

    /// <summary>The folder a command was given; it wins over every other place.</summary>
    public static void UseFolder(string? folder) => Volatile.Write(ref _explicitFolder, string.IsNullOrEmpty(folder) ? null : Path.GetFullPath(folder));

    /// <summary>Jat's own place for the files: <c>$XDG_CACHE_HOME/jat/metaworld-&lt;commit&gt;/assets_v2</c>.</summary>
    public static string CacheFolder
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
            {
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            }
            return Path.Combine(cache, "jat", $"metaworld-{AssetManifest.Commit[..8]}", "assets_v2");
        }
    }

    /// <summary>The verified folder to compile models from.</summary>
    /// <exception cref="MetaWorldAssetsUnavailableException">no place has the files, or the one found differs.</exception>
    public static string Folder()
    {
        var places = Places();
        var found = places.FirstOrDefault(place => Directory.Exists(place.Folder));
        if (found.Folder is null)
        {
            var looked = string.Join(", ", places.Select(place => $"{place.Folder} ({place.Source})"));
            throw new MetaWorldAssetsUnavailableException(
                $"Meta-World's model files (assets_v2 of Farama-Foundation/Metaworld {AssetManifest.Commit[..8]}) were not found; "
                + $"looked in {looked}. {HowToGet}");
        }
        var problem = Verified.GetOrAdd(found.Folder, AssetManifest.Shipped.FirstProblem);
        if (problem is not null)
        {
            throw new MetaWorldAssetsUnavailableException(
                $"Meta-World's model files in {found.Folder} ({found.Source}) are not those of Metaworld {AssetManifest.Commit[..8]}: {problem}. "
                + HowToGet);
        }
        return found.Folder;
    }

    /// <summary>A task model's path in the verified folder (<c>sawyer_xyz/sawyer_reach_v2.xml</c>).</summary>
    public static string ModelPath(string model) => Path.Combine(Folder(), "sawyer_xyz", model);

    /// <summary>The one way to get the files until Jat downloads them itself (the command the issue names is not built yet).</summary>
    private static string HowToGet =>
        $"Get metaworld/envs/assets_v2 of https://github.com/Farama-Foundation/Metaworld at commit {AssetManifest.Commit[..8]} "
        + $"(git clone, then git checkout {AssetManifest.Commit[..8]}) and pass --metaworld-assets DIR or set {EnvironmentVariable} to that folder, "
        + $"or copy it to {CacheFolder}.";

    private static List<(string Folder, string Source)> Places()
    {
        var places = new List<(string, string)>();
        if (Volatile.Read(ref _explicitFolder) is { } chosen)
        {
            places.Add((chosen, "--metaworld-assets"));
        }
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } variable)
        {
            places.Add((Path.GetFullPath(variable), EnvironmentVariable));
        }
        places.Add((CacheFolder, "Jat's cache"));
        places.AddRange(InstalledPackages().Select(folder => (folder, "installed metaworld package")));
        return places;
    }

    /// <summary>The <c>metaworld/envs/assets_v2</c> folders of Python environments, without starting Python.</summary>
    private static IEnumerable<string> InstalledPackages()
    {
        var prefixes = new List<string>();
        foreach (var name in new[] { "VIRTUAL_ENV", "CONDA_PREFIX" })
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } prefix)
            {
                prefixes.Add(Path.Combine(prefix, "lib"));
            }
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        prefixes.AddRange([Path.Combine(home, ".local", "lib"), "/usr/local/lib", "/usr/lib"]);
        foreach (var lib in prefixes.Where(Directory.Exists))
        {
            IEnumerable<string> pythons;
            try
            {
                pythons = Directory.EnumerateDirectories(lib, "python3*").Order(StringComparer.Ordinal).ToList();
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var python in pythons)
            {
                foreach (var packages in new[] { "site-packages", "dist-packages" })
                {
                    var folder = Path.Combine(python, packages, "metaworld", "envs", "assets_v2");
                    if (Directory.Exists(folder))
                    {
                        yield return folder;
                    }
                }
            }
        }
    }
}

/// <summary>Meta-World's model files are missing or are not the verified ones.</summary>
public sealed class MetaWorldAssetsUnavailableException(string message) : EnvironmentUnavailableException(message);
