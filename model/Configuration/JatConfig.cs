using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jat.Model.Configuration;

/// <summary>
/// The hyper-parameters of a JAT model, as the <c>config.json</c> of jat-project/jat holds them (a GPT-Neo config with
/// JAT's additions). The property names below are those of the file, so that a folder Jat writes loads with
/// <c>JatModel.from_pretrained</c> and the released one loads here.
/// </summary>
public sealed record JatConfig
{
    public int VocabSize { get; init; } = 50257;
    public int MaxPositionEmbeddings { get; init; } = 512;
    public int HiddenSize { get; init; } = 768;
    public int NumLayers { get; init; } = 12;
    public int NumHeads { get; init; } = 12;

    /// <summary>GPT-Neo's run-length form, e.g. <c>[[["global","local"],6]]</c>; expanded into <see cref="AttentionLayers"/>.</summary>
    public IReadOnlyList<AttentionRun> AttentionTypes { get; init; } = [new(["global", "local"], 6)];

    /// <summary>null means 4 × hidden, as GPT-Neo reads it.</summary>
    public int? IntermediateSize { get; init; }

    public int WindowSize { get; init; } = 256;
    public string ActivationFunction { get; init; } = "gelu_new";
    public double ResidDropout { get; init; }
    public double EmbedDropout { get; init; }
    public double AttentionDropout { get; init; }
    public double ClassifierDropout { get; init; } = 0.1;
    public double LayerNormEpsilon { get; init; } = 1e-5;
    public double InitializerRange { get; init; } = 0.02;
    public bool UseCache { get; init; } = true;
    public int BosTokenId { get; init; } = 50256;
    public int EosTokenId { get; init; } = 50256;
    public int MaxContinuousSize { get; init; } = 377;

    /// <summary>The width of a multi-discrete observation: BabyAI's 148 values and its mission's 64 tokens.</summary>
    public int MaxDiscreteValue { get; init; } = 212;

    public int ImageSize { get; init; } = 224;
    public int NumChannels { get; init; } = 3;
    public int PatchSize { get; init; } = 16;
    public double ObservationLossCoef { get; init; } = 0.005;
    public double ActionLossCoef { get; init; } = 0.995;

    public int InnerSize => IntermediateSize ?? 4 * HiddenSize;

    public int HeadSize => HiddenSize / NumHeads;

    /// <summary>The number of ViT patches of an image, which an image+text sample spends of the positions.</summary>
    public int ImagePatches => (ImageSize / PatchSize) * (ImageSize / PatchSize);

    /// <summary>Per layer, whether it attends locally (within <see cref="WindowSize"/>) rather than globally.</summary>
    public IReadOnlyList<bool> LocalLayers =>
        AttentionTypes.SelectMany(run => Enumerable.Repeat(run.Types, run.Repeats).SelectMany(t => t))
            .Select(type => type == "local").ToList();

    public IReadOnlyList<string> AttentionLayers =>
        AttentionTypes.SelectMany(run => Enumerable.Repeat(run.Types, run.Repeats).SelectMany(t => t)).ToList();

    /// <summary>Throws when the numbers cannot make a model (the error names the field).</summary>
    public void Validate()
    {
        Require(HiddenSize > 0 && NumHeads > 0 && HiddenSize % NumHeads == 0, "hidden_size must be a positive multiple of num_heads");
        Require(AttentionLayers.Count == NumLayers, $"attention_types describe {AttentionLayers.Count} layers but num_layers is {NumLayers}");
        Require(AttentionLayers.All(t => t is "global" or "local"), "attention_types may only name \"global\" and \"local\"");
        Require(MaxPositionEmbeddings >= 4 && MaxPositionEmbeddings % 2 == 0, "max_position_embeddings must be an even number of at least 4");
        Require(ActivationFunction == "gelu_new", $"activation_function \"{ActivationFunction}\" is not supported (JAT uses gelu_new)");
        Require(HiddenSize / 50 > 0, "hidden_size must be at least 50 (the multi-discrete encoder projects to hidden_size // 50)");
        Require(VocabSize > 0 && MaxContinuousSize > 0 && MaxDiscreteValue > 0 && WindowSize > 0, "vocab_size, max_continuous_size, max_discrete_value and window_size must be positive");
        Require(ImageSize % PatchSize == 0 && NumChannels == 3, "image_size must be a multiple of patch_size, with 3 channels");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new InvalidDataException($"Model configuration: {message}.");
    }

