using Jat.Converters.Images;
using Jat.Schema.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Converters.Tests.Images;

public sealed class ImageNormalizerTests
{
    [Theory]
    [InlineData(640, 480, 352, 264)]
    [InlineData(480, 640, 264, 352)]
    [InlineData(100, 30, 352, 105)] // small images are upscaled, as JAT's PIL resize does; 30*352/100 = 105.6 truncates
    [InlineData(1000, 1, 352, 1)]
    public void The_longest_side_becomes_352_and_the_other_is_truncated(int width, int height, int expectedWidth, int expectedHeight)
    {
        Assert.Equal((expectedWidth, expectedHeight), ImageNormalizer.TargetSize(width, height));
        using var image = Image.Load<Rgb24>(ImageNormalizer.Normalize(TestImages.Png(width, height), ImageEncoding.Png));
        Assert.Equal((expectedWidth, expectedHeight), (image.Width, image.Height));
    }

    [Fact]
    public void Png_output_is_an_RGB_PNG_without_metadata()
    {
        var png = ImageNormalizer.Normalize(TestImages.Jpeg(200, 100, orientation: 1), ImageEncoding.Png);
        Assert.True(PngHeader.TryRead(png, out var header));
        Assert.Equal(2, header.ColorType); // truecolour, no alpha
        using var image = Image.Load(png);
        Assert.Null(image.Metadata.ExifProfile);
    }

    [Fact]
    public void Jpeg_output_is_a_JPEG_without_EXIF()
    {
        var jpeg = ImageNormalizer.Normalize(TestImages.Jpeg(200, 100, orientation: 1), ImageEncoding.Jpeg);
        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
        using var image = Image.Load(jpeg);
        Assert.Null(image.Metadata.ExifProfile);
    }

    [Fact]
    public void An_EXIF_rotated_photo_comes_out_upright()
    {
        // Orientation 6: the stored pixels must be turned 90° clockwise to display; a 200×100 file shows as 100×200.
        using var image = Image.Load<Rgb24>(ImageNormalizer.Normalize(TestImages.Jpeg(200, 100, orientation: 6), ImageEncoding.Png));
        Assert.Equal((176, 352), (image.Width, image.Height));
        // The red quarter, top-left in the stored pixels, is top-right once upright.
        Assert.True(image[image.Width - 10, 10].R > 150 && image[10, 10].R < 100);
    }

    [Fact]
    public void Damaged_and_non_image_inputs_are_InvalidImageException_with_the_reason()
    {
        Assert.Contains("unknown format", Assert.Throws<InvalidImageException>(() => ImageNormalizer.Normalize("<html>not found</html>"u8.ToArray(), ImageEncoding.Png)).Message);
        Assert.Throws<InvalidImageException>(() => ImageNormalizer.Normalize(TestImages.Truncated(), ImageEncoding.Png));
    }
}
