using System.Globalization;
using Jat.Schema.Features;

namespace Jat.Schema.Card;

/// <summary>
/// Features in the YAML form of a dataset card's <c>dataset_info</c>, as <c>datasets</c>' <c>_to_yaml_list</c>
/// writes them for <c>Sequence</c> (readable by datasets 2.x and 4.x alike): <c>sequence: float32</c>,
/// <c>sequence: image</c>, and a nested mapping with <c>length</c> for fixed-size lists.
/// </summary>
internal static class FeatureYaml
{
    public static void Append(YamlText yaml, string name, Feature feature)
    {
        yaml.Line($"- name: {name}");
        using (yaml.Indent())
            Body(yaml, feature);
    }

    private static void Body(YamlText yaml, Feature feature)
    {
        switch (feature)
        {
            case ValueFeature v:
                yaml.Line($"dtype: {v.Dtype}");
                break;
            case ImageFeature:
                yaml.Line("dtype: image");
                break;
            case SequenceFeature s when Simple(s.Item) is { } item:
                yaml.Line($"sequence: {item}");
                if (s.Length > 0)
                    yaml.Line(string.Create(CultureInfo.InvariantCulture, $"length: {s.Length}"));
                break;
            case SequenceFeature s:
                yaml.Line("sequence:");
                using (yaml.Indent())
                    Body(yaml, s.Item);
                if (s.Length > 0)
                    yaml.Line(string.Create(CultureInfo.InvariantCulture, $"length: {s.Length}"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(feature));
        }
    }

    /// <summary>The one-word form <c>datasets</c> simplifies a Value or an Image to inside a sequence.</summary>
    private static string? Simple(Feature feature) => feature switch
    {
        ValueFeature v => v.Dtype,
        ImageFeature => "image",
        _ => null,
    };
}
