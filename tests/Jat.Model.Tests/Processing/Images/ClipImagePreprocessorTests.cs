using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Jat.Model.Processing.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Model.Tests.Processing.Images;

public sealed class ClipImagePreprocessorTests
{
    [Theory]
    [InlineData(37, 23, 360, 224)] // int(224 * 37 / 23) = int(360.35)
    [InlineData(23, 37, 224, 360)]
    [InlineData(300, 300, 224, 224)]
    [InlineData(640, 480, 298, 224)] // 298.67
    [InlineData(1, 3, 224, 672)]
    public void Shortest_edge_becomes_224_and_the_long_edge_is_truncated(int w, int h, int ew, int eh) =>
        Assert.Equal((ew, eh), ShortestEdgeResize.Target(w, h, 224));

    [Fact]
    public void Centre_crop_starts_at_floor_half_of_the_excess()
    {
        // 5 wide, 3 high, one channel, value = 10 y + x; crop 2×2 -> top (3-2)//2 = 0, left (5-2)//2 = 1.
        byte[] image = [0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 20, 21, 22, 23, 24];
        Assert.Equal(new byte[] { 1, 2, 11, 12 }, CenterCrop.Apply(image, 5, 3, 1, 2, 2));
        // crop 3×1 -> top 1, left 1
        Assert.Equal(new byte[] { 11, 12, 13 }, CenterCrop.Apply(image, 5, 3, 1, 3, 1));
    }

    [Fact]
    public void Centre_crop_of_a_smaller_image_pads_with_zeros_offset_rounded_up()
    {
        // 1×1 into 4×3: transformers pads ceil(3/2) = 2 left and ceil(2/2) = 1 on top.
        byte[] output = CenterCrop.Apply([9], 1, 1, 1, 4, 3);
        var expected = new byte[12];
        expected[1 * 4 + 2] = 9;
        Assert.Equal(expected, output);
        // 2 wide into 3: pad ceil(1/2) = 1 -> [0, a, b]; 5 high into 3: top 1.
        Assert.Equal(new byte[] { 0, 3, 4, 0, 5, 6, 0, 7, 8 }, CenterCrop.Apply([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2, 5, 1, 3, 3));
    }

    [Fact]
    public void Normalisation_uses_clip_mean_and_std_channel_first()
    {
        var rgb = new byte[224 * 224 * 3];
        rgb[0] = 255; rgb[1] = 0; rgb[2] = 128; // pixel 0
        rgb[3 * 5 + 1] = 51; // pixel 5, green
        var output = new float[ClipImagePreprocessor.Length];
        ClipImagePreprocessor.Normalize(rgb, output);
        const int plane = 224 * 224;
        Assert.Equal((1f - 0.48145466f) / 0.26862954f, output[0]);
        Assert.Equal((0f - 0.4578275f) / 0.26130258f, output[plane]);
        Assert.Equal(((float)(128 / 255.0) - 0.40821073f) / 0.27577711f, output[2 * plane]);
        Assert.Equal((0.2f - 0.4578275f) / 0.26130258f, output[plane + 5]);
        Assert.Equal(-0.48145466f / 0.26862954f, output[5]);
        Assert.Equal(1.9303361f, output[0], 6f);
    }

    public static TheoryData<string, string> ClipCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in PillowReference.Table("clip.txt"))
            if (!row[0].EndsWith(".jpg", StringComparison.Ordinal))
                data.Add(row[0], row[1]);
        return data;
    }

    [Theory]
    [MemberData(nameof(ClipCases))]
    public void Png_pipeline_equals_pillow_and_transformers_bit_for_bit(string file, string sha256)
    {
        float[] output = ClipImagePreprocessor.Process(PillowReference.Read(file));
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(output.AsSpan()))));
    }

    [Fact]
    public void Grey_png_becomes_three_equal_planes()
    {
        using var image = new Image<L8>(3, 2);
        image[0, 0] = new L8(200);
        image[2, 1] = new L8(30);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        var (pixels, w, h) = RgbDecoding.Decode(stream.ToArray(), "test");
        Assert.Equal((3, 2), (w, h));
        Assert.Equal(new byte[] { 200, 200, 200 }, pixels[..3]);
        Assert.Equal(new byte[] { 30, 30, 30 }, pixels[15..18]);
        float[] output = ClipImagePreprocessor.Process(stream.ToArray());
        Assert.Equal(ClipImagePreprocessor.Length, output.Length);
    }

    [Fact]
    public void Rgba_png_drops_alpha_without_compositing()
    {
        using var image = new Image<Rgba32>(2, 1);
        image[0, 0] = new Rgba32(10, 20, 30, 0);
        image[1, 0] = new Rgba32(200, 100, 50, 128);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        var (pixels, _, _) = RgbDecoding.Decode(stream.ToArray(), "test");
        Assert.Equal(new byte[] { 10, 20, 30, 200, 100, 50 }, pixels);
    }

    [Fact]
    public void Jpeg_decoding_is_close_to_libjpeg_but_not_exact()
    {
        // ImageSharp's JPEG decoder is not libjpeg's bit for bit; Pillow's decode of the same file is the reference.
        var (pixels, _, _) = RgbDecoding.Decode(PillowReference.Read("rgb_64x48.jpg"), "jpeg");
        byte[] pillow = PillowReference.Read("rgb_64x48.jpg.rgb");
        Assert.Equal(pillow.Length, pixels.Length);
        int[] differences = pixels.Zip(pillow, (a, b) => Math.Abs(a - b)).ToArray();
        // Measured on this 64×48 quality-90 4:2:0 file: at most 5 levels apart, mean 1.24 (chroma upsampling and IDCT differ).
        Assert.True(differences.Max() <= 5 && differences.Average() < 1.5,
            $"largest difference from libjpeg is {differences.Max()}, mean {differences.Average():F3}");
    }

    [Fact]
    public void Corrupt_bytes_give_invalid_data_naming_the_problem()
    {
        var e = Assert.Throws<InvalidDataException>(() => ClipImagePreprocessor.Process([1, 2, 3, 4, 5]));
        Assert.Contains("not a readable PNG or JPEG", e.Message, StringComparison.Ordinal);
        byte[] truncated = PillowReference.Read("rgb_37x23.png")[..60];
        Assert.Throws<InvalidDataException>(() => ClipImagePreprocessor.Process(truncated));
        Assert.Throws<InvalidDataException>(() => ClipImagePreprocessor.Process([]));
    }
}
