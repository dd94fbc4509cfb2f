using Jat.Schema.Columns;
using Jat.Schema.ParquetFormat;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;

namespace Jat.Schema.Tests.ParquetFormat;

/// <summary>
/// The paths of Jat's page writer that small sample rows do not reach: dictionaries that outgrow their limit and turn
/// to PLAIN in the middle of a column chunk, values outside the small-integer table, and pages cut at row boundaries.
/// Parquet.Net (through <see cref="ShardReader"/>) reads the files back.
/// </summary>
public sealed class PageEncodingTests
{
    [Fact]
    public async Task Integers_past_the_dictionary_limit_are_written_plain_and_read_back()
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get("babyai-go-to-local");
        var random = new Random(5);
        // 40 episodes × 50 steps × 148 distinct values: ~300k dictionary entries, far past 1 MB, and several pages.
        // First small values (a value is its own index), then the chunk turns to a looked-up dictionary that must keep
        // those indices right.
        var rows = new List<Example> { Episode(3, () => random.Next(0, 11)) };
        rows.AddRange(Enumerable.Range(0, 40).Select(e => Episode(50, () => random.Next(int.MinValue, int.MaxValue))));
        rows.Add(Episode(3, () => random.Next(0, 11)));
        rows.Add(Episode(3, () => -random.Next(1, 5)));

        await WriteAsync(folder.Path, task, rows);

