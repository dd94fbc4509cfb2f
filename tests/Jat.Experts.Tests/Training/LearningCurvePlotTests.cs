using Jat.Experts.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Experts.Tests.Training;

/// <summary>The learning curve's picture: a PNG with the curve drawn, and a clear error for a file that is no curve.</summary>
public sealed class LearningCurvePlotTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jat-plot-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_rising_curve_is_drawn_from_bottom_left_to_top_right()
    {
        var csv = Path.Combine(_directory, "learning-curve.csv");
        File.WriteAllLines(csv, ["steps,episodes,mean_return", "1000,5,0", "2000,9,50", "3000,12,100"]);
        var png = Path.Combine(_directory, "learning-curve.png");

        LearningCurvePlot.Save(csv, png, randomScore: 0, expertScore: 100);

        using var image = Image.Load<Rgb24>(png);
        Assert.Equal((800, 480), (image.Width, image.Height));
        var curve = new Rgb24(30, 80, 200);
        var lit = new List<(int X, int Y)>();
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                if (image[x, y] == curve)
                    lit.Add((x, y));
        Assert.NotEmpty(lit);
        var leftmost = lit.MinBy(p => p.X);
        var rightmost = lit.MaxBy(p => p.X);
        Assert.True(rightmost.Y < leftmost.Y, "the curve rises: its right end is higher in the picture");
    }

    [Fact]
    public void The_saved_policys_scores_are_drawn_in_their_own_colour_where_they_were_taken()
    {
        var csv = Path.Combine(_directory, "learning-curve.csv");
        // Training episodes near 1, the saved policy's two scorings near 0: the orange points sit at the bottom.
        File.WriteAllLines(csv, ["steps,episodes,mean_return,eval_return", "1000,5,1,", "2000,9,1,0", "3000,12,1,0"]);
        var png = Path.Combine(_directory, "learning-curve.png");

        LearningCurvePlot.Save(csv, png);

        using var image = Image.Load<Rgb24>(png);
        var lit = new List<(int X, int Y)>();
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                if (image[x, y] == LearningCurvePlot.EvaluationColor)
                    lit.Add((x, y));
        Assert.NotEmpty(lit);
        // Steps 2000 and 3000 of 3000 on an axis from x = 70 to 780; the values at the bottom (y = 440).
        Assert.InRange(lit.Min(p => p.X), 70 + (710 * 2 / 3) - 4, 70 + (710 * 2 / 3));
        Assert.InRange(lit.Max(p => p.X), 780, 784);
        Assert.All(lit, p => Assert.InRange(p.Y, 436, 444));
    }

    [Fact]
    public void A_file_without_steps_and_returns_is_refused()
    {
        var csv = Path.Combine(_directory, "other.csv");
        File.WriteAllLines(csv, ["a,b", "1,2"]);

        Assert.Throws<InvalidDataException>(() => LearningCurvePlot.Save(csv, Path.Combine(_directory, "x.png")));
    }
}
