using static TorchSharp.torch;

namespace Jat.Torch;

/// <summary>
/// Where networks train: <c>cpu</c>, <c>cuda</c> (needs the cuda build of TorchSharp), or <c>auto</c>. One place reads
/// the name so that experts and the model agree on it, and so that asking for a GPU libtorch cannot see fails at once
/// instead of training on the CPU unnoticed.
/// </summary>
public static class TorchDevices
{
    /// <summary>The device <paramref name="name"/> means (case-insensitive; null is <c>auto</c>).</summary>
    public static Device Choose(string? name) => (name ?? "auto").ToUpperInvariant() switch
    {
        "AUTO" => cuda.is_available() ? CUDA : CPU,
        "CPU" => CPU,
        "CUDA" when cuda.is_available() => CUDA,
        "CUDA" => throw new InvalidOperationException(
            "CUDA was asked for but libtorch sees no GPU; build with -p:JatTorchBackend=cuda on a machine with one."),
        _ => throw new ArgumentException($"Unknown device '{name}' (cpu, cuda or auto).", nameof(name)),
    };
}
