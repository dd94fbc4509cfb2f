namespace Jat.Model.Processing.Images;

/// <summary>
/// transformers' get_resize_output_image_size with default_to_square=False: the short edge becomes the target and
/// the long edge keeps the aspect ratio, truncated (Python's int()).
/// </summary>
internal static class ShortestEdgeResize
{
    public static (int Width, int Height) Target(int width, int height, int shortestEdge)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentException($"an image of {width}×{height} has no shortest edge");
        int shortSide = Math.Min(width, height), longSide = Math.Max(width, height);
        // 224 * long is exact in double, so this is Python's correctly rounded true division.
        int newLong = (int)((double)shortestEdge * longSide / shortSide);
        return width <= height ? (shortestEdge, newLong) : (newLong, shortestEdge);
    }
}
