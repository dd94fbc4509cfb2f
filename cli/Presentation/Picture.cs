using Jat.Environments;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Cli.Presentation;

/// <summary>Saves what an environment renders as a PNG file.</summary>
internal static class Picture
{
    public static void SavePng(RgbImage picture, string path)
    {
        ArgumentNullException.ThrowIfNull(picture);
        using var image = Image.LoadPixelData<Rgb24>(picture.Pixels, picture.Width, picture.Height);
        image.SaveAsPng(path);
    }
}
