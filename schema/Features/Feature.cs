namespace Jat.Schema.Features;

/// <summary>
/// A Hugging Face <c>datasets</c> feature, limited to the kinds the JAT dataset uses.
/// </summary>
public abstract record Feature;

/// <summary><c>Value(dtype)</c>: a scalar such as <c>float32</c>, <c>int64</c> or <c>string</c>.</summary>
public sealed record ValueFeature(string Dtype) : Feature
{
    public static ValueFeature Float32 { get; } = new("float32");
    public static ValueFeature Int64 { get; } = new("int64");
    public static ValueFeature String { get; } = new("string");
}

/// <summary><c>Sequence(item, length)</c>; <see cref="Length"/> is -1 for variable-length lists.</summary>
public sealed record SequenceFeature(Feature Item, int Length = -1) : Feature;

/// <summary><c>Image()</c>: stored as <c>struct&lt;bytes: binary, path: string&gt;</c>.</summary>
public sealed record ImageFeature : Feature
{
    public static ImageFeature Instance { get; } = new();
}
