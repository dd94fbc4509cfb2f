using Jat.Environments.Families;
using Jat.Environments.MetaWorld.Assets;
using Jat.Environments.MuJoCo.Native;

namespace Jat.Environments.Tests.MetaWorld;

/// <summary>
/// Meta-World's model files come from the user's copy, checked file by file against the manifest Jat ships; a
/// missing or altered copy is refused in one line that names the file or the places looked in and how to get it.
/// The tests share the one chosen folder, so they run in this class only, one after another.
/// </summary>
[Collection(nameof(AssetsTests))]
public sealed class AssetsTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"jat-mw-assets-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public AssetsTests() => Directory.CreateDirectory(_scratch);

    public void Dispose()
    {
        MetaWorldAssets.UseFolder(null);
        foreach (var file in Directory.EnumerateFiles(_scratch, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public void The_shipped_manifest_lists_the_36_task_models_and_their_dependencies()
    {
        var files = AssetManifest.Shipped.Files;
        Assert.Equal(209, files.Count);
        Assert.Equal(36, files.Count(file => file.Path.StartsWith("sawyer_xyz/", StringComparison.Ordinal)));
        Assert.Equal(5_207_181, files.Sum(file => file.Size));
        Assert.All(files, file => Assert.Matches("^[0-9a-f]{40}$", file.BlobId));
    }

    [Fact]
    public void Git_blob_ids_are_computed_as_git_does()
    {
        // `printf 'hello\n' | git hash-object --stdin`
        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", AssetManifest.GitBlobId("hello\n"u8));
    }

    [Fact]
    public void The_reference_copy_verifies()
    {
        if (SharedReference.MetaWorldAssets() is not { } assets)
        {
            return;
        }
        Assert.Null(AssetManifest.Shipped.FirstProblem(assets));
        MetaWorldAssets.UseFolder(assets);
        Assert.Equal(Path.GetFullPath(assets), MetaWorldAssets.Folder());
    }

    [Fact]
    public void An_altered_file_is_named_and_refused()
    {
        if (SharedReference.MetaWorldAssets() is not { } assets)
        {
            return;
        }
        var copy = CopyOf(assets, "altered");
        var model = Path.Combine(copy, "sawyer_xyz", "sawyer_reach_v2.xml");
        var text = File.ReadAllText(model);
        File.WriteAllText(model, text.Replace("<", " <", StringComparison.Ordinal)[1..]); // same meaning, other bytes
        MetaWorldAssets.UseFolder(copy);
        var error = Assert.Throws<MetaWorldAssetsUnavailableException>(MetaWorldAssets.Folder);
        Assert.Contains(model, error.Message, StringComparison.Ordinal);
        Assert.Contains("--metaworld-assets", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_file_of_the_same_size_but_other_bytes_is_refused()
    {
        if (SharedReference.MetaWorldAssets() is not { } assets)
        {
            return;
        }
        var copy = CopyOf(assets, "flipped");
        var mesh = Path.Combine(copy, AssetManifest.Shipped.Files.First(file => file.Path.EndsWith(".stl", StringComparison.OrdinalIgnoreCase)).Path);
        var bytes = File.ReadAllBytes(mesh);
        bytes[^1] ^= 1;
        File.WriteAllBytes(mesh, bytes);
        var problem = AssetManifest.Shipped.FirstProblem(copy);
        Assert.NotNull(problem);
        Assert.Contains(mesh, problem, StringComparison.Ordinal);
        Assert.Contains("differs", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_says_where_Jat_looked_and_how_to_fetch()
    {
        var nowhere = Path.Combine(_scratch, "no-such-folder");
        MetaWorldAssets.UseFolder(nowhere);
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Path.Combine(_scratch, "empty-cache"));
        try
        {
            if (Environment.GetEnvironmentVariable(MetaWorldAssets.EnvironmentVariable) is { Length: > 0 })
            {
                Console.WriteLine($"SKIPPED: {MetaWorldAssets.EnvironmentVariable} is set here; the missing-folder message is not checked.");
                return;
            }
            var error = Assert.Throws<MetaWorldAssetsUnavailableException>(MetaWorldAssets.Folder);
            Assert.IsAssignableFrom<EnvironmentUnavailableException>(error);
            Assert.Contains(nowhere, error.Message, StringComparison.Ordinal);
            Assert.Contains(MetaWorldAssets.CacheFolder, error.Message, StringComparison.Ordinal);
            Assert.Contains("--metaworld-assets DIR", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
        }
    }

    [Fact]
    public void Every_task_model_compiles_without_any_texture_file()
    {
        if (SharedReference.MetaWorldAssets() is not { } assets)
        {
            return;
        }
        var copy = CopyOf(assets, "no-textures");
        Directory.Delete(Path.Combine(copy, "textures"), recursive: true);
        MetaWorldAssets.UseFolder(copy);
        foreach (var model in AssetManifest.Shipped.Files.Where(file => file.Path.StartsWith("sawyer_xyz/", StringComparison.Ordinal)))
        {
            using var simulation = MjSimulation.Load(MetaWorldAssets.ModelPath(Path.GetFileName(model.Path)), StandInTextures.Files);
            Assert.Equal(1, simulation.Nmocap);
            Assert.Contains(MjObject.WeldEquality, simulation.EqType.ToArray());
            Assert.True(simulation.RequiredId(MjObject.Body, "hand") >= 0);
        }
    }

    private string CopyOf(string assets, string name)
    {
        var copy = Path.Combine(_scratch, name);
        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(assets, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetAttributes(target, FileAttributes.Normal);
        }
        return copy;
    }
}
