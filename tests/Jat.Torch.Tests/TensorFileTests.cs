using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Jat.Torch.Tests;

/// <summary>
/// Named tensors survive both file formats with their names, dtypes, shapes and values, views included; a safetensors
/// file laid out as the format describes it (and as Python's library writes it) loads, and ours has that layout.
/// </summary>
public sealed class TensorFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jat-tensor-file-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Formats => ["pt", "safetensors"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Float32_float64_and_int64_tensors_round_trip_under_their_names(string format)
    {
        using var scope = NewDisposeScope();
        var saved = new Dictionary<string, Tensor>
        {
            ["encoder.0.weight"] = tensor(new float[] { 1.5f, -2.25f, 3e-8f, float.MaxValue, 0, -0f }, [2, 3]),
            ["obs_normalizer.mean"] = tensor(new[] { Math.PI, -1e300, 1e-300 }, ScalarType.Float64),
            ["steps"] = tensor(new long[] { long.MinValue, 0, 7, long.MaxValue }, [4, 1]),
            ["count"] = tensor(12345.5, ScalarType.Float64),
        };
        var path = Path.Combine(_directory, "tensors." + format);

        Save(format, path, saved);
        var loaded = Load(format, path);

        Assert.Equal(saved.Keys.Order(), loaded.Keys.Order());
        foreach (var (name, expected) in saved)
        {
            var actual = loaded[name];
            Assert.Equal(expected.dtype, actual.dtype);
            Assert.Equal(expected.shape, actual.shape);
            Assert.True(expected.eq(actual).all().item<bool>(), $"{name} changed in the {format} round trip");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Transposed_and_sliced_views_are_saved_as_the_values_they_show(string format)
    {
        using var scope = NewDisposeScope();
        var matrix = arange(12, ScalarType.Float32).reshape(3, 4);
        var saved = new Dictionary<string, Tensor>
        {
            ["transposed"] = matrix.t(),
            ["last_row"] = matrix[2],
            ["middle_columns"] = matrix.narrow(1, 1, 2),
        };
        var path = Path.Combine(_directory, "views." + format);

        Save(format, path, saved);
        var loaded = Load(format, path);

        foreach (var (name, expected) in saved)
        {
            Assert.Equal(expected.shape, loaded[name].shape);
            Assert.True(expected.eq(loaded[name]).all().item<bool>(), $"{name} changed in the {format} round trip");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Saving_over_a_longer_file_leaves_nothing_of_it(string format)
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(_directory, "reused." + format);
        Save(format, path, new Dictionary<string, Tensor> { ["big"] = zeros(10_000), ["other"] = ones(3) });

        Save(format, path, new Dictionary<string, Tensor> { ["small"] = ones(2) });
        var loaded = Load(format, path);

        Assert.Equal(new[] { "small" }, loaded.Keys);
        Assert.True(ones(2).eq(loaded["small"]).all().item<bool>());
    }

    [Fact]
    public void A_safetensors_file_written_by_the_formats_rules_loads()
    {
        // As Python's safetensors lays it out: metadata, names sorted, the header padded with spaces to 8 bytes.
        var values = new byte[8 + 8];
        BinaryPrimitives.WriteDoubleLittleEndian(values, -0.5);
        BinaryPrimitives.WriteInt32LittleEndian(values.AsSpan(8), 3);
        BinaryPrimitives.WriteInt32LittleEndian(values.AsSpan(12), -4);
        var header = """{"__metadata__":{"format":"pt"},"a.scale":{"dtype":"F64","shape":[],"data_offsets":[0,8]},"b.ids":{"dtype":"I32","shape":[2],"data_offsets":[8,16]}}""";
        var headerBytes = Encoding.UTF8.GetBytes(header.PadRight((header.Length + 7) / 8 * 8));
        var path = Path.Combine(_directory, "python.safetensors");
        using (var file = File.Create(path))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)headerBytes.Length);
            file.Write(length);
            file.Write(headerBytes);
            file.Write(values);
        }

        var loaded = TensorFile.LoadSafetensors(path);
        using var scale = loaded["a.scale"];
        using var ids = loaded["b.ids"];

        Assert.Equal(new[] { "a.scale", "b.ids" }, loaded.Keys.Order());
        Assert.Empty(scale.shape);
        Assert.Equal(-0.5, scale.item<double>());
        Assert.Equal(ScalarType.Int32, ids.dtype);
        Assert.Equal(new[] { 3, -4 }, ids.data<int>().ToArray());
    }

    [Fact]
    public void A_saved_safetensors_file_has_the_formats_layout()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(_directory, "ours.safetensors");

        TensorFile.SaveSafetensors(path, new Dictionary<string, Tensor>
        {
            ["w"] = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [3, 2]),
            ["n"] = tensor(new long[] { -9 }),
        });

        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        var w = header.RootElement.GetProperty("w");
        var n = header.RootElement.GetProperty("n");
        Assert.Equal("F32", w.GetProperty("dtype").GetString());
        Assert.Equal(new[] { 3L, 2L }, w.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("I64", n.GetProperty("dtype").GetString());
        var data = bytes.AsSpan(8 + headerLength);
        var wStart = w.GetProperty("data_offsets")[0].GetInt32();
        var nStart = n.GetProperty("data_offsets")[0].GetInt32();
        Assert.Equal(24 + 8, data.Length);
        Assert.Equal(5f, BinaryPrimitives.ReadSingleLittleEndian(data[(wStart + 16)..]));
        Assert.Equal(-9L, BinaryPrimitives.ReadInt64LittleEndian(data[nStart..]));
    }

    [Fact]
    public void A_pt_file_holding_more_than_tensors_is_refused()
    {
        var path = Path.Combine(_directory, "mixed.pt");
        using (var weight = ones(2))
        using (var file = File.Create(path))
        {
            PyTorchPickler.PickleStateDict(file, new Dictionary<string, object> { ["weight"] = weight, ["epoch"] = 3 });
        }

        var error = Assert.Throws<InvalidDataException>(() => TensorFile.LoadPyTorch(path));

        Assert.Contains("'epoch'", error.Message, StringComparison.Ordinal);
    }

    private static void Save(string format, string path, Dictionary<string, Tensor> tensors)
    {
        if (format == "pt")
        {
            TensorFile.SavePyTorch(path, tensors);
        }
        else
        {
            TensorFile.SaveSafetensors(path, tensors);
        }
    }

    // The loaded tensors are created inside the test's dispose scope, which disposes them.
    private static Dictionary<string, Tensor> Load(string format, string path) =>
        format == "pt" ? TensorFile.LoadPyTorch(path) : TensorFile.LoadSafetensors(path);
}
