using System.Globalization;
using System.Reflection;
using Jat.Environments;
using Jat.Experts.Dqn;
using Jat.Experts.Ppo;

namespace Jat.Experts.Training;

/// <summary>
/// The per-family settings of <c>Training/hyperparameters.md</c>, a Markdown file people read and this type parses:
/// which algorithm trains each family's experts, and the value of every listed setting per family.
/// </summary>
public static class HyperparameterTable
{
    private static readonly Lazy<string> Markdown = new(() =>
    {
        using var stream = typeof(HyperparameterTable).Assembly.GetManifestResourceStream("Jat.Experts.hyperparameters.md")
            ?? throw new InvalidOperationException("The hyperparameter table is not embedded in Jat.Experts.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The families with an algorithm (<c>mujoco</c>, <c>metaworld</c>, <c>babyai</c>, <c>atari</c>).</summary>
    public static IReadOnlyList<string> Families => [.. Algorithms(Markdown.Value).Keys];

    /// <summary>
    /// The settings for a task such as <c>mujoco-hopper</c>: its environment family's (a task Jat has no environment
    /// for yet is read by the part of its name before the first dash), with the task's own changes from the table's "Per-task changes" section applied.
    /// </summary>
    public static AlgorithmSettings For(string task)
    {
        ArgumentException.ThrowIfNullOrEmpty(task);
        var family = EnvironmentCatalog.Find(task)?.Family.Name ?? task.Split('-')[0];
        var settings = Parse(Markdown.Value, family)
            ?? throw new ArgumentException(
                $"No expert settings for the family '{family}' of '{task}'. Families: {string.Join(", ", Families)}.", nameof(task));
        return WithTaskChanges(Markdown.Value, task, settings);
    }

    /// <summary>
    /// <paramref name="settings"/> with the rows of the "Per-task changes" table that name <paramref name="task"/>
    /// applied together (a change of rollout shape spans several rows, so the result is checked once, at the end).
    /// </summary>
    public static AlgorithmSettings WithTaskChanges(string markdown, string task, AlgorithmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(settings);
        if (!markdown.Contains("## " + TaskChanges, StringComparison.Ordinal))
        {
            return settings;
        }
        var rows = Table(markdown, TaskChanges).Rows.Where(row => row[0] == task).ToList();
        if (rows.Count == 0)
        {
            return settings;
        }
        var copy = settings with { };
        foreach (var row in rows)
        {
            Assign(copy, row[1], row[2]);
        }
        copy.Validate();
        return copy;
    }

    private const string TaskChanges = "Per-task changes";

    /// <summary>The settings of <paramref name="family"/> in a table, or null when it names no algorithm for it.</summary>
    public static AlgorithmSettings? Parse(string markdown, string family)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (!Algorithms(markdown).TryGetValue(family, out var algorithm))
        {
            return null;
        }
        AlgorithmSettings settings = algorithm switch
        {
            "ppo" => new PpoSettings(),
            "dqn" => new DqnSettings(),
            _ => throw new FormatException($"Unknown algorithm '{algorithm}' for the family '{family}'."),
        };
        var table = Table(markdown, algorithm.ToUpperInvariant());
        var column = table.Header.IndexOf(family);
        if (column < 0)
        {
            throw new FormatException($"The {algorithm.ToUpperInvariant()} table has no column for '{family}'.");
        }
        foreach (var row in table.Rows)
        {
            Assign(settings, row[0], row[column]);
        }
        settings.Validate();
        return settings;
    }

    private static Dictionary<string, string> Algorithms(string markdown) =>
        Table(markdown, "Algorithm per family").Rows.ToDictionary(row => row[0], row => row[1]);

    private static (List<string> Header, List<List<string>> Rows) Table(string markdown, string section)
    {
        List<string>? header = null;
        var rows = new List<List<string>>();
        var inside = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (inside)
                {
                    break;
                }
                inside = line[3..].Trim() == section;
                continue;
            }
            if (!inside || !line.StartsWith('|'))
            {
                continue;
            }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToList();
            if (cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':')))
            {
                continue;
            }
            if (header is null)
            {
                header = cells;
            }
            else
            {
                rows.Add(cells);
            }
        }
        return header is null
            ? throw new FormatException($"The hyperparameter table has no '{section}' section with a table.")
            : (header, rows);
    }

    /// <summary>A copy of <paramref name="settings"/> with one setting changed, e.g. <c>Gamma</c> = <c>0.9999</c>.</summary>
    /// <exception cref="FormatException">no such setting, or a value of the wrong type.</exception>
    public static AlgorithmSettings With(AlgorithmSettings settings, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var copy = settings with { };
        try
        {
            Assign(copy, name, value);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or ArgumentException)
        {
            throw new FormatException($"'{value}' is not a valid value for {name}: {e.Message}", e);
        }
        copy.Validate();
        return copy;
    }

    private static void Assign(AlgorithmSettings settings, string name, string text)
    {
        var property = settings.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        if (property is null || !property.CanWrite)
        {
            throw new FormatException($"'{name}' is not a setting of {settings.GetType().Name}.");
        }
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        object? value;
        if (text == "-")
        {
            value = Nullable.GetUnderlyingType(property.PropertyType) is not null
                ? null
                : throw new FormatException($"'{name}' cannot be empty.");
        }
        else if (type.IsEnum)
        {
            value = Enum.Parse(type, text, ignoreCase: true);
        }
        else
        {
            value = Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
        }
        property.SetValue(settings, value);
    }
}
