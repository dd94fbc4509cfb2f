namespace Jat.Schema.ParquetFormat;

/// <summary>
/// Reads just enough of Thrift's compact protocol to take a Parquet footer apart: each top-level field of the file
/// metadata with the span of its value, and the elements of a list of structs. Anything else is skipped by type.
/// </summary>
internal ref struct ThriftCompactReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    public int Position => _at;

    /// <summary>The next field of the current struct: its id and type, or false at the struct's end.</summary>
    public bool NextField(ref short lastField, out short field, out byte type)
    {
        var header = ReadByte();
        type = (byte)(header & 0x0F);
        if (type == 0)
        {
            field = 0;
            return false;
        }
        var delta = header >> 4;
        field = delta != 0 ? (short)(lastField + delta) : (short)ZigZag(ReadVarint());
        lastField = field;
        return true;
    }

    public long ReadInteger() => ZigZag(ReadVarint());

    /// <summary>A list header: element count and type.</summary>
    public (int Count, byte Type) ReadListHeader()
    {
        var header = ReadByte();
        var count = header >> 4;
        return (count == 15 ? checked((int)ReadVarint()) : count, (byte)(header & 0x0F));
    }

    /// <summary>Skips one value of a type; a boolean field carries its value in its header, so has nothing to skip.</summary>
    public void Skip(byte type, bool inList = false)
    {
        switch (type)
        {
            case 1 or 2:
                if (inList)
                    _at++;
                break;
            case 3:
                _at++;
                break;
            case 4 or 5 or 6:
                ReadVarint();
                break;
            case 7:
                _at += 8;
                break;
            case 8:
                // Not "_at += ReadVarint()": that would add to the position from before the length was read.
                var length = checked((int)ReadVarint());
                _at += length;
                break;
            case 9 or 10:
                var (count, element) = ReadListHeader();
                for (var i = 0; i < count; i++)
                    Skip(element, inList: true);
                break;
            case 11:
                var size = checked((int)ReadVarint());
                if (size > 0)
                {
                    var types = ReadByte();
                    for (var i = 0; i < size; i++)
                    {
                        Skip((byte)(types >> 4), inList: true);
                        Skip((byte)(types & 0x0F), inList: true);
                    }
                }
                break;
            case 12:
                short last = 0;
                while (NextField(ref last, out _, out var fieldType))
                    Skip(fieldType);
                break;
            default:
                throw new InvalidDataException($"unknown Thrift compact type {type} at byte {_at}");
        }
        if (_at > _bytes.Length)
            throw new InvalidDataException("the Thrift structure runs past its end");
    }

    private byte ReadByte()
    {
        if (_at >= _bytes.Length)
            throw new InvalidDataException("the Thrift structure runs past its end");
        return _bytes[_at++];
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
        throw new InvalidDataException("a Thrift varint is longer than 64 bits");
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
