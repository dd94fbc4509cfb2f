using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jat.Experts.Checkpoints;

/// <summary>The JSON conventions of checkpoint headers: camelCase names, enums as words, indented for reading.</summary>
internal static class CheckpointJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