    public string ToJson()
    {
        var o = new JsonObject
        {
            ["_name_or_path"] = "jat",
            ["action_loss_coef"] = ActionLossCoef,
            ["activation_function"] = ActivationFunction,
            ["architectures"] = new JsonArray("JatModel"),
            ["attention_dropout"] = AttentionDropout,
            ["attention_layers"] = new JsonArray(AttentionLayers.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
            ["attention_types"] = new JsonArray(AttentionTypes.Select(run => (JsonNode)new JsonArray(
                new JsonArray(run.Types.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()), run.Repeats)).ToArray()),
            ["auto_map"] = new JsonObject
            {
                ["AutoConfig"] = "configuration_jat.JatConfig",
                ["AutoModelForCausalLM"] = "modeling_jat.JatModel",
            },
            ["bos_token_id"] = BosTokenId,
            ["classifier_dropout"] = ClassifierDropout,
            ["embed_dropout"] = EmbedDropout,
            ["eos_token_id"] = EosTokenId,
            ["hidden_size"] = HiddenSize,
            ["image_size"] = ImageSize,
            ["initializer_range"] = InitializerRange,
            ["intermediate_size"] = IntermediateSize,
            ["layer_norm_epsilon"] = LayerNormEpsilon,
            ["max_continuous_size"] = MaxContinuousSize,
            ["max_discrete_value"] = MaxDiscreteValue,
            ["max_position_embeddings"] = MaxPositionEmbeddings,
            ["model_type"] = "jat",
            ["num_channels"] = NumChannels,
            ["num_heads"] = NumHeads,
            ["num_layers"] = NumLayers,
            ["observation_loss_coef"] = ObservationLossCoef,
            ["patch_size"] = PatchSize,
            ["resid_dropout"] = ResidDropout,
            ["tokenizer_class"] = "GPT2TokenizerFast",
            ["torch_dtype"] = "float32",
            ["transformers_version"] = "4.36.1",
            ["use_cache"] = UseCache,
            ["vocab_size"] = VocabSize,
            ["window_size"] = WindowSize,
        };
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads a <c>config.json</c>; fields it does not hold keep GPT-Neo's and JAT's defaults.</summary>
    public static JatConfig FromJson(string json, string source = "config.json")
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({e.Message}).", e);
        }
        if (node is not JsonObject o)
            throw new InvalidDataException($"{source}: expected a JSON object.");
        try
        {
            var defaults = new JatConfig();
            var config = new JatConfig
            {
                VocabSize = Int(o, "vocab_size") ?? defaults.VocabSize,
                MaxPositionEmbeddings = Int(o, "max_position_embeddings") ?? defaults.MaxPositionEmbeddings,
                HiddenSize = Int(o, "hidden_size") ?? defaults.HiddenSize,
                NumLayers = Int(o, "num_layers") ?? defaults.NumLayers,
                NumHeads = Int(o, "num_heads") ?? defaults.NumHeads,
                AttentionTypes = o["attention_types"] is JsonArray runs ? ParseRuns(runs) : defaults.AttentionTypes,
                IntermediateSize = Int(o, "intermediate_size"),
                WindowSize = Int(o, "window_size") ?? defaults.WindowSize,
                ActivationFunction = o["activation_function"]?.GetValue<string>() ?? defaults.ActivationFunction,
                ResidDropout = Double(o, "resid_dropout") ?? 0,
                EmbedDropout = Double(o, "embed_dropout") ?? 0,
                AttentionDropout = Double(o, "attention_dropout") ?? 0,
                ClassifierDropout = Double(o, "classifier_dropout") ?? defaults.ClassifierDropout,
                LayerNormEpsilon = Double(o, "layer_norm_epsilon") ?? defaults.LayerNormEpsilon,
                InitializerRange = Double(o, "initializer_range") ?? defaults.InitializerRange,
                UseCache = o["use_cache"]?.GetValue<bool>() ?? true,
                BosTokenId = Int(o, "bos_token_id") ?? defaults.BosTokenId,
                EosTokenId = Int(o, "eos_token_id") ?? defaults.EosTokenId,
                // JatConfig's own defaults (377, 18) apply to a file without them; the released config sets 212.
                MaxContinuousSize = Int(o, "max_continuous_size") ?? 377,
                MaxDiscreteValue = Int(o, "max_discrete_value") ?? 18,
                ImageSize = Int(o, "image_size") ?? defaults.ImageSize,
                NumChannels = Int(o, "num_channels") ?? defaults.NumChannels,
                PatchSize = Int(o, "patch_size") ?? defaults.PatchSize,
                ObservationLossCoef = Double(o, "observation_loss_coef") ?? defaults.ObservationLossCoef,
                ActionLossCoef = Double(o, "action_loss_coef") ?? defaults.ActionLossCoef,
            };
            config.Validate();
            return config;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{source}: a field has the wrong type ({e.Message}).", e);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(source, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    public static JatConfig Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file (a model folder holds config.json and model.safetensors).", path);
        return FromJson(File.ReadAllText(path), path);
    }

    private static int? Int(JsonObject o, string name) => o[name] is JsonValue v ? v.GetValue<int>() : null;

    private static double? Double(JsonObject o, string name) => o[name] is JsonValue v ? v.GetValue<double>() : null;

    private static List<AttentionRun> ParseRuns(JsonArray runs) =>
        runs.Select(run => run is JsonArray { Count: 2 } pair && pair[0] is JsonArray types
                ? new AttentionRun(types.Select(t => t!.GetValue<string>()).ToList(), pair[1]!.GetValue<int>())
                : throw new InvalidDataException("attention_types must be a list of [[types...], repeats] pairs"))
            .ToList();
}

/// <summary>One entry of GPT-Neo's <c>attention_types</c>: a pattern of layer types repeated <see cref="Repeats"/> times.</summary>
public sealed record AttentionRun(IReadOnlyList<string> Types, int Repeats);
