using System.Buffers.Binary;

namespace Jat.Schema.Images;

/// <summary>The size and pixel format of a PNG, read from its IHDR chunk without decoding the image.</summary>
public readonly record struct PngHeader(int Width, int Height, int BitDepth, int ColorType)
{
    /// <summary>PNG colour type 6: 8-bit red, green, blue and alpha.</summary>
    public bool IsRgba8 => ColorType == 6 && BitDepth == 8;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool TryRead(ReadOnlySpan<byte> png, out PngHeader header)
    {
        header = default;
        // signature (8), chunk length (4), "IHDR" (4), width (4), height (4), bit depth (1), colour type (1)
        if (png.Length < 26 || !png[..8].SequenceEqual(Signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
            return false;
        header = new PngHeader(
            BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)),
            BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)),
            png[24],
            png[25]);
        return true;
    }

    /// <summary>True for the start of a PNG or a JPEG, the two encodings the image columns hold.</summary>
    public static bool LooksLikeImage(ReadOnlySpan<byte> data) =>
        (data.Length >= 8 && data[..8].SequenceEqual(Signature)) || (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF);
}
