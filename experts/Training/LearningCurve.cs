using System.Globalization;
using System.Text;

namespace Jat.Experts.Training;

/// <summary>
/// The learning curve as CSV, one row per iteration: <c>steps, episodes, mean_return, mean_length,
/// elapsed_seconds, steps_per_second</c>, then the algorithm's own metrics. A resumed run appends to it, its elapsed
/// time continuing from the last row.
/// </summary>
internal sealed class LearningCurve
{
    private static readonly string[] Fixed = ["steps", "episodes", "mean_return", "mean_length", "elapsed_seconds", "steps_per_second"];

    private readonly string _path;
    private string? _header;

    public LearningCurve(string path)
    {
        _path = path;
        if (File.Exists(path))
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length > 0)
            {
                _header = lines[0];
            }
            if (lines.Length > 1)
            {
                var last = lines[^1].Split(',');
                if (last.Length > 4 && double.TryParse(last[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    ElapsedBefore = TimeSpan.FromSeconds(seconds);
                }
            }
        }
    }

    /// <summary>Training time recorded by earlier runs in this file.</summary>
    public TimeSpan ElapsedBefore { get; }

    public void Append(IterationReport report, TimeSpan elapsed, double stepsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(report);
        var header = string.Join(',', Fixed.Concat(report.Metrics.Select(m => m.Name)));
        var text = new StringBuilder();
        if (_header != header)
        {
            // A new file, or one written with other columns (another algorithm): start it over.
            File.Delete(_path);
            text.Append(header).Append('\n');
            _header = header;
        }
        var episodes = report.EpisodeReturns.Count;
        text.Append(Invariant(report.Steps)).Append(',')
            .Append(Invariant(episodes)).Append(',')
            .Append(episodes > 0 ? Invariant(report.EpisodeReturns.Average()) : "").Append(',')
            .Append(episodes > 0 ? Invariant(report.EpisodeLengths.Average()) : "").Append(',')
            .Append(Invariant(Math.Round((ElapsedBefore + elapsed).TotalSeconds, 3))).Append(',')
            .Append(Invariant(Math.Round(stepsPerSecond, 1)));
        foreach (var metric in report.Metrics)
        {
            text.Append(',').Append(double.IsNaN(metric.Value) ? "" : Invariant(metric.Value));
        }
        text.Append('\n');
        File.AppendAllText(_path, text.ToString());
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
