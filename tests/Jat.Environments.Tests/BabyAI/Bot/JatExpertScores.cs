using System.Text.Json;

namespace Jat.Environments.Tests.BabyAI.Bot;

/// <summary>JAT's expert means per task, read from <c>../shared/reference/jat_scores.json</c> (null where absent).</summary>
internal static class JatExpertScores
{
    public static IReadOnlyDictionary<string, double>? Load()
    {
        if (SharedReference.ScoresFile() is not { } file)
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var task in document.RootElement.EnumerateObject())
        {
            if (task.Value.TryGetProperty("expert", out var expert) && expert.TryGetProperty("mean", out var mean))
            {
                means[task.Name] = mean.GetDouble();
            }
        }
        return means;
    }
}
