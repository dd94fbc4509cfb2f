using Jat.Model.Configuration;
using Jat.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Model.Network.Transformer;

/// <summary>
/// GPT-Neo fed with embeddings (<c>transformer</c> in jat-project/jat): learned absolute positions added to the
/// inputs, the blocks (global and local as the config lists them), a final layer norm.
/// </summary>
internal sealed class GptNeo : ExplicitModule
{
    private readonly GptNeoBlock[] _blocks;
    private readonly LayerNorm _lnF;

    public GptNeo(JatConfig config) : base("transformer")
    {
        TokenEmbedding = nn.Embedding(config.VocabSize, config.HiddenSize);
        PositionEmbedding = nn.Embedding(config.MaxPositionEmbeddings, config.HiddenSize);
        register_module("wte", TokenEmbedding);
        register_module("wpe", PositionEmbedding);
        var local = config.LocalLayers;
        _blocks = new GptNeoBlock[config.NumLayers];
        var h = new NamedModules("h");
        for (var i = 0; i < _blocks.Length; i++)
        {
            _blocks[i] = new GptNeoBlock(i, config.HiddenSize, config.NumHeads, config.InnerSize,
                local[i] ? config.WindowSize : null, config.LayerNormEpsilon);
            h.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _blocks[i]);
        }
        register_module("h", h);
        _lnF = nn.LayerNorm(config.HiddenSize, config.LayerNormEpsilon);
        register_module("ln_f", _lnF);
        MaxPositions = config.MaxPositionEmbeddings;
        WindowSize = config.WindowSize;
    }

    public Embedding TokenEmbedding { get; }

    public Embedding PositionEmbedding { get; }

    public int Layers => _blocks.Length;

    private int MaxPositions { get; }

    private int WindowSize { get; }

    /// <param name="embeddings">(batch, positions, hidden)</param>
    /// <param name="attentionMask">(batch, positions) 1 for a real position, 0 for padding; or null</param>
    public Tensor Forward(Tensor embeddings, Tensor? attentionMask, KeyValueCache? cache)
    {
        var past = cache?.Length ?? 0;
        var positions = embeddings.shape[1];
        if (past + positions > MaxPositions)
            throw new ArgumentException($"The model sees at most {MaxPositions} positions; {past + positions} were given.");
        var ids = arange(past, past + positions, ScalarType.Int64, embeddings.device).unsqueeze(0);
        var x = embeddings.add(PositionEmbedding.forward(ids), HeldScalars.One);
        Tensor? padding = null;
        if (attentionMask is not null)
        {
            var keysMask = past == 0
                ? attentionMask
                : cat([ones(attentionMask.shape[0], past, attentionMask.dtype, attentionMask.device), attentionMask], 1);
            padding = AttentionMasks.Padding(keysMask, positions);
        }
        // Built once per pass: every layer of a kind sees the same keys.
        var keys = past + positions;
        var masks = new CausalMasks(AttentionMasks.Causal(positions, keys, null, x.device),
            AttentionMasks.Causal(positions, keys, WindowSize, x.device));
        foreach (var block in _blocks)
            x = block.Forward(x, masks, padding, cache);
        return _lnF.forward(x);
    }
}
