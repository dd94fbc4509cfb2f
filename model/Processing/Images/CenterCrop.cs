namespace Jat.Model.Processing.Images;

/// <summary>
/// transformers' center_crop on a channel-last byte image: the window starts at (size - crop) // 2 (floor), and an
/// image smaller than the crop is first centred on a zero canvas, its offset rounded up, as transformers pads.
/// </summary>
internal static class CenterCrop
{
    public static byte[] Apply(ReadOnlySpan<byte> pixels, int width, int height, int channels, int cropWidth, int cropHeight)
    {
        if (pixels.Length != (long)width * height * channels)
            throw new ArgumentException($"{width}×{height}×{channels} needs {(long)width * height * channels} bytes, got {pixels.Length}", nameof(pixels));
        // Where the source's top-left corner lands in the crop; negative when the crop lies inside the image.
        int top = Offset(height, cropHeight), left = Offset(width, cropWidth);
        var output = new byte[cropWidth * cropHeight * channels];
        for (int y = 0; y < cropHeight; y++)
        {
            int sourceY = y - top;
            if (sourceY < 0 || sourceY >= height)
                continue;
            int x0 = Math.Max(0, left), x1 = Math.Min(cropWidth, left + width);
            if (x1 <= x0)
                continue;
            pixels.Slice((sourceY * width + x0 - left) * channels, (x1 - x0) * channels)
                .CopyTo(output.AsSpan((y * cropWidth + x0) * channels));
        }
        return output;
    }

    /// <summary>The crop-space coordinate of source index 0 along one axis.</summary>
    internal static int Offset(int size, int crop) =>
        // Larger: the window starts at (size - crop) // 2. Smaller: transformers pads by ceil((crop - size) / 2),
        // which moves its (negative) window start exactly to 0, so the source sits at the pad.
        size >= crop ? -((size - crop) / 2) : (crop - size + 1) / 2;
}
