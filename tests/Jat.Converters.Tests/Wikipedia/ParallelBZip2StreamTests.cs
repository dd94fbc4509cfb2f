using System.Text;
using ICSharpCode.SharpZipLib.BZip2;
using Jat.Converters.Wikipedia;
using Jat.Schema.Tests;

namespace Jat.Converters.Tests.Wikipedia;

public sealed class ParallelBZip2StreamTests
{
    private static byte[] Compress(string text)
    {
        using var output = new MemoryStream();
        using (var bzip2 = new BZip2OutputStream(output) { IsStreamOwner = false })
            bzip2.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    private static async Task<string> DecodeAsync(string path, int maxSegment)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        await using var decoded = new ParallelBZip2Stream(file, maxSegment);
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Hundreds_of_streams_decoded_in_parallel_come_out_in_order()
    {
        using var folder = new TempDirectory();
        var parts = Enumerable.Range(0, 300).Select(i => $"<stream {i}>" + new string((char)('a' + i % 26), 50 + i) + "\n").ToList();
        await File.WriteAllBytesAsync(folder.Combine("multi.bz2"), parts.SelectMany(Compress).ToArray());
        Assert.Equal(string.Concat(parts), await DecodeAsync(folder.Combine("multi.bz2"), 1 << 20));
    }

    [Fact]
    public async Task One_long_stream_is_decoded_sequentially_instead_of_held()
    {
        using var folder = new TempDirectory();
        var random = new Random(3);
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(_ => (char)random.Next('a', 'z' + 1)));
        var head = "<header>\n";
        // A short first stream, then one whose compressed size is far above the segment limit of this test.
        await File.WriteAllBytesAsync(folder.Combine("long.bz2"), [.. Compress(head), .. Compress(text)]);
        Assert.True(Compress(text).Length > 4096);
        Assert.Equal(head + text, await DecodeAsync(folder.Combine("long.bz2"), 4096));
    }
}
