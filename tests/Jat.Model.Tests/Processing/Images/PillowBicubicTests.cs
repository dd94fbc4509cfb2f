using Jat.Model.Processing.Images;

namespace Jat.Model.Tests.Processing.Images;

public sealed class PillowBicubicTests
{
    [Fact]
    public void Kernel_is_keys_cubic_with_a_minus_half()
    {
        Assert.Equal(1.0, PillowBicubic.Kernel(0));
        Assert.Equal(0.8671875, PillowBicubic.Kernel(0.25));
        Assert.Equal(0.2265625, PillowBicubic.Kernel(-0.75));
        Assert.Equal(-0.0703125, PillowBicubic.Kernel(1.25));
        Assert.Equal(0.0, PillowBicubic.Kernel(2.0));
    }

    [Fact]
    public void Downscale_by_two_matches_the_hand_derived_bytes()
    {
        // 4 -> 2: scale 2, filter scale 2, support 4. Output 0: centre 1, inputs 0..3 at (x - 1 + 0.5) / 2 =
        // -0.25, 0.25, 0.75, 1.25 -> 0.8671875, 0.8671875, 0.2265625, -0.0703125, sum 1.890625.
        // 10, 20, 30, 40 -> (8.671875 + 17.34375 + 6.796875 - 2.8125) / 1.890625 = 15.868 -> 16.
        // Output 1: centre 3, xmin = (int)(-0.5) = 0 (truncation), weights mirrored -> 34.132 -> 34.
        byte[] output = PillowBicubic.Resize([10, 20, 30, 40], 4, 1, 1, 2, 1);
        Assert.Equal(new byte[] { 16, 34 }, output);
    }

    [Fact]
    public void Upscale_by_two_matches_the_hand_derived_bytes()
    {
        // 2 -> 4: scale 0.5, filter scale 1, support 2. Centres 0.25, 0.75, 1.25, 1.75; both inputs are read.
        // 0.25: args 0.25, 1.25 -> (86.71875 - 14.0625) / 0.796875 = 91.18 -> 91
        // 0.75: args -0.25, 0.75 -> (86.71875 + 45.3125) / 1.09375 = 120.71 -> 121
        // 1.25: args -0.75, 0.25 -> (22.65625 + 173.4375) / 1.09375 = 179.29 -> 179
        // 1.75: args -1.25, -0.25 -> (-7.03125 + 173.4375) / 0.796875 = 208.82 -> 209
        byte[] output = PillowBicubic.Resize([100, 200], 2, 1, 1, 4, 1);
        Assert.Equal(new byte[] { 91, 121, 179, 209 }, output);
    }

    [Fact]
    public void Vertical_pass_is_the_same_filter_along_columns()
    {
        byte[] output = PillowBicubic.Resize([100, 200], 1, 2, 1, 1, 4);
        Assert.Equal(new byte[] { 91, 121, 179, 209 }, output);
    }

    [Fact]
    public void Overshoot_is_clipped_to_the_byte_range()
    {
        // Weights for output 0 of 4 -> 2 are 0.4587, 0.4587, 0.1198, -0.0372 (see above).
        Assert.Equal(new byte[] { 255, 138 }, PillowBicubic.Resize([255, 255, 255, 0], 4, 1, 1, 2, 1)); // 264.5 -> 255
        Assert.Equal(0, PillowBicubic.Resize([0, 0, 0, 255], 4, 1, 1, 2, 1)[0]); // -9.48 -> 0
    }

    [Fact]
    public void Same_size_is_a_copy()
    {
        byte[] input = [1, 2, 3, 4, 5, 6];
        Assert.Equal(input, PillowBicubic.Resize(input, 2, 1, 3, 2, 1));
    }

    [Theory]
    [InlineData("rgb_5x3.png", 3, 2)]
    [InlineData("rgb_5x3.png", 8, 7)]
    [InlineData("rgb_3x2.png", 7, 5)]
    [InlineData("rgb_3x2.png", 3, 5)]
    public void Small_resizes_equal_real_pillow_byte_for_byte(string file, int width, int height)
    {
        var (pixels, w, h) = RgbDecoding.Decode(PillowReference.Read(file), file);
        byte[] expected = PillowReference.Read($"{Path.GetFileNameWithoutExtension(file)}_to_{width}x{height}.rgb");
        Assert.Equal(expected, PillowBicubic.Resize(pixels, w, h, 3, width, height));
    }
}
