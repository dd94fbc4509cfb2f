using TorchSharp;

namespace Jat.Torch;

/// <summary>
/// Scalars that live as long as the process. TorchSharp turns numbers into temporary Scalars (the alpha of 1 that
/// <c>a + b</c> passes, the exponent of <c>square()</c>) that nothing keeps alive during the native call, so a garbage
/// collection on another thread can free one while libtorch reads it (see <see cref="AdamOptimizer"/>); the one every
/// addition needs is held here once.
/// </summary>
public static class HeldScalars
{
    /// <summary>1, the alpha of a plain addition (<c>x.add(y, One)</c>) or a plain <c>addcmul</c>.</summary>
    public static Scalar One { get; } = 1.0.ToScalar();
}
