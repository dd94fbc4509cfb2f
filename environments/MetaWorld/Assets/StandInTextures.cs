using System.IO.Compression;

namespace Jat.Environments.MetaWorld.Assets;

/// <summary>
/// The textures Meta-World's models name, as tiny solid PNGs handed to MuJoCo in memory. Textures only colour a
/// rendering, and MuJoCo refuses a model whose texture file it cannot open, so Jat never reads the user's textures:
/// a missing or different one (Meta-World's <c>wood1.png</c> is often absent from snapshots) changes nothing.
/// </summary>
internal static class StandInTextures
{
    private static readonly string[] Names =
        ["brick1.png", "floor2.png", "metal.png", "metal1.png", "metal2.png", "plaster1.png", "wood1.png", "wood2.png", "wood4.png"];

    public static IReadOnlyDictionary<string, byte[]> Files { get; } = Names.ToDictionary(name => name, _ => SolidPng(8, 8));

    private static byte[] SolidPng(int width, int height)
    {
        var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                for (var x = 0; x < width; x++)
                {
                    zlib.Write([0x80, 0x60, 0x40]);
                }
            }
        }
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> header = stackalloc byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bits per channel
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", pixels.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(word, ~Crc(Crc(0xFFFFFFFFu, typeBytes), data));
        png.Write(word);
    }

    /// <summary>PNG's CRC-32 (polynomial 0xEDB88320), bit by bit: a few hundred bytes are checked once.</summary>
    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return crc;
    }
}
