namespace Jat.Model.Processing.Images;

/// <summary>
/// Pillow's BICUBIC resize of 8-bit images (libImaging/Resample.c), reproduced bit for bit because JAT's
/// CLIP processor resizes through PIL and a different kernel or rounding would shift pixel values.
/// </summary>
/// <remarks>
/// Separable: a horizontal pass, then a vertical one, each run only when that dimension changes. Weights are
/// normalised in double, then turned into 22-bit fixed point; sums start at half a unit and are clipped to 0..255,
/// and the intermediate image is stored as bytes, so the two passes round twice exactly as Pillow does.
/// </remarks>
internal static class PillowBicubic
{
    // 32 bits minus 8 for the result minus 2 for the overshoot of negative lobes.
    private const int PrecisionBits = 32 - 8 - 2;
    private const double Support = 2.0;

    /// <param name="pixels">Channel-last bytes, <paramref name="height"/> rows of <paramref name="width"/> pixels.</param>
    /// <returns>Channel-last bytes of the resized image.</returns>
    public static byte[] Resize(ReadOnlySpan<byte> pixels, int width, int height, int channels, int newWidth, int newHeight)
    {
        if (width <= 0 || height <= 0 || newWidth <= 0 || newHeight <= 0)
            throw new ArgumentException($"cannot resize {width}×{height} to {newWidth}×{newHeight}: sizes must be positive");
        if (channels <= 0 || pixels.Length != (long)width * height * channels)
            throw new ArgumentException($"{width}×{height}×{channels} needs {(long)width * height * channels} bytes, got {pixels.Length}", nameof(pixels));

        bool horizontal = newWidth != width;
        bool vertical = newHeight != height;
        if (!horizontal && !vertical)
            return pixels.ToArray();

        var rows = Coefficients.For(height, newHeight);
        byte[] source = pixels.ToArray();
        int sourceHeight = height;
        if (horizontal)
        {
            // Only the source rows some output row reads are resampled, as Pillow does; it changes no value.
            int first = vertical ? rows.Start[0] : 0;
            int last = vertical ? rows.Start[newHeight - 1] + rows.Count[newHeight - 1] : height;
            var columns = Coefficients.For(width, newWidth);
            source = ResampleHorizontal(source, width, channels, first, last - first, columns);
            sourceHeight = last - first;
            if (vertical)
                rows = rows.Shifted(-first);
        }
        return vertical ? ResampleVertical(source, newWidth, sourceHeight, channels, rows) : source;
    }

    private static byte[] ResampleHorizontal(byte[] source, int width, int channels, int firstRow, int rowCount, Coefficients columns)
    {
        int outWidth = columns.Start.Length;
        var output = new byte[outWidth * rowCount * channels];
        for (int y = 0; y < rowCount; y++)
        {
            int inRow = (y + firstRow) * width * channels;
            int outRow = y * outWidth * channels;
            for (int x = 0; x < outWidth; x++)
            {
                int start = columns.Start[x], count = columns.Count[x], k = x * columns.KernelSize;
                for (int c = 0; c < channels; c++)
                {
                    int sum = 1 << (PrecisionBits - 1);
                    for (int i = 0; i < count; i++)
                        sum += source[inRow + (start + i) * channels + c] * columns.Weights[k + i];
                    output[outRow + x * channels + c] = Clip(sum);
                }
            }
        }
        return output;
    }

    private static byte[] ResampleVertical(byte[] source, int width, int height, int channels, Coefficients rows)
    {
        int outHeight = rows.Start.Length;
        int stride = width * channels;
        var output = new byte[outHeight * stride];
        for (int y = 0; y < outHeight; y++)
        {
            int start = rows.Start[y], count = rows.Count[y], k = y * rows.KernelSize;
            if (start < 0 || start + count > height)
                throw new InvalidOperationException("vertical bounds outside the intermediate image");
            for (int i = 0; i < stride; i++)
            {
                int sum = 1 << (PrecisionBits - 1);
                for (int j = 0; j < count; j++)
                    sum += source[(start + j) * stride + i] * rows.Weights[k + j];
                output[y * stride + i] = Clip(sum);
            }
        }
        return output;
    }

    private static byte Clip(int sum)
    {
        int value = sum >> PrecisionBits;
        return value < 0 ? (byte)0 : value > 255 ? (byte)255 : (byte)value;
    }

    /// <summary>Keys' cubic convolution with a = -0.5, Pillow's bicubic_filter.</summary>
    internal static double Kernel(double x)
    {
        const double a = -0.5;
        if (x < 0.0)
            x = -x;
        if (x < 1.0)
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        if (x < 2.0)
            return (((x - 5) * x + 8) * x - 4) * a;
        return 0.0;
    }

    /// <summary>Per output index: the first input index, how many inputs it reads, and their fixed-point weights.</summary>
    internal sealed record Coefficients(int KernelSize, int[] Start, int[] Count, int[] Weights)
    {
        public static Coefficients For(int inSize, int outSize)
        {
            double scale = (double)inSize / outSize;
            double filterScale = Math.Max(scale, 1.0);
            double support = Support * filterScale;
            int kernelSize = (int)Math.Ceiling(support) * 2 + 1;
            var start = new int[outSize];
            var count = new int[outSize];
            var weights = new int[outSize * kernelSize];
            var raw = new double[kernelSize];
            // Pillow multiplies by the reciprocal; dividing by filterScale could differ in the last bit.
            double reciprocal = 1.0 / filterScale;
            for (int xx = 0; xx < outSize; xx++)
            {
                double center = (xx + 0.5) * scale;
                int xmin = Math.Max(0, (int)(center - support + 0.5));
                int xmax = Math.Min(inSize, (int)(center + support + 0.5)) - xmin;
                double total = 0.0;
                for (int x = 0; x < xmax; x++)
                {
                    raw[x] = Kernel((x + xmin - center + 0.5) * reciprocal);
                    total += raw[x];
                }
                for (int x = 0; x < xmax; x++)
                {
                    double w = total != 0.0 ? raw[x] / total : raw[x];
                    weights[xx * kernelSize + x] = ToFixed(w);
                }
                start[xx] = xmin;
                count[xx] = xmax;
            }
            return new Coefficients(kernelSize, start, count, weights);
        }

        public Coefficients Shifted(int by)
        {
            var start = new int[Start.Length];
            for (int i = 0; i < start.Length; i++)
                start[i] = Start[i] + by;
            return this with { Start = start };
        }

        internal static int ToFixed(double weight) =>
            weight < 0 ? (int)(-0.5 + weight * (1 << PrecisionBits)) : (int)(0.5 + weight * (1 << PrecisionBits));
    }
}
