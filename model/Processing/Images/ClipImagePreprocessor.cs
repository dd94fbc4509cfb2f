namespace Jat.Model.Processing.Images;

/// <summary>
/// JAT's preprocessing of the images of image-text data: Hugging Face's CLIPImageProcessor with a shortest edge of
/// 224 and a 224×224 centre crop. The steps and their arithmetic follow transformers and Pillow exactly: RGB
/// conversion, Pillow bicubic resize, centre crop, rescale by 1/255 in double, (x - mean) / std in float.
/// </summary>
public static class ClipImagePreprocessor
{
    public const int Size = 224;
    public const int Channels = 3;

    /// <summary>Floats per image: 3 × 224 × 224.</summary>
    public const int Length = Channels * Size * Size;

    private static readonly float[] Mean = [0.48145466f, 0.4578275f, 0.40821073f];
    private static readonly float[] Std = [0.26862954f, 0.26130258f, 0.27577711f];

    /// <param name="encodedImage">PNG or JPEG bytes, as a dataset's images column holds them.</param>
    /// <returns>3×224×224 floats, channel first (all red, then green, then blue), rows top to bottom.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a decodable PNG or JPEG.</exception>
    public static float[] Process(ReadOnlySpan<byte> encodedImage)
    {
        var output = new float[Length];
        Process(encodedImage, output);
        return output;
    }

    /// <inheritdoc cref="Process(ReadOnlySpan{byte})"/>
    /// <param name="destination">Receives the <see cref="Length"/> floats.</param>
    public static void Process(ReadOnlySpan<byte> encodedImage, Span<float> destination)
    {
        if (destination.Length != Length)
            throw new ArgumentException($"a CLIP image needs {Length} floats (3×224×224), the destination has {destination.Length}", nameof(destination));
        var (pixels, width, height) = RgbDecoding.Decode(encodedImage, "the image");
        var (newWidth, newHeight) = ShortestEdgeResize.Target(width, height, Size);
        byte[] resized = PillowBicubic.Resize(pixels, width, height, Channels, newWidth, newHeight);
        byte[] cropped = CenterCrop.Apply(resized, newWidth, newHeight, Channels, Size, Size);
        Normalize(cropped, destination);
    }

    /// <summary>Rescale and normalise channel-last 224×224 RGB bytes into channel-first floats.</summary>
    internal static void Normalize(ReadOnlySpan<byte> rgb, Span<float> destination)
    {
        const int plane = Size * Size;
        for (int i = 0; i < plane; i++)
        {
            for (int c = 0; c < Channels; c++)
            {
                // transformers rescales in float64 and casts to float32, then normalises in float32.
                float rescaled = (float)(rgb[i * Channels + c] * (1.0 / 255.0));
                destination[c * plane + i] = (rescaled - Mean[c]) / Std[c];
            }
        }
    }
}
