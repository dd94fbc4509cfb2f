using System.IO.MemoryMappedFiles;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using static TorchSharp.torch;

namespace Jat.Torch;

/// <summary>One tensor's place in a safetensors file.</summary>
public sealed record SafetensorsEntry(string Name, string DType, IReadOnlyList<long> Shape, long Offset, long Length);

/// <summary>
/// A safetensors file (the Hub's checkpoint format: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the bytes), memory-mapped: a tensor is copied out of the mapping when it
/// is asked for, so a 771 MB checkpoint never sits in memory twice. Every range is checked against the file when it
/// is opened, so a truncated or damaged file is refused with the tensor it breaks, before anything is loaded.
/// </summary>
public sealed class SafetensorsFile : IDisposable
{
    private static readonly Dictionary<string, (ScalarType Type, int Size)> DTypes = new()
    {
        ["F32"] = (ScalarType.Float32, 4),
        ["F64"] = (ScalarType.Float64, 8),
        ["F16"] = (ScalarType.Float16, 2),
        ["BF16"] = (ScalarType.BFloat16, 2),
        ["I64"] = (ScalarType.Int64, 8),
        ["I32"] = (ScalarType.Int32, 4),
        ["I16"] = (ScalarType.Int16, 2),
        ["I8"] = (ScalarType.Int8, 1),
        ["U8"] = (ScalarType.Byte, 1),
        ["BOOL"] = (ScalarType.Bool, 1),
    };

    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly long _dataStart;
    private readonly Dictionary<string, SafetensorsEntry> _entries;

    private SafetensorsFile(string path, MemoryMappedFile? map, MemoryMappedViewAccessor? view, long dataStart,
        List<SafetensorsEntry> entries, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        _map = map;
        _view = view;
        _dataStart = dataStart;
        Entries = entries;
        _entries = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        Metadata = metadata;
    }

    public string Path { get; }

