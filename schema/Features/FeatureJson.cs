using System.Text.Json.Nodes;

namespace Jat.Schema.Features;

/// <summary>
/// The JSON form of features stored under the <c>huggingface</c> key of a Parquet file.
/// </summary>
/// <remarks>
/// Lists are written in the legacy <c>Sequence</c> form with an explicit <c>length</c>: datasets 2.x
/// fails on the <c>List</c> type that 4.x writes, while 4.x still reads <c>Sequence</c> (as <c>List</c>).
/// </remarks>
public static class FeatureJson
{
    public static JsonNode ToJson(Feature feature) => feature switch
    {
        ValueFeature v => new JsonObject { ["dtype"] = v.Dtype, ["_type"] = "Value" },
        SequenceFeature s => new JsonObject { ["feature"] = ToJson(s.Item), ["length"] = s.Length, ["_type"] = "Sequence" },
        ImageFeature => new JsonObject { ["_type"] = "Image" },
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "unsupported feature"),
    };

    /// <summary>The whole metadata value: <c>{"info": {"features": {...}}}</c>.</summary>
    public static string ToMetadata(IEnumerable<KeyValuePair<string, Feature>> columns)
    {
        var features = new JsonObject();
        foreach (var (name, feature) in columns)
            features[name] = ToJson(feature);
        return new JsonObject { ["info"] = new JsonObject { ["features"] = features } }.ToJsonString();
    }

    /// <summary>Reads the features back from a metadata value, in any of the forms datasets 2.x to 5.x write.</summary>
    /// <exception cref="FormatException">the JSON is not a features description this toolkit understands.</exception>
    public static IReadOnlyList<KeyValuePair<string, Feature>> FromMetadata(string metadata)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(metadata); }
        catch (System.Text.Json.JsonException e) { throw new FormatException($"the huggingface metadata is not JSON: {e.Message}", e); }
        if (root?["info"]?["features"] is not JsonObject features)
            throw new FormatException("the huggingface metadata has no info.features object");
        return features.Select(kv => new KeyValuePair<string, Feature>(kv.Key, Parse(kv.Value, kv.Key))).ToList();
    }

    private static Feature Parse(JsonNode? node, string where)
    {
        if (node is JsonArray array && array.Count == 1)
            return new SequenceFeature(Parse(array[0], where));
        if (node is not JsonObject obj)
            throw new FormatException($"feature '{where}' is not an object");
        var type = (string?)obj["_type"];
        switch (type)
        {
            case "Value":
                return new ValueFeature(NormaliseDtype((string?)obj["dtype"] ?? throw new FormatException($"feature '{where}' has no dtype")));
            case "Image":
                return ImageFeature.Instance;
            case "Sequence" or "List" or "LargeList":
                var length = obj["length"] is JsonNode l ? (int)l : -1;
                return new SequenceFeature(Parse(obj["feature"], where), length);
            default:
                throw new FormatException($"feature '{where}' has type '{type ?? "(none)"}', which JAT does not use");
        }
    }

    private static string NormaliseDtype(string dtype) => dtype switch
    {
        "float" => "float32",
        "double" => "float64",
        _ => dtype,
    };
}
