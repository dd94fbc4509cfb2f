namespace Jat.Schema.ParquetFormat;

/// <summary>A leaf that takes its values as spans of one fixed-width type (int64 or float).</summary>
internal interface IValueLeaf<T>
{
    void Add(ReadOnlySpan<T> values);
}
