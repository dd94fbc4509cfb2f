using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Model.Processing.Images;

/// <summary>
/// Decodes a PNG or JPEG to 8-bit RGB the way PIL's convert("RGB") reads it: alpha is dropped (not composited),
/// grey is copied to all three channels, palettes are expanded.
/// </summary>
internal static class RgbDecoding
{
    /// <returns>Channel-last RGB bytes and the image size.</returns>
    public static (byte[] Pixels, int Width, int Height) Decode(ReadOnlySpan<byte> encoded, string what)
    {
        if (encoded.IsEmpty)
            throw new InvalidDataException($"{what} is empty: expected PNG or JPEG bytes");
        try
        {
            // ImageSharp's Rgb24 conversion takes R, G, B and ignores A, which is PIL's RGBA -> RGB.
            using var image = Image.Load<Rgb24>(encoded);
            var pixels = new byte[image.Width * image.Height * 3];
            image.CopyPixelDataTo(pixels);
            return (pixels, image.Width, image.Height);
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or ArgumentException)
        {
            throw new InvalidDataException($"{what} ({encoded.Length} bytes) is not a readable PNG or JPEG: {e.Message}", e);
        }
    }
}
