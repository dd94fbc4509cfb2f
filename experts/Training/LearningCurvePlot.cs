using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Experts.Training;

/// <summary>
/// The learning curve as a PNG: mean episode return against environment steps (blue: the training episodes; orange,
/// with a dot at each scoring: the saved policy's own score, <c>eval_return</c>, when the curve has it), with the axes'
/// ranges written in a small built-in pixel font (digits, '-', '.', 'k', 'M'), so no font library is needed.
/// Horizontal dashed lines mark the random and expert scores of JAT's table when given.
/// </summary>
public static class LearningCurvePlot
{
    private const int Width = 800;
    private const int Height = 480;
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 20;
    private const int Bottom = 40;

    // 3×5 glyphs, one row per string, '#' lit.
    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['0'] = ["###", "#.#", "#.#", "#.#", "###"], ['1'] = [".#.", "##.", ".#.", ".#.", "###"],
        ['2'] = ["###", "..#", "###", "#..", "###"], ['3'] = ["###", "..#", "###", "..#", "###"],
        ['4'] = ["#.#", "#.#", "###", "..#", "..#"], ['5'] = ["###", "#..", "###", "..#", "###"],
        ['6'] = ["###", "#..", "###", "#.#", "###"], ['7'] = ["###", "..#", "..#", "..#", "..#"],
        ['8'] = ["###", "#.#", "###", "#.#", "###"], ['9'] = ["###", "#.#", "###", "..#", "###"],
        ['-'] = ["...", "...", "###", "...", "..."], ['.'] = ["...", "...", "...", "...", ".#."],
        ['k'] = ["#..", "#.#", "##.", "#.#", "#.#"], ['M'] = ["#.#", "###", "###", "#.#", "#.#"],
    };

    /// <summary>The colour of the training episodes' curve.</summary>
    public static Rgb24 TrainingColor { get; } = new(30, 80, 200);

    /// <summary>The colour of the saved policy's scores.</summary>
    public static Rgb24 EvaluationColor { get; } = new(230, 120, 20);

    /// <summary>Reads <c>learning-curve.csv</c> (columns <c>steps</c> and <c>mean_return</c>, optionally
    /// <c>eval_return</c>) and writes the plot.</summary>
    public static void Save(string curveCsv, string png, double? randomScore = null, double? expertScore = null)
    {
        var lines = File.ReadAllLines(curveCsv);
        var points = Read(curveCsv, lines, "mean_return", required: true);
        var scores = Read(curveCsv, lines, "eval_return", required: false);
        using var image = new Image<Rgb24>(Width, Height, new Rgb24(255, 255, 255));
        if (points.Count == 0)
        {
            image.SaveAsPng(png);
            return;
        }
        var xMax = Math.Max(1, Math.Max(points[^1].Steps, scores.Count > 0 ? scores[^1].Steps : 0));
        var values = points.Concat(scores).Select(p => p.Return)
            .Concat([randomScore ?? points[0].Return, expertScore ?? points[0].Return]).ToList();
        var yMin = values.Min();
        var yMax = values.Max();
        if (yMax - yMin < 1e-9)
        {
            yMax = yMin + 1;
        }
        int X(double steps) => Left + (int)Math.Round(steps / xMax * (Width - Left - Right));
        int Y(double value) => Height - Bottom - (int)Math.Round((value - yMin) / (yMax - yMin) * (Height - Top - Bottom));

        var axis = new Rgb24(0, 0, 0);
        Line(image, Left, Height - Bottom, Width - Right, Height - Bottom, axis);
        Line(image, Left, Top, Left, Height - Bottom, axis);
        if (randomScore is { } random)
            Dashed(image, Y(random), new Rgb24(200, 60, 60));
        if (expertScore is { } expert)
            Dashed(image, Y(expert), new Rgb24(40, 150, 40));
        for (var i = 1; i < points.Count; i++)
            Line(image, X(points[i - 1].Steps), Y(points[i - 1].Return), X(points[i].Steps), Y(points[i].Return), TrainingColor);
        for (var i = 0; i < scores.Count; i++)
        {
            if (i > 0)
                Line(image, X(scores[i - 1].Steps), Y(scores[i - 1].Return), X(scores[i].Steps), Y(scores[i].Return), EvaluationColor);
            for (var dy = -2; dy <= 2; dy += 2)
                for (var dx = -2; dx <= 2; dx += 2)
                    Block(image, X(scores[i].Steps) + dx, Y(scores[i].Return) + dy, EvaluationColor);
        }

        Text(image, Left - 6 - (Number(yMax).Length * 8), Top - 2, Number(yMax));
        Text(image, Left - 6 - (Number(yMin).Length * 8), Height - Bottom - 10, Number(yMin));
        Text(image, Left, Height - Bottom + 12, "0");
        Text(image, Width - Right - (Number(xMax).Length * 8), Height - Bottom + 12, Number(xMax));
        image.SaveAsPng(png);
    }

    /// <summary>The rows with a finite value in <paramref name="column"/>, as (steps, value).</summary>
    private static List<(long Steps, double Return)> Read(string csv, string[] lines, string column, bool required)
    {
        if (lines.Length == 0)
            return [];
        var header = lines[0].Split(',');
        var steps = Array.IndexOf(header, "steps");
        var value = Array.IndexOf(header, column);
        if (steps < 0 || value < 0)
        {
            return required ? throw new InvalidDataException($"{csv}: no 'steps' and '{column}' columns.") : [];
        }
        var points = new List<(long, double)>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length > Math.Max(steps, value)
                && long.TryParse(cells[steps], CultureInfo.InvariantCulture, out var s)
                && double.TryParse(cells[value], CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
                points.Add((s, v));
        }
        return points;
    }

    private static string Number(double value) => Math.Abs(value) switch
    {
        >= 1e6 => (value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e4 => (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    private static void Text(Image<Rgb24> image, int x, int y, string text)
    {
        foreach (var c in text)
        {
            if (Glyphs.TryGetValue(c, out var glyph))
            {
                for (var row = 0; row < 5; row++)
                    for (var column = 0; column < 3; column++)
                        if (glyph[row][column] == '#')
                            Block(image, x + (column * 2), y + (row * 2), new Rgb24(0, 0, 0));
            }
            x += 8;
        }
    }

    private static void Block(Image<Rgb24> image, int x, int y, Rgb24 color)
    {
        for (var dy = 0; dy < 2; dy++)
            for (var dx = 0; dx < 2; dx++)
                Set(image, x + dx, y + dy, color);
    }

    private static void Dashed(Image<Rgb24> image, int y, Rgb24 color)
    {
        for (var x = Left; x < Width - Right; x++)
            if (x / 6 % 2 == 0)
                Set(image, x, y, color);
    }

    private static void Line(Image<Rgb24> image, int x0, int y0, int x1, int y1, Rgb24 color)
    {
        // Bresenham.
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, error = dx + dy;
        while (true)
        {
            Set(image, x0, y0, color);
            if (x0 == x1 && y0 == y1)
                return;
            var twice = 2 * error;
            if (twice >= dy)
            {
                error += dy;
                x0 += sx;
            }
            if (twice <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }

    private static void Set(Image<Rgb24> image, int x, int y, Rgb24 color)
    {
        if (x >= 0 && y >= 0 && x < image.Width && y < image.Height)
            image[x, y] = color;
    }
}
