using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using ArrowSchema = Apache.Arrow.Schema;

namespace Jat.Schema.Features;

/// <summary>
/// The <c>ARROW:schema</c> key that pyarrow writes into every Parquet file: a base64 Arrow IPC schema message.
/// </summary>
/// <remarks>
/// Parquet has no fixed-size list, so a column that <c>datasets</c> types as <c>Sequence(..., length=n)</c>
/// reads back as a plain list unless this key tells the reader the original Arrow type. Without it,
/// <c>datasets</c> would drop the feature of such a column and fall back to a type of its own.
/// </remarks>
public static class ArrowSchemaKey
{
    public const string Name = "ARROW:schema";

    public static string Encode(IEnumerable<KeyValuePair<string, ArrowShape>> columns)
    {
        var builder = new ArrowSchema.Builder();
        foreach (var (name, shape) in columns)
            builder.Field(ToField(name, shape));
        using var buffer = new MemoryStream();
        using (var writer = new ArrowStreamWriter(buffer, builder.Build(), leaveOpen: true))
            writer.WriteStart();
        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <exception cref="FormatException">the value is not a base64 Arrow schema message.</exception>
    public static IReadOnlyDictionary<string, ArrowShape> Decode(string value)
    {
        try
        {
            using var reader = new ArrowStreamReader(new MemoryStream(Convert.FromBase64String(value)));
            var schema = reader.Schema;
            return schema.FieldsList.ToDictionary(f => f.Name, FromField);
        }
        catch (Exception e) when (e is not FormatException)
        {
            throw new FormatException($"the {Name} key is not a readable Arrow schema: {e.Message}", e);
        }
    }

    private static Field ToField(string name, ArrowShape shape) => new(name, ToType(shape), shape.Nullable);

    private static IArrowType ToType(ArrowShape shape) => shape.Kind switch
    {
        "float" => FloatType.Default,
        "double" => DoubleType.Default,
        "int64" => Int64Type.Default,
        "int32" => Int32Type.Default,
        "string" => StringType.Default,
        "binary" => BinaryType.Default,
        "list" => new ListType(ToField("item", shape.Children[0].Shape)),
        "fixed_size_list" => new FixedSizeListType(ToField("item", shape.Children[0].Shape), shape.ListSize),
        "struct" => new StructType(shape.Children.Select(c => ToField(c.Name, c.Shape)).ToList()),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape.Kind, "no Arrow type for this kind"),
    };

    private static ArrowShape FromField(Field field) => field.DataType switch
    {
        FloatType => ArrowShape.Leaf("float", field.IsNullable),
        DoubleType => ArrowShape.Leaf("double", field.IsNullable),
        Int64Type => ArrowShape.Leaf("int64", field.IsNullable),
        Int32Type => ArrowShape.Leaf("int32", field.IsNullable),
        StringType => ArrowShape.Leaf("string", field.IsNullable),
        BinaryType => ArrowShape.Leaf("binary", field.IsNullable),
        ListType l => ArrowShape.List(FromField(l.ValueField), field.IsNullable),
        FixedSizeListType f => ArrowShape.FixedSizeList(FromField(f.ValueField), f.ListSize, field.IsNullable),
        StructType s => ArrowShape.Struct(s.Fields.Select(c => new ArrowShape.Child(c.Name, FromField(c))).ToList(), field.IsNullable),
        var other => ArrowShape.Leaf(other.Name, field.IsNullable),
    };
}
