using System.Collections;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Jat.Torch;

/// <summary>
/// Named tensors in the two files the PyTorch world exchanges them in: <c>.pt</c> state dicts (what
/// <c>torch.save(model.state_dict(), path)</c> writes and <c>torch.load</c> reads) and safetensors (the Hub's
/// checkpoints), through TorchSharp.PyBridge. One place for both, so that the experts' exports and the model's
/// checkpoints are written and read alike, and the caveats below are dealt with once.
/// </summary>
/// <remarks>
/// PyBridge refuses a tensor that is not contiguous (a transposed view), and in a <c>.pt</c> it writes a sliced view's
/// elements alone but describes them at the view's offset into its storage, which the reader then finds out of bounds.
/// A tensor that is not on the CPU, not contiguous or not at the start of its storage is therefore written as a
/// contiguous CPU copy, and every other one as it is.
/// Files are opened with <see cref="File.Create(string)"/>, which truncates: PyBridge's path overloads open with
/// <see cref="File.OpenWrite"/>, which leaves the tail of a longer old file behind.
/// </remarks>
public static class TensorFile
{
    /// <summary>Writes <paramref name="tensors"/> as a PyTorch <c>.pt</c> state dict, in their order.</summary>
    public static void SavePyTorch(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        using var scope = NewDisposeScope();
        var storable = Storable(tensors);
        using var file = File.Create(path);
        PyTorchPickler.PickleStateDict(file, storable);
    }

    /// <summary>
    /// Reads a PyTorch <c>.pt</c> state dict of tensors (its order is not kept); the caller owns the tensors. A file that
    /// holds anything but tensors under string names (a whole pickled model, an optimiser's state) is refused.
    /// </summary>
    public static Dictionary<string, Tensor> LoadPyTorch(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Hashtable loaded;
        using (var file = File.OpenRead(path))
        {
            loaded = PyTorchUnpickler.UnpickleStateDict(file);
        }
        var tensors = new Dictionary<string, Tensor>();
        foreach (DictionaryEntry entry in loaded)
        {
            if (entry.Key is string name && entry.Value is Tensor value)
            {
                tensors[name] = value;
            }
        }
        if (tensors.Count != loaded.Count)
        {
            var other = loaded.Keys.Cast<object>().First(key => key is not string name || !tensors.ContainsKey(name));
            foreach (var value in loaded.Values.OfType<Tensor>())
            {
                value.Dispose();
            }
            throw new InvalidDataException(
                $"{path} is not a state dict of tensors: '{other}' holds {loaded[other]?.GetType().Name ?? "null"}.");
        }
        return tensors;
    }

    /// <summary>Writes <paramref name="tensors"/> as a safetensors file, in their order.</summary>
    public static void SaveSafetensors(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        using var scope = NewDisposeScope();
        var storable = Storable(tensors);
        using var file = File.Create(path);
        Safetensors.SaveStateDict(file, storable);
    }

    /// <summary>Reads a safetensors file (its <c>__metadata__</c> is passed over); the caller owns the tensors.</summary>
    public static Dictionary<string, Tensor> LoadSafetensors(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.OpenRead(path);
        return Safetensors.LoadStateDict(file);
    }

    // The copies join the dispose scope of the Save method that asks, so they go once the file is written.
    private static Dictionary<string, Tensor> Storable(IReadOnlyDictionary<string, Tensor> tensors)
    {
        var storable = new Dictionary<string, Tensor>(tensors.Count);
        foreach (var (name, value) in tensors)
        {
            if (value is null)
            {
                throw new ArgumentException($"The tensor named '{name}' is null.", nameof(tensors));
            }
            storable[name] = value.device_type == DeviceType.CPU && value.is_contiguous() && value.storage_offset() == 0
                ? value
                : value.detach().cpu().contiguous().clone();
        }
        return storable;
    }
}
