using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Torch;

/// <summary>
/// Adam (Kingma and Ba, 2015) with PyTorch's update: <c>m ← β₁m + (1 − β₁)g</c>, <c>v ← β₂v + (1 − β₂)g²</c>,
/// <c>θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)</c>.
/// </summary>
/// <remarks>
/// Written here rather than taken from TorchSharp because TorchSharp 0.107's <c>optim.Adam</c> turns doubles into
/// <see cref="Scalar"/>s inline (<c>addcdiv_(…, value: -step_size)</c>): nothing holds such a temporary while libtorch
/// runs, so a garbage collection started by another thread can finalise it in the middle of the call and libtorch
/// reads freed memory ("Expected false to be true" from <c>Scalar::toFloat</c>). DQN, with a gradient step every few
/// environment steps, met it within minutes. Every Scalar here lives in a field or a <c>using</c> that outlasts its call,
/// and no overload that adds a hidden one (<c>add_(Scalar)</c> passes an inline alpha of 1) is used.
/// It lives in Jat.Torch so that the experts and the model train with the same optimiser and the same guard.
/// </remarks>
public sealed class AdamOptimizer : IDisposable
{
    // Written first in the saved state, so that another optimiser's file is refused rather than misread.
    private const string Format = "jat-adam-1";

    private readonly Parameter[] _parameters;
    private readonly Tensor[] _means;
    private readonly Tensor[] _squares;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _beta1Complement;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _beta2Complement;
    private readonly Scalar _epsilon;
    private long _steps;

    /// <summary>Adam over <paramref name="parameters"/>, with both moments at zero and no step taken.</summary>
    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double epsilon = 1e-8, double beta1 = 0.9, double beta2 = 0.999)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(epsilon);
        _parameters = [.. parameters];
        LearningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _beta1Scalar = beta1.ToScalar();
        _beta1Complement = (1 - beta1).ToScalar();
        _beta2Scalar = beta2.ToScalar();
        _beta2Complement = (1 - beta2).ToScalar();
        _epsilon = epsilon.ToScalar();
        _means = [.. _parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
        _squares = [.. _parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
    }

    /// <summary>The rate of the next <see cref="Step"/>; settable so that a schedule can change it between steps.</summary>
    public double LearningRate { get; set; }

    /// <summary>Zeroes every parameter's gradient in place, as <c>optimizer.zero_grad(set_to_none=False)</c>.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            using var gradient = parameter.grad;
            gradient?.zero_();
        }
    }

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void Step()
    {
        _steps++;
        var biasCorrection1 = 1 - Math.Pow(_beta1, _steps);
        var biasCorrection2 = 1 - Math.Pow(_beta2, _steps);
        using var stepSize = (-LearningRate / biasCorrection1).ToScalar();
        using var squareRootCorrection = Math.Sqrt(biasCorrection2).ToScalar();
        using var noGradient = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            using var gradient = _parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }
            _means[i].mul_(_beta1Scalar).add_(gradient, _beta1Complement);
            _squares[i].mul_(_beta2Scalar).addcmul_(gradient, gradient, _beta2Complement);
            using var denominator = _squares[i].sqrt();
            // add_(Scalar) alone would pass a hidden inline alpha of 1.
            denominator.div_(squareRootCorrection).add_(_epsilon, HeldScalars.One);
            _parameters[i].addcdiv_(_means[i], denominator, stepSize);
        }
    }

    /// <summary>The step count and both moments of every parameter, for resuming.</summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Format);
        writer.Write(_parameters.Length);
        writer.Write(_steps);
        for (var i = 0; i < _parameters.Length; i++)
        {
            _means[i].Save(writer);
            _squares[i].Save(writer);
        }
    }

    /// <summary>
    /// Restores what <see cref="Save"/> wrote, for the same parameters; refuses (rather than misreads) a state written
    /// by another optimiser or for another number of parameters.
    /// </summary>
    public void Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string format;
        try
        {
            format = reader.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            throw new InvalidDataException("The optimiser state is damaged or written by another optimiser.", e);
        }
        if (format != Format)
        {
            throw new InvalidDataException(
                "The optimiser state was written by another optimiser (TorchSharp's Adam, before Jat had its own); delete optimizer.bin " +
                "to resume with fresh Adam moments.");
        }
        var count = reader.ReadInt32();
        if (count != _parameters.Length)
        {
            throw new InvalidDataException($"The optimiser state holds {count} parameters; the network has {_parameters.Length}.");
        }
        _steps = reader.ReadInt64();
        for (var i = 0; i < count; i++)
        {
            _means[i].Load(reader);
            _squares[i].Load(reader);
        }
    }

    public void Dispose()
    {
        foreach (var tensor in _means.Concat(_squares))
        {
            tensor.Dispose();
        }
        foreach (var scalar in new[] { _beta1Scalar, _beta1Complement, _beta2Scalar, _beta2Complement, _epsilon })
        {
            scalar.Dispose();
        }
    }
}
