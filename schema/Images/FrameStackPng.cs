using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Schema.Images;

/// <summary>
/// JAT stores an Atari observation, four stacked 84×84 grayscale frames, as one RGBA PNG whose channels
/// R, G, B, A are the frames t-3, t-2, t-1, t (reference §1.3).
/// </summary>
public static class FrameStackPng
{
    public const int Size = 84;
    public const int Frames = 4;

    private static readonly PngEncoder Encoder = new()
    {
        ColorType = PngColorType.RgbWithAlpha,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.DefaultCompression,
    };

    /// <param name="stack">84×84×4 bytes, channel last: pixel (y, x) holds the four frames in order.</param>
    public static byte[] Encode(ReadOnlySpan<byte> stack)
    {
        if (stack.Length != Size * Size * Frames)
            throw new ArgumentException($"a frame stack has {Size * Size * Frames} bytes (84×84×4), not {stack.Length}", nameof(stack));
        using var image = Image.LoadPixelData<Rgba32>(stack, Size, Size);
        using var output = new MemoryStream(8 * 1024);
        image.SaveAsPng(output, Encoder);
        return output.ToArray();
    }

    /// <returns>84×84×4 bytes, channel last.</returns>
    public static byte[] Decode(byte[] png)
    {
        using var image = Image.Load<Rgba32>(png);
        if (image.Width != Size || image.Height != Size)
            throw new InvalidDataException($"a frame stack is 84×84, this PNG is {image.Width}×{image.Height}");
        var stack = new byte[Size * Size * Frames];
        image.CopyPixelDataTo(stack);
        return stack;
    }
}
