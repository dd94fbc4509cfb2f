namespace Jat.Schema.ParquetFormat;

/// <summary>Where one leaf's column chunk of a row group sits in the file, and what it holds.</summary>
internal sealed record ColumnChunkMetadata(
    IReadOnlyList<string> Path, int PhysicalType, IReadOnlyList<int> Encodings, int Codec, long Values,
    long UncompressedBytes, long CompressedBytes, long DataPageOffset, long? DictionaryPageOffset)
{
    public long StartOffset => DictionaryPageOffset ?? DataPageOffset;
}
