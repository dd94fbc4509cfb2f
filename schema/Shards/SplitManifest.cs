using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jat.Schema.Shards;

/// <summary>
/// What of one task's split is durably written, kept in <c>&lt;dataset&gt;/.jat/&lt;task&gt;/&lt;split&gt;.json</c>.
/// It is replaced atomically after every row group, so after a crash it describes exactly the rows that a
/// resumed writer keeps; everything past it is discarded and written again.
/// </summary>
internal sealed record SplitManifest
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public required string Task { get; init; }
    public required string Split { get; init; }
    /// <summary>SHA-256 of the features metadata: a folder is only resumed with the features it was started with.</summary>
    public required string Features { get; init; }
    public SplitState State { get; init; }
    /// <summary>Rows in sealed shards and in the committed row groups of the open shard.</summary>
    public long Rows { get; init; }
    public IReadOnlyList<SealedShard> Shards { get; init; } = [];
    public OpenShard? Open { get; init; }

    /// <summary>The caller's position in its input after the last committed row, if it gave one.</summary>
    [JsonIgnore]
    public string? Cursor => Open is not null ? Open.Cursor : Shards.Count > 0 ? Shards[^1].Cursor : null;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static SplitManifest? Load(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<SplitManifest>(File.ReadAllBytes(path), Json)
                ?? throw new InvalidDataException("empty");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}: the writer's manifest is unreadable ({e.Message}); delete the task's folder and its .jat entry to start it again", e);
        }
    }

    /// <summary>Writes to a temporary file, flushes it to disk, then renames it over the old manifest.</summary>
    public void Save(string path, bool durable)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, Json);
            stream.Flush(durable);
        }
        File.Move(temporary, path, overwrite: true);
    }
}

internal enum SplitState
{
    Writing,
    /// <summary>All shards are sealed and counted; the renames to their final names may be half done.</summary>
    Finalizing,
    Complete,
}

internal sealed record SealedShard(int Index, long Rows, long FileBytes, string? Cursor = null);

/// <summary>
/// The shard being written. After each row group the file is a complete Parquet file; <see cref="Tail"/> keeps
/// its footer so that a file cut off while a later row group was being appended can be restored.
/// </summary>
internal sealed record OpenShard(int Index, long Rows, int RowGroups, long FileBytes, string Tail, string? Cursor = null);
