using Jat.Schema.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Model.Processing.Images;

/// <summary>
/// JAT's input for an Atari observation: the 84×84 RGBA PNG of four stacked grey frames as torchvision's to_tensor
/// reads it (bytes / 255, one plane per channel R, G, B, A = frames t-3 .. t), then (x - 0.5) / 0.5.
/// </summary>
public static class FrameStackPlanes
{
    public const int Size = FrameStackPng.Size;
    public const int Frames = FrameStackPng.Frames;

    /// <summary>Floats per observation: 4 × 84 × 84.</summary>
    public const int Length = Frames * Size * Size;

    /// <returns>4×84×84 floats in -1..1, channel first, rows top to bottom.</returns>
    /// <exception cref="InvalidDataException">The bytes are not an 84×84 8-bit RGBA PNG.</exception>
    public static float[] FromPng(ReadOnlySpan<byte> png)
    {
        var output = new float[Length];
        FromPng(png, output);
        return output;
    }

    /// <inheritdoc cref="FromPng(ReadOnlySpan{byte})"/>
    /// <param name="destination">Receives the <see cref="Length"/> floats; nothing is allocated for them.</param>
    public static void FromPng(ReadOnlySpan<byte> png, Span<float> destination)
    {
        if (destination.Length != Length)
            throw new ArgumentException($"a frame stack needs {Length} floats (4×84×84), the destination has {destination.Length}", nameof(destination));
        if (!PngHeader.TryRead(png, out var header))
            throw new InvalidDataException($"an Atari observation must be a PNG; these {png.Length} bytes do not start with a PNG header");
        if (header.Width != Size || header.Height != Size || !header.IsRgba8)
            throw new InvalidDataException(
                $"an Atari observation is an 84×84 8-bit RGBA PNG (colour type 6), this one is {header.Width}×{header.Height}, " +
                $"colour type {header.ColorType}, {header.BitDepth}-bit");
        try
        {
            using var image = Image.Load<Rgba32>(png);
            Span<byte> rgba = stackalloc byte[Length];
            image.CopyPixelDataTo(rgba);
            FromPixels(rgba, destination);
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException)
        {
            throw new InvalidDataException($"the Atari observation PNG ({png.Length} bytes) could not be decoded: {e.Message}", e);
        }
    }

    /// <summary>The planes of a frame stack given as 84 × 84 × 4 bytes (height, width, frame), as an environment's
    /// observation holds it and the PNG's RGBA pixels are laid out.</summary>
    public static void FromPixels(ReadOnlySpan<byte> pixels, Span<float> destination)
    {
        if (pixels.Length != Length || destination.Length != Length)
            throw new ArgumentException($"a frame stack is {Length} bytes (84×84×4) and {Length} floats; got {pixels.Length} and {destination.Length}");
        const int plane = Size * Size;
        for (int i = 0; i < plane; i++)
        {
            for (int c = 0; c < Frames; c++)
                destination[c * plane + i] = Scale(pixels[i * Frames + c]);
        }
    }

    // to_tensor divides in float32 (a uint8 tensor cast to float, then div(255)); normalise in float32 too.
    private static float Scale(byte value) => (value / 255f - 0.5f) / 0.5f;
}
