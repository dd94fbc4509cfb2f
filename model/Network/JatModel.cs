using Jat.Model.Configuration;
using Jat.Model.Network.Modalities;
using Jat.Model.Network.Transformer;
using Jat.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Model.Network;

/// <summary>
/// JAT (jat-project/jat's <c>JatModel</c>): GPT-Neo over interleaved observation and action embeddings
/// <c>[o0, a0, o1, a1, …]</c> for RL, or over a picture's patches and text tokens. The action a_t is predicted from the
/// output at o_t, the observation o_{t+1} from the output at a_t. Parameter names are jat-project/jat's state dict's,
/// minus the token embedding's aliases (<c>single_discrete_encoder</c>, <c>multi_discrete_encoder.0</c>), which
/// transformers does not save either.
/// </summary>
public sealed class JatModel : ExplicitModule
{
    private readonly GptNeo _transformer;
    private readonly PatchEmbedding _vit;
    private readonly Linear _continuousEncoder;
    private readonly MultiDiscreteEncoder _multiDiscreteEncoder;
    private readonly ImageEncoder _imageEncoder;
    private readonly Linear _discreteDecoder;
    private readonly Linear _continuousDecoder;
    private readonly ImageDecoder _imageDecoder;

    public JatModel(JatConfig config) : base("JatModel")
    {
        config.Validate();
        Config = config;
        var h = config.HiddenSize;
        _transformer = new GptNeo(config);
        _vit = new PatchEmbedding(config.NumChannels, h, config.PatchSize, config.ImageSize);
        _continuousEncoder = nn.Linear(config.MaxContinuousSize, h);
        _multiDiscreteEncoder = new MultiDiscreteEncoder(_transformer.TokenEmbedding, h, config.MaxDiscreteValue);
        _imageEncoder = new ImageEncoder(h);
        _discreteDecoder = nn.Linear(h, config.VocabSize, hasBias: false);
        _continuousDecoder = nn.Linear(h, config.MaxContinuousSize);
        _imageDecoder = new ImageDecoder(h);

        register_module("transformer", _transformer);
        register_module("vit_encoder", _vit);
        register_module("continuous_encoder", _continuousEncoder);
        register_module("multi_discrete_encoder", _multiDiscreteEncoder);
        register_module("image_encoder", Wrap("image_encoder", _imageEncoder));
        register_module("single_discrete_decoder", _discreteDecoder);
        register_module("continuous_decoder", _continuousDecoder);
        register_module("multi_discrete_decoder", new MultiDiscreteDecoder(h, config.MaxDiscreteValue));
        register_module("image_decoder", Wrap("image_decoder", _imageDecoder));
        InitializeWeights();
    }

    public JatConfig Config { get; }

    public int Layers => _transformer.Layers;

    public JatOutput Forward(ModelInputs inputs, bool computeLoss = true, KeyValueCache? cache = null) => inputs switch
    {
        RlInputs rl => ForwardRl(rl, computeLoss, cache),
        TextInputs text => ForwardText(text, computeLoss, cache),
        _ => throw new ArgumentException($"Unknown inputs {inputs.GetType().Name}."),
    };

