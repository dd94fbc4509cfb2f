namespace Jat.Model.Configuration;

/// <summary>
/// Named configurations: <c>small</c> is jat-project/jat's (193 M parameters); the smaller ones keep its layout
/// (alternating global and local layers, 512 positions, JAT's encoders) at sizes a CPU trains.
/// </summary>
public static class ModelPresets
{
    public static IReadOnlyDictionary<string, JatConfig> All { get; } = new Dictionary<string, JatConfig>
    {
        ["small"] = new(),
        ["medium"] = new() { HiddenSize = 2048, NumLayers = 24, NumHeads = 16, AttentionTypes = [new(["global", "local"], 12)], MaxPositionEmbeddings = 1024 },
        ["large"] = new() { HiddenSize = 2560, NumLayers = 32, NumHeads = 20, AttentionTypes = [new(["global", "local"], 16)], MaxPositionEmbeddings = 2048 },
        ["mini"] = new() { HiddenSize = 256, NumLayers = 4, NumHeads = 4, AttentionTypes = [new(["global", "local"], 2)] },
        ["tiny"] = new() { HiddenSize = 128, NumLayers = 2, NumHeads = 2, AttentionTypes = [new(["global", "local"], 1)] },
    };

    public static JatConfig Get(string name) =>
        All.TryGetValue(name, out var config)
            ? config
            : throw new ArgumentException($"No model configuration named \"{name}\"; choose one of {string.Join(", ", All.Keys)}.");
}