    /// <summary>The tensors, in the order of their bytes in the file.</summary>
    public IReadOnlyList<SafetensorsEntry> Entries { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public bool Contains(string name) => _entries.ContainsKey(name);

    public SafetensorsEntry this[string name] =>
        _entries.TryGetValue(name, out var entry)
            ? entry
            : throw new KeyNotFoundException($"{Path}: holds no tensor named '{name}'.");

    public static SafetensorsFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var length = new FileInfo(path).Length;
        if (length < 8)
            throw new InvalidDataException($"{path}: {length} bytes is too short for a safetensors file (it starts with an 8-byte header length).");
        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        try
        {
            var view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            try
            {
                var headerLength = view.ReadInt64(0);
                if (headerLength <= 0 || headerLength > length - 8 || headerLength > 100_000_000)
                    throw new InvalidDataException($"{path}: the header length {headerLength} does not fit the file's {length} bytes; the file is truncated or not safetensors.");
                var header = new byte[headerLength];
                view.ReadArray(8, header, 0, header.Length);
                var (entries, metadata) = ParseHeader(path, header, length - 8 - headerLength);
                return new SafetensorsFile(path, map, view, 8 + headerLength, entries, metadata);
            }
            catch
            {
                view.Dispose();
                throw;
            }
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    /// <summary>Copies a tensor out of the file (on the CPU); the caller owns it.</summary>
    public Tensor Read(string name) => Read(this[name]);

    public unsafe Tensor Read(SafetensorsEntry entry)
    {
        var (type, _) = DTypes[entry.DType];
        var tensor = empty(entry.Shape.ToArray(), type);
        if (entry.Length == 0)
            return tensor;
        byte* start = null;
        _view!.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        try
        {
            start += _view.PointerOffset;
            var source = new Span<byte>(start + _dataStart + entry.Offset, checked((int)entry.Length));
            tensor.bytes = source;
        }
        finally
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
        return tensor;
    }

    /// <summary>
    /// Writes tensors in their order, with <paramref name="metadata"/> as the header's <c>__metadata__</c>
    /// (transformers refuses a checkpoint without <c>"format": "pt"</c>). The file appears whole or not at all: it is
    /// written beside the target and renamed.
    /// </summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var list = tensors.ToList();
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            var meta = new JsonObject();
            foreach (var (key, value) in metadata)
                meta[key] = value;
            header["__metadata__"] = meta;
        }
        long offset = 0;
        foreach (var (name, tensor) in list)
        {
            var dtype = DTypes.FirstOrDefault(d => d.Value.Type == tensor.dtype).Key
                ?? throw new ArgumentException($"The tensor '{name}' has dtype {tensor.dtype}, which safetensors cannot hold.");
            var bytes = tensor.numel() * DTypes[dtype].Size;
            header[name] = new JsonObject
            {
                ["dtype"] = dtype,
                ["shape"] = new JsonArray(tensor.shape.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes),
            };
            offset += bytes;
        }
        var headerBytes = Encoding.UTF8.GetBytes(header.ToJsonString());
        // The format pads the header with spaces so that the data starts 8-byte aligned.
        var padded = (headerBytes.Length + 7) / 8 * 8;
        var temporary = path + ".partial";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Span<byte> length = stackalloc byte[8];
            BitConverter.TryWriteBytes(length, (long)padded);
            file.Write(length);
            file.Write(headerBytes);
            for (var i = headerBytes.Length; i < padded; i++)
                file.WriteByte((byte)' ');
            foreach (var (_, tensor) in list)
            {
                using var scope = NewDisposeScope();
                var storable = tensor.device_type == DeviceType.CPU && tensor.is_contiguous()
                    ? tensor
                    : tensor.detach().cpu().contiguous();
                file.Write(storable.bytes);
            }
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static (List<SafetensorsEntry>, Dictionary<string, string>) ParseHeader(string path, byte[] header, long dataLength)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(Encoding.UTF8.GetString(header).TrimEnd(' ')) as JsonObject
                ?? throw new InvalidDataException($"{path}: the header is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the header is not valid JSON ({e.Message}); the file is damaged.", e);
        }
        var metadata = new Dictionary<string, string>();
        var entries = new List<SafetensorsEntry>();
        foreach (var (name, node) in root)
        {
            if (name == "__metadata__")
            {
                if (node is JsonObject meta)
                    foreach (var (key, value) in meta)
                        metadata[key] = value?.ToString() ?? "";
                continue;
            }
            if (node is not JsonObject t || t["dtype"] is not JsonValue dtypeNode || t["shape"] is not JsonArray shapeNode
                || t["data_offsets"] is not JsonArray { Count: 2 } offsets)
                throw new InvalidDataException($"{path}: the header entry of tensor '{name}' lacks dtype, shape or data_offsets.");
            var dtype = dtypeNode.GetValue<string>();
            if (!DTypes.TryGetValue(dtype, out var info))
                throw new InvalidDataException($"{path}: tensor '{name}' has dtype {dtype}, which Jat does not read.");
            var shape = shapeNode.Select(s => s!.GetValue<long>()).ToList();
            var begin = offsets[0]!.GetValue<long>();
            var end = offsets[1]!.GetValue<long>();
            var expected = shape.Aggregate(1L, (a, b) => a * b) * info.Size;
            if (end - begin != expected || begin < 0)
                throw new InvalidDataException($"{path}: tensor '{name}' spans bytes {begin}..{end} but its shape [{string.Join(", ", shape)}] of {dtype} needs {expected}.");
            if (end > dataLength)
                throw new InvalidDataException($"{path}: tensor '{name}' ends at byte {end} of the data but the file holds {dataLength}; the file is truncated (download or write it again).");
            entries.Add(new SafetensorsEntry(name, dtype, shape, begin, end - begin));
        }
        entries.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return (entries, metadata);
    }

    public void Dispose()
    {
        _view?.Dispose();
        _map?.Dispose();
    }
}
