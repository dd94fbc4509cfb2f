using Parquet.Schema;

namespace Jat.Schema.Features;

/// <summary>
/// The Arrow type a Parquet→Arrow reader (pyarrow, arrow-rs) derives from a Parquet column, refined by the
/// file's <c>ARROW:schema</c> key where it names a fixed-size list.
/// </summary>
internal static class ParquetArrowShape
{
    public static ArrowShape Of(Field field, ArrowShape? stored)
    {
        var nullable = field.IsNullable;
        switch (field)
        {
            case ListField list:
                var item = Of(list.Item, stored?.Children.Count > 0 ? stored.Children[0].Shape : null);
                return stored is { Kind: "fixed_size_list" }
                    ? ArrowShape.FixedSizeList(item, stored.ListSize, nullable)
                    : ArrowShape.List(item, nullable);
            case StructField st:
                return ArrowShape.Struct(st.Fields.Select(f => new ArrowShape.Child(f.Name,
                    Of(f, stored?.Children.FirstOrDefault(c => c.Name == f.Name)?.Shape))).ToList(), nullable);
            case DataField data:
                return ArrowShape.Leaf(KindOf(data), nullable);
            default:
                return ArrowShape.Leaf(field.SchemaType.ToString(), nullable);
        }
    }

    private static string KindOf(DataField data)
    {
        var clr = data.ClrType;
        if (clr == typeof(float)) return "float";
        if (clr == typeof(double)) return "double";
        if (clr == typeof(long)) return "int64";
        if (clr == typeof(int)) return "int32";
        if (clr == typeof(string) || clr == typeof(ReadOnlyMemory<char>)) return "string";
        if (clr == typeof(byte[]) || clr == typeof(ReadOnlyMemory<byte>)) return "binary";
        return clr.Name;
    }
}