        RowsAssert.Equal(rows, await ShardReader.ReadSplitAsync(folder.Path, task, "train").ToListAsync());
    }

    [Fact]
    public async Task Int64_values_past_the_dictionary_limit_are_written_plain_and_read_back()
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get("babyai-go-to-local");
        var random = new Random(6);
        // Actions are int64: 30 episodes × 5,000 steps of distinct 64-bit values pass the 1 MB dictionary.
        var rows = new List<Example> { Episode(3, () => 0, () => random.Next(0, 7)) };
        rows.AddRange(Enumerable.Range(0, 30).Select(e => Episode(5000, () => 0, () => random.NextInt64(long.MinValue, long.MaxValue))));
        rows.Add(Episode(3, () => 0, () => random.Next(0, 7)));

        await WriteAsync(folder.Path, task, rows);

        RowsAssert.Equal(rows, await ShardReader.ReadSplitAsync(folder.Path, task, "train").ToListAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(-1)]
    public async Task Integers_that_are_all_one_value_read_back(int value)
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get("babyai-go-to-local");
        var rows = new[] { Episode(4, () => value), Episode(2, () => value) };

        await WriteAsync(folder.Path, task, rows);

        RowsAssert.Equal(rows, await ShardReader.ReadSplitAsync(folder.Path, task, "train").ToListAsync());
    }

    [Fact]
    public async Task A_file_is_the_same_bytes_whatever_its_pooled_buffers_held_before()
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get("babyai-go-to-local");
        var random = new Random(7);
        // 3 steps × 148 values: the last bit-packed group is padded, from memory an earlier writer filled with other values.
        var rows = new[] { Episode(3, () => random.Next(0, 11)), Episode(1, () => random.Next(0, 11)) };
        var noise = Enumerable.Range(0, 30).Select(_ => Episode(200, () => random.Next(1, 16), () => random.Next(1, 16))).ToArray();

        await WriteAsync(folder.Combine("first"), task, rows);
        await WriteAsync(folder.Combine("noise"), task, noise);
        await WriteAsync(folder.Combine("again"), task, rows);

        var name = Path.Combine("babyai-go-to-local", "train-00000-of-00001.parquet");
        Assert.Equal(await File.ReadAllBytesAsync(folder.Combine("first", name)), await File.ReadAllBytesAsync(folder.Combine("again", name)));
    }

    [Fact]
    public async Task Text_past_the_dictionary_limit_is_written_plain_and_read_back()
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get("oscar");
        // 3,000 distinct documents of ~1 KB, some repeated, one empty: the dictionary passes 1 MB a third of the way in.
        var rows = Enumerable.Range(0, 3000)
            .Select(i => new Example { Text = i % 500 == 7 ? "" : $"document {i % 2900} " + new string((char)('a' + i % 26), 1000) })
            .ToList();

        await WriteAsync(folder.Path, task, rows);

        RowsAssert.Equal(rows, await ShardReader.ReadSplitAsync(folder.Path, task, "train").ToListAsync());
    }

    [Fact]
    public async Task Missions_past_the_dictionary_limit_are_written_plain_step_by_step_and_read_back()
    {
        using var folder = new TempDirectory();
        var task = TaskRegistry.Get("babyai-go-to-local");
        var random = new Random(8);
        // 1,500 distinct ~1 KB missions, each repeated over its episode's steps (one string object, as the recorder
        // hands it): the dictionary passes 1 MB, and the rest of the chunk writes each step's copy PLAIN.
        var rows = Enumerable.Range(0, 1500).Select(i =>
        {
            var steps = 1 + i % 4;
            var mission = $"go to the red ball {i} " + new string((char)('a' + i % 26), 1000);
            return Episode(steps, () => random.Next(0, 11)) with { TextObservations = Enumerable.Repeat(mission, steps).ToArray() };
        }).ToList();

        await WriteAsync(folder.Path, task, rows);

        RowsAssert.Equal(rows, await ShardReader.ReadSplitAsync(folder.Path, task, "train").ToListAsync());
    }

    [Fact]
    public void Levels_given_as_runs_decode_to_the_same_sequence()
    {
        var output = new ByteBuffer();
        var encoder = new RleHybridEncoder(output, bitWidth: 3);
        (int Value, int Count)[] runs = [(0, 1), (2, 147), (1, 1), (2, 3), (5, 9), (3, 2), (4, 600), (7, 5)];
        foreach (var (value, count) in runs)
            encoder.Add(value, count);
        encoder.Finish();
        var expected = runs.SelectMany(r => Enumerable.Repeat(r.Value, r.Count)).ToArray();

        Assert.Equal(expected, Decode(output.Written, 3, expected.Length));
    }

    private static Example Episode(int steps, Func<int> value, Func<long>? action = null) => new()
    {
        TextObservations = [.. Enumerable.Repeat("go to the red ball", steps)],
        DiscreteObservations = [.. Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, 148).Select(_ => value()).ToArray())],
        DiscreteActions = [.. Enumerable.Range(0, steps).Select(i => action?.Invoke() ?? i % 7)],
        Rewards = [.. Enumerable.Range(0, steps).Select(i => i == steps - 1 ? 0.5f : 0f)],
    };

    private static async Task WriteAsync(string folder, TaskSpec task, IReadOnlyList<Example> rows)
    {
        await using var writer = await ShardWriter.OpenAsync(folder, task, "train");
        foreach (var row in rows)
            await writer.WriteAsync(row);
        await writer.CompleteAsync();
    }

    /// <summary>The RLE / bit-packing hybrid as parquet-format describes it, written here from the specification.</summary>
    private static int[] Decode(ReadOnlySpan<byte> bytes, int bitWidth, int count)
    {
        var values = new List<int>();
        var at = 0;
        while (values.Count < count)
        {
            var header = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[at++];
                header |= (b & 0x7F) << shift;
                if (b < 0x80)
                    break;
            }
            if ((header & 1) == 0)
            {
                var value = 0;
                for (var i = 0; i < (bitWidth + 7) / 8; i++)
                    value |= bytes[at++] << (8 * i);
                values.AddRange(Enumerable.Repeat(value, header >> 1));
            }
            else
            {
                var total = (header >> 1) * 8;
                for (var i = 0; i < total; i++)
                {
                    var value = 0;
                    for (var bit = 0; bit < bitWidth; bit++)
                    {
                        var position = i * bitWidth + bit;
                        value |= ((bytes[at + position / 8] >> (position % 8)) & 1) << bit;
                    }
                    values.Add(value);
                }
                at += (header >> 1) * bitWidth;
            }
        }
        return [.. values.Take(count)];
    }
}