    private JatOutput ForwardRl(RlInputs inputs, bool computeLoss, KeyValueCache? cache)
    {
        var size = Config.MaxContinuousSize;
        var (batch, steps) = (inputs.Batch, inputs.Steps);
        var rewards = inputs.Rewards.to(ScalarType.Float32).unsqueeze(-1);
        Tensor? expandedObservations = null;
        var observationEmbeddings = inputs.Observations switch
        {
            ContinuousObservations c => _continuousEncoder.forward(
                expandedObservations = JatLosses.CyclicExpand(cat([c.Values, rewards], -1), size)),
            DiscreteObservations d => cat([_multiDiscreteEncoder.Forward(d.Values), rewards], -1),
            ImageObservations i => Batched(i.Values, _imageEncoder.Forward),
            _ => throw new ArgumentException("Unknown observations."),
        };
        Tensor? expandedActions = null;
        var actionEmbeddings = inputs.Actions switch
        {
            ContinuousActions c => _continuousEncoder.forward(expandedActions = JatLosses.CyclicExpand(c.Values, size)),
            DiscreteActions d => _transformer.TokenEmbedding.forward(d.Values),
            _ => throw new ArgumentException("Unknown actions."),
        };
        var embeddings = stack([observationEmbeddings, actionEmbeddings], 2).view(batch, 2 * steps, Config.HiddenSize);
        var mask = inputs.AttentionMask?.repeat_interleave(2L, 1);
        var hidden = _transformer.Forward(embeddings, mask, cache);
        var atObservations = hidden[.., TensorIndex.Slice(0, null, 2)];
        var atActions = hidden[.., TensorIndex.Slice(1, null, 2)];

        var stepMask = inputs.AttentionMask;
        var nextMask = stepMask?[.., TensorIndex.Slice(1)];
        var nextWeight = inputs.LossWeight?[.., TensorIndex.Slice(1)];
        Tensor? predictedObservations = null;
        Tensor? observationLoss = null;
        var observationsSkipped = Config.ObservationLossCoef == 0.0;
        switch (inputs.Observations)
        {
            case ContinuousObservations c when !observationsSkipped:
                var full = _continuousDecoder.forward(atActions);
                if (computeLoss)
                    observationLoss = JatLosses.Mse(full[.., TensorIndex.Slice(null, -1)], expandedObservations![.., TensorIndex.Slice(1)], nextMask, nextWeight);
                predictedObservations = full[TensorIndex.Ellipsis, TensorIndex.Slice(null, c.Values.shape[^1])];
                break;
            case ImageObservations i when !observationsSkipped:
                predictedObservations = Batched(atActions, _imageDecoder.Forward);
                if (computeLoss)
                    observationLoss = JatLosses.Mse(predictedObservations[.., TensorIndex.Slice(null, -1)], i.Values[.., TensorIndex.Slice(1)], nextMask, nextWeight);
                break;
        }
        // JAT does not predict BabyAI's observations (nor any when their coefficient is 0): their loss is 0.
        if (computeLoss)
            observationLoss ??= zeros(1, device: hidden.device).squeeze();

        Tensor predictedActions;
        Tensor? actionLoss = null;
        switch (inputs.Actions)
        {
            case ContinuousActions c:
                var full = _continuousDecoder.forward(atObservations);
                if (computeLoss)
                    actionLoss = JatLosses.Mse(full, expandedActions!, stepMask, inputs.LossWeight);
                predictedActions = full[TensorIndex.Ellipsis, TensorIndex.Slice(null, c.Values.shape[^1])];
                break;
            case DiscreteActions d:
                predictedActions = _discreteDecoder.forward(atObservations);
                if (computeLoss)
                    actionLoss = JatLosses.CrossEntropy(predictedActions, d.Values, stepMask, inputs.LossWeight);
                break;
            default:
                throw new ArgumentException("Unknown actions.");
        }
        return new JatOutput
        {
            Loss = computeLoss ? JatLosses.Combine(observationLoss!, actionLoss!, Config.ObservationLossCoef, Config.ActionLossCoef) : null,
            ObservationLoss = observationLoss,
            ActionLoss = actionLoss,
            PredictedObservations = predictedObservations,
            PredictedActions = predictedActions,
        };
    }

    private JatOutput ForwardText(TextInputs inputs, bool computeLoss, KeyValueCache? cache)
    {
        var tokens = _transformer.TokenEmbedding.forward(inputs.InputIds);
        var embeddings = tokens;
        var mask = inputs.AttentionMask;
        if (inputs.PixelValues is not null)
        {
            var patches = _vit.Forward(inputs.PixelValues);
            embeddings = cat([patches, tokens], 1);
            var textMask = mask ?? ones(inputs.InputIds.shape, ScalarType.Int64, tokens.device);
            mask = cat([ones(patches.shape[0], patches.shape[1], textMask.dtype, tokens.device), textMask], 1);
        }
        var hidden = _transformer.Forward(embeddings, mask, cache);
        if (!computeLoss)
            return new JatOutput { Logits = _discreteDecoder.forward(hidden) };
        // Only the text's positions but the last predict a token; the head runs on those alone (the same values as
        // slicing the whole sequence's logits, without the (batch, 512, 50257) tensor).
        var n = inputs.InputIds.shape[1];
        var predicting = hidden[.., TensorIndex.Slice(-n, -1)];
        var logits = _discreteDecoder.forward(predicting);
        var labels = inputs.InputIds[.., TensorIndex.Slice(1)];
        var labelMask = mask?[.., TensorIndex.Slice(-n)][.., TensorIndex.Slice(1)];
        var loss = JatLosses.NextToken(logits, labels, labelMask);
        return new JatOutput { Loss = loss, Logits = logits };
    }

    /// <summary>Runs a per-picture module over (batch, steps, …) by folding steps into the batch.</summary>
    private static Tensor Batched(Tensor x, Func<Tensor, Tensor> module)
    {
        var (n1, n2) = (x.shape[0], x.shape[1]);
        var y = module(x.reshape([n1 * n2, .. x.shape[2..]]));
        return y.view([n1, n2, .. y.shape[1..]]);
    }

    private static NamedModules Wrap(string name, nn.Module module)
    {
        var holder = new NamedModules(name);
        holder.Add("module", module);
        return holder;
    }

    /// <summary>
    /// GPT-Neo's <c>_init_weights</c> over every module: Linear and Embedding weights N(0, initializer_range), biases 0,
    /// layer norms (1, 0); convolutions keep PyTorch's defaults.
    /// </summary>
    private void InitializeWeights()
    {
        using var noGrad = no_grad();
        var std = Config.InitializerRange;
        foreach (var (_, module) in named_modules())
        {
            switch (module)
            {
                case Linear linear:
                    nn.init.normal_(linear.weight, 0, std);
                    if (linear.bias is not null)
                        nn.init.zeros_(linear.bias);
                    break;
                case Embedding embedding:
                    nn.init.normal_(embedding.weight, 0, std);
                    break;
                case LayerNorm norm:
                    nn.init.ones_(norm.weight);
                    nn.init.zeros_(norm.bias);
                    break;
            }
        }
    }
}
