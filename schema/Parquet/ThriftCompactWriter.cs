using System.Text;

namespace Jat.Schema.ParquetFormat;

/// <summary>
/// Writes Thrift's compact protocol, the encoding of Parquet's page headers and footer: field headers carry the
/// difference from the previous field id, integers are zigzag varints, a struct ends with a zero byte.
/// </summary>
internal sealed class ThriftCompactWriter(ByteBuffer output)
{
    private const byte BooleanTrue = 1;
    private const byte BooleanFalse = 2;
    private const byte I16 = 4;
    private const byte I32 = 5;
    private const byte I64 = 6;
    private const byte Binary = 8;
    private const byte List = 9;
    private const byte Struct = 12;

    private readonly Stack<short> _outerFields = new();
    private short _lastField;

    public void BeginStruct()
    {
        _outerFields.Push(_lastField);
        _lastField = 0;
    }

    public void EndStruct()
    {
        output.Add(0);
        _lastField = _outerFields.Pop();
    }

    public void Bool(short field, bool value) => FieldHeader(field, value ? BooleanTrue : BooleanFalse);

    public void ByteField(short field, sbyte value)
    {
        FieldHeader(field, 3);
        output.Add((byte)value);
    }

    public void I16Field(short field, short value)
    {
        FieldHeader(field, I16);
        Varint(ZigZag(value));
    }

    public void I32Field(short field, int value)
    {
        FieldHeader(field, I32);
        Varint(ZigZag(value));
    }

    public void I64Field(short field, long value)
    {
        FieldHeader(field, I64);
        Varint(ZigZag(value));
    }

    public void StringField(short field, string value)
    {
        FieldHeader(field, Binary);
        var bytes = Encoding.UTF8.GetBytes(value);
        Varint((ulong)bytes.Length);
        output.AddRange(bytes);
    }

    /// <summary>Starts a struct-valued field; close it with <see cref="EndStruct"/>.</summary>
    public void StructField(short field)
    {
        FieldHeader(field, Struct);
        BeginStruct();
    }

    /// <summary>Starts a list of structs; write each with <see cref="BeginStruct"/> … <see cref="EndStruct"/>.</summary>
    public void StructListField(short field, int count)
    {
        FieldHeader(field, List);
        ListHeader(count, Struct);
    }

    public void I32ListField(short field, IReadOnlyList<int> values)
    {
        FieldHeader(field, List);
        ListHeader(values.Count, I32);
        foreach (var value in values)
            Varint(ZigZag(value));
    }

    public void StringListField(short field, IReadOnlyList<string> values)
    {
        FieldHeader(field, List);
        ListHeader(values.Count, Binary);
        foreach (var value in values)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Varint((ulong)bytes.Length);
            output.AddRange(bytes);
        }
    }

    /// <summary>
    /// A list of <paramref name="count"/> structs given as their encoded bytes: a struct in a list starts its field ids
    /// afresh, so structs encoded earlier (a file's row groups) copy verbatim.
    /// </summary>
    public void EncodedStructListField(short field, int count, ReadOnlySpan<byte> elements)
    {
        StructListField(field, count);
        output.AddRange(elements);
    }

    private void ListHeader(int count, byte elementType)
    {
        if (count < 15)
        {
            output.Add((byte)((count << 4) | elementType));
        }
        else
        {
            output.Add((byte)(0xF0 | elementType));
            Varint((ulong)count);
        }
    }

    private void FieldHeader(short field, byte type)
    {
        var delta = field - _lastField;
        if (delta is > 0 and <= 15)
        {
            output.Add((byte)((delta << 4) | type));
        }
        else
        {
            output.Add(type);
            Varint(ZigZag(field));
        }
        _lastField = field;
    }

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            output.Add((byte)(value | 0x80));
            value >>= 7;
        }
        output.Add((byte)value);
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
