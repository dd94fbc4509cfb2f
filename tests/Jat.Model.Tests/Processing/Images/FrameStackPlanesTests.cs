using Jat.Model.Processing.Images;
using Jat.Schema.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Model.Tests.Processing.Images;

public sealed class FrameStackPlanesTests
{
    [Fact]
    public void Channels_become_planes_scaled_to_minus_one_one()
    {
        var stack = new byte[84 * 84 * 4];
        // pixel (y 2, x 3): frames 0, 255, 51, 128
        int p = (2 * 84 + 3) * 4;
        stack[p] = 0; stack[p + 1] = 255; stack[p + 2] = 51; stack[p + 3] = 128;
        stack[4 * 84 * 84 - 1] = 200; // last pixel, frame t
        var output = new float[FrameStackPlanes.Length];
        FrameStackPlanes.FromPng(FrameStackPng.Encode(stack), output);

        const int plane = 84 * 84, i = 2 * 84 + 3;
        Assert.Equal(-1f, output[i]);
        Assert.Equal(1f, output[plane + i]);
        Assert.Equal((0.2f - 0.5f) / 0.5f, output[2 * plane + i]);
        Assert.Equal((128f / 255f - 0.5f) / 0.5f, output[3 * plane + i]);
        Assert.Equal((200f / 255f - 0.5f) / 0.5f, output[4 * plane - 1]);
        Assert.Equal(-1f, output[plane - 1]);
    }

    [Fact]
    public void Any_rgba_png_encoder_is_read()
    {
        using var image = new Image<Rgba32>(84, 84);
        image[83, 0] = new Rgba32(1, 2, 3, 4);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, new SixLabors.ImageSharp.Formats.Png.PngEncoder
        {
            ColorType = SixLabors.ImageSharp.Formats.Png.PngColorType.RgbWithAlpha,
            CompressionLevel = SixLabors.ImageSharp.Formats.Png.PngCompressionLevel.NoCompression,
        });
        float[] output = FrameStackPlanes.FromPng(stream.ToArray());
        Assert.Equal((4f / 255f - 0.5f) / 0.5f, output[3 * 84 * 84 + 83]);
    }

    [Fact]
    public void Wrong_size_or_format_is_rejected_with_what_it_is()
    {
        using var small = new Image<Rgba32>(64, 84);
        using var s = new MemoryStream();
        small.SaveAsPng(s);
        var e = Assert.Throws<InvalidDataException>(() => FrameStackPlanes.FromPng(s.ToArray()));
        Assert.Contains("64×84", e.Message, StringComparison.Ordinal);

        using var rgb = new Image<Rgb24>(84, 84);
        using var r = new MemoryStream();
        rgb.SaveAsPng(r, new SixLabors.ImageSharp.Formats.Png.PngEncoder { ColorType = SixLabors.ImageSharp.Formats.Png.PngColorType.Rgb });
        e = Assert.Throws<InvalidDataException>(() => FrameStackPlanes.FromPng(r.ToArray()));
        Assert.Contains("colour type 2", e.Message, StringComparison.Ordinal);

        Assert.Throws<InvalidDataException>(() => FrameStackPlanes.FromPng([0xFF, 0xD8, 0xFF, 0]));
        byte[] truncated = FrameStackPng.Encode(new byte[84 * 84 * 4])[..40];
        Assert.Throws<InvalidDataException>(() => FrameStackPlanes.FromPng(truncated));
        Assert.Throws<ArgumentException>(() => FrameStackPlanes.FromPng(truncated, new float[10]));
    }
}
