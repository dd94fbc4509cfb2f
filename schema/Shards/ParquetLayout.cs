using Jat.Schema.Columns;
using Jat.Schema.Features;
using Jat.Schema.Tasks;
using Parquet.Schema;

namespace Jat.Schema.Shards;

/// <summary>
/// How a task's columns are laid out in Parquet: standard three-level lists and every field OPTIONAL,
/// as pyarrow writes them, so that <c>datasets</c> keeps the features stored in the file.
/// </summary>
internal static class ParquetLayout
{
    public static ParquetSchema SchemaOf(TaskSpec task) => new(task.Columns.Select(FieldOf).ToArray());

    public static Field FieldOf(ColumnSpec column) => column.Kind switch
    {
        ColumnKind.FloatSteps => new ListField(column.Name, new DataField<float>("element", true)),
        ColumnKind.LongSteps => new ListField(column.Name, new DataField<long>("element", true)),
        ColumnKind.StringSteps => new ListField(column.Name, new DataField<string>("element", true)),
        ColumnKind.ImageSteps => new ListField(column.Name, ImageStruct("element")),
        ColumnKind.FloatVectorSteps => new ListField(column.Name, new ListField("element", new DataField<float>("element", true))),
        ColumnKind.LongVectorSteps => new ListField(column.Name, new ListField("element", new DataField<long>("element", true))),
        ColumnKind.Text => new DataField<string>(column.Name, true),
        ColumnKind.Image => ImageStruct(column.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>Key/value metadata of every shard: the features, and the Arrow schema that restores fixed-size lists.</summary>
    public static Dictionary<string, string> MetadataOf(TaskSpec task) => new()
    {
        ["huggingface"] = task.FeaturesMetadata,
        [ArrowSchemaKey.Name] = ArrowSchemaKey.Encode(task.Columns.Select(c =>
            new KeyValuePair<string, ArrowShape>(c.Name, ArrowShape.FromFeature(c.Feature)))),
    };

    /// <summary>The leaf columns of a field, in file order.</summary>
    public static IReadOnlyList<DataField> Leaves(Field field) => field switch
    {
        DataField data => [data],
        ListField list => Leaves(list.Item),
        StructField st => st.Fields.SelectMany(Leaves).ToList(),
        _ => throw new NotSupportedException($"field '{field.Name}' is a {field.SchemaType}, which JAT does not use"),
    };

    private static StructField ImageStruct(string name) =>
        new(name, new DataField<byte[]>("bytes", true), new DataField<string>("path", true));
}
