namespace Jat.Schema.ParquetFormat;

/// <summary>The numbers Parquet's Thrift definitions give the enums Jat writes (parquet-format, <c>parquet.thrift</c>).</summary>
internal static class ParquetCodes
{
    public const int Int64 = 2;
    public const int Float = 4;
    public const int ByteArray = 6;

    public const int Plain = 0;
    public const int Rle = 3;
    public const int RleDictionary = 8;

    public const int Uncompressed = 0;
    public const int Snappy = 1;

    public const int DataPage = 0;
    public const int DictionaryPage = 2;

    public const int Required = 0;
    public const int Optional = 1;
    public const int Repeated = 2;

    public const int ConvertedUtf8 = 0;
    public const int ConvertedList = 3;
    public const int ConvertedInt64 = 18;
}
