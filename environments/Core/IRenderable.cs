namespace Jat.Environments;

/// <summary>An environment that can show its current state: a picture, and (where it reads well) text for a terminal.</summary>
public interface IRenderable
{
    /// <summary>A picture of the current state.</summary>
    RgbImage Render();

    /// <summary>The current state as text (BabyAI's grid), or null.</summary>
    string? RenderText();
}

/// <summary>A picture: <see cref="Width"/> × <see cref="Height"/> pixels of three bytes (red, green, blue), row after row.</summary>
public sealed record RgbImage(int Width, int Height, byte[] Pixels);
