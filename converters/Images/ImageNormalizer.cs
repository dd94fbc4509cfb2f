using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Jat.Converters.Images;

public enum ImageEncoding
{
    /// <summary>What JAT stored for Conceptual Captions (pixels copied into a new PIL image, which datasets encodes as PNG).</summary>
    Png,
    /// <summary>What JAT stored for OK-VQA (PIL's default JPEG quality, 75).</summary>
    Jpeg,
}

/// <summary>An input that is not an image this toolkit can decode; the message says why.</summary>
public sealed class InvalidImageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// JAT's image rule (reference §0): the longest side resized to exactly 352 px, aspect kept (the other side truncated,
/// small images upscaled), bilinear, RGB, no metadata. Unlike JAT, which never read the EXIF orientation and so stored
/// camera pictures sideways once the tag was gone, the pixels are first turned upright.
/// </summary>
public static class ImageNormalizer
{
    public const int LongestSide = 352;

    /// <exception cref="InvalidImageException">not an image, an unknown format, or a damaged file.</exception>
    public static byte[] Normalize(byte[] input, ImageEncoding encoding)
    {
        Image<Rgb24> image;
        try
        {
            // Decoding to Rgb24 converts CMYK/YCCK JPEGs, greyscale, palette and alpha images to RGB.
            image = Image.Load<Rgb24>(input);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException or ImageFormatException or InvalidDataException or IndexOutOfRangeException)
        {
            throw new InvalidImageException(e is UnknownImageFormatException ? "not an image (unknown format)" : $"damaged image ({e.Message})", e);
        }
        using (image)
        {
            image.Mutate(x => x.AutoOrient());
            var (width, height) = TargetSize(image.Width, image.Height);
            image.Mutate(x => x.Resize(width, height, KnownResamplers.Triangle));
            image.Metadata.ExifProfile = null;
            image.Metadata.IccProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            using var output = new MemoryStream();
            if (encoding == ImageEncoding.Png)
                image.SaveAsPng(output, new PngEncoder { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit8 });
            else
                image.SaveAsJpeg(output, new JpegEncoder { Quality = 75 });
            return output.ToArray();
        }
    }

    /// <summary>Longest side 352, the other scaled and truncated as PIL's <c>int()</c> does, never below 1.</summary>
    public static (int Width, int Height) TargetSize(int width, int height) => width >= height
        ? (LongestSide, Math.Max(1, (int)((long)height * LongestSide / width)))
        : (Math.Max(1, (int)((long)width * LongestSide / height)), LongestSide);
}
