using static TorchSharp.torch;

namespace Jat.Experts.Torch;

/// <summary>Where networks train: <c>cpu</c>, <c>cuda</c> (needs the cuda build of TorchSharp), or <c>auto</c>.</summary>
internal static class TorchDevices
{
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
