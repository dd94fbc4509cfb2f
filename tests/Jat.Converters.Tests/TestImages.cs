using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Converters.Tests;

/// <summary>Small images the tests make themselves: JPEG, PNG, rotated by EXIF, and broken ones.</summary>
public static class TestImages
{
    /// <summary>A width×height picture whose top-left quarter is red, so orientation can be checked.</summary>
    public static Image<Rgb24> Marked(int width, int height)
    {
        var image = new Image<Rgb24>(width, height, new Rgb24(20, 40, 200));
        for (var y = 0; y < height / 2; y++)
            for (var x = 0; x < width / 2; x++)
                image[x, y] = new Rgb24(230, 10, 10);
        return image;
    }

    public static byte[] Jpeg(int width, int height, ushort? orientation = null)
    {
        using var image = Marked(width, height);
        if (orientation is { } o)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, o);
        }
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 90 });
        return output.ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var image = Marked(width, height);
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    /// <summary>A JPEG cut in half: a download that stopped, a file damaged on disk.</summary>
    public static byte[] Truncated() => Jpeg(64, 48)[..300];
}
