using System.IO.Compression;

namespace Jat.Converters.OkVqa;

/// <summary>What reading one COCO image gave: its bytes, or why there are none.</summary>
internal readonly record struct CocoImage(byte[]? Bytes, string? Problem);

/// <summary>
/// The COCO 2014 images, found by split and image id (<c>train2014/COCO_train2014_000000000009.jpg</c>) in folders or
/// in COCO's own zips, read entry by entry without extracting them.
/// </summary>
/// <remarks>Not thread-safe: a <see cref="ZipArchive"/> reads through one shared file stream.</remarks>
internal sealed class CocoImages : IDisposable
{
    private readonly List<string> _folders = [];
    private readonly List<ZipArchive> _zips = [];
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);

    private CocoImages()
    {
    }

    /// <param name="sources">folders (holding <c>train2014/</c> and <c>val2014/</c>, or the images themselves) and .zip files</param>
    public static CocoImages Open(IReadOnlyList<string> sources)
    {
        if (sources.Count == 0)
            throw new ArgumentException("give the COCO 2014 images: a folder holding train2014/ and val2014/, or train2014.zip and val2014.zip");
        var images = new CocoImages();
        try
        {
            foreach (var source in sources)
            {
                if (Directory.Exists(source))
                {
                    images._folders.Add(source);
                }
                else if (File.Exists(source))
                {
                    ZipArchive zip;
                    try
                    {
                        zip = ZipFile.OpenRead(source);
                    }
                    catch (InvalidDataException e)
                    {
                        throw new InvalidDataException($"{source}: not a readable zip ({e.Message}); give COCO's train2014.zip/val2014.zip or a folder", e);
                    }
                    images._zips.Add(zip);
                    // Entries are found by file name alone, so a zip may hold train2014/…, val2014/… or the files at its root.
                    foreach (var entry in zip.Entries)
                        if (entry.Name.Length > 0)
                            images._entries.TryAdd(entry.Name, entry);
                }
                else
                {
                    throw new FileNotFoundException($"no COCO images at {source}: give a folder or a .zip", source);
                }
            }
            return images;
        }
        catch
        {
            images.Dispose();
            throw;
        }
    }

    /// <summary>COCO's name for an image: <c>COCO_{train2014|val2014}_{id:012d}.jpg</c> (reference §3.2).</summary>
    public static string FileName(string cocoSplit, long imageId) => $"COCO_{cocoSplit}_{imageId:D12}.jpg";

    public async Task<CocoImage> ReadAsync(string cocoSplit, long imageId, CancellationToken ct)
    {
        var name = FileName(cocoSplit, imageId);
        foreach (var folder in _folders)
            foreach (var path in new[] { Path.Combine(folder, cocoSplit, name), Path.Combine(folder, name) })
                if (File.Exists(path))
                    return new CocoImage(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false), null);
        if (!_entries.TryGetValue(name, out var entry))
            return new CocoImage(null, "missing image");
        try
        {
            await using var stream = await entry.OpenAsync(ct).ConfigureAwait(false);
            using var bytes = new MemoryStream(checked((int)entry.Length));
            await stream.CopyToAsync(bytes, ct).ConfigureAwait(false);
            return new CocoImage(bytes.ToArray(), null);
        }
        catch (InvalidDataException)
        {
            // A zip entry whose data fails its CRC or cannot be inflated: the image is damaged, the zip still usable.
            return new CocoImage(null, "damaged image");
        }
    }

    public void Dispose()
    {
        foreach (var zip in _zips)
            zip.Dispose();
    }
}
