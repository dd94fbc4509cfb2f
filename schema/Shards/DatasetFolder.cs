namespace Jat.Schema.Shards;

/// <summary>The shards a dataset folder holds under their final names, and the files that look like shards but are not.</summary>
public sealed record DatasetFolder(string Root, IReadOnlyList<DatasetFolder.Shard> Shards, IReadOnlyList<string> Strays)
{
    public sealed record Shard(ShardName Name, string Path, long FileBytes);

    public static DatasetFolder Scan(string root)
    {
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"no dataset folder at {root}");
        var shards = new List<Shard>();
        var strays = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var task = System.IO.Path.GetFileName(directory);
            if (task.StartsWith('.'))
                continue;
            foreach (var path in Directory.EnumerateFiles(directory, "*.parquet").Order(StringComparer.Ordinal))
            {
                if (ShardName.TryParse(task, System.IO.Path.GetFileName(path), out var name))
                    shards.Add(new Shard(name!, path, new FileInfo(path).Length));
                else
                    strays.Add(path);
            }
        }
        return new DatasetFolder(root, shards, strays);
    }
}
