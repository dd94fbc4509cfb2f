using System.Text;

namespace Jat.Schema.Features;

/// <summary>
/// An Arrow type with its nullability, small enough to compare: what <c>datasets</c> derives from a feature,
/// and what pyarrow derives from a Parquet column. <c>datasets</c> keeps a column's feature only when the two
/// are equal (names of list items aside), so the validator compares them.
/// </summary>
public sealed record ArrowShape(string Kind, bool Nullable, IReadOnlyList<ArrowShape.Child> Children, int ListSize = 0)
{
    public sealed record Child(string Name, ArrowShape Shape);

    public static ArrowShape Leaf(string kind, bool nullable = true) => new(kind, nullable, []);
    public static ArrowShape List(ArrowShape item, bool nullable = true) => new("list", nullable, [new Child("item", item)]);
    public static ArrowShape FixedSizeList(ArrowShape item, int size, bool nullable = true) => new("fixed_size_list", nullable, [new Child("item", item)], size);
    public static ArrowShape Struct(IReadOnlyList<Child> fields, bool nullable = true) => new("struct", nullable, fields);

    /// <summary>The Arrow type <c>datasets</c> gives a feature (its <c>get_nested_type</c>); every field nullable.</summary>
    public static ArrowShape FromFeature(Feature feature) => feature switch
    {
        ValueFeature v => Leaf(ArrowKindOf(v.Dtype)),
        SequenceFeature { Length: > 0 } s => FixedSizeList(FromFeature(s.Item), s.Length),
        SequenceFeature s => List(FromFeature(s.Item)),
        ImageFeature => Struct([new Child("bytes", Leaf("binary")), new Child("path", Leaf("string"))]),
        _ => throw new ArgumentOutOfRangeException(nameof(feature)),
    };

    private static string ArrowKindOf(string dtype) => dtype switch
    {
        "float32" => "float",
        "float64" => "double",
        _ => dtype,
    };

    /// <summary>Equality as pyarrow's <c>Field.__eq__</c> sees it since Arrow 11: list item names do not count.</summary>
    public bool SameAs(ArrowShape other)
    {
        if (Kind != other.Kind || Nullable != other.Nullable || ListSize != other.ListSize || Children.Count != other.Children.Count)
            return false;
        var isList = Kind is "list" or "fixed_size_list";
        for (var i = 0; i < Children.Count; i++)
        {
            if (!isList && Children[i].Name != other.Children[i].Name)
                return false;
            if (!Children[i].Shape.SameAs(other.Children[i].Shape))
                return false;
        }
        return true;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text);
        return text.ToString();
    }

    private void Append(StringBuilder text)
    {
        switch (Kind)
        {
            case "list" or "fixed_size_list":
                text.Append(Kind).Append("<item: ");
                Children[0].Shape.Append(text);
                text.Append('>');
                if (Kind == "fixed_size_list")
                    text.Append('[').Append(ListSize).Append(']');
                break;
            case "struct":
                text.Append("struct<");
                for (var i = 0; i < Children.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    text.Append(Children[i].Name).Append(": ");
                    Children[i].Shape.Append(text);
                }
                text.Append('>');
                break;
            default:
                text.Append(Kind);
                break;
        }
        if (!Nullable)
            text.Append(" not null");
    }
}
