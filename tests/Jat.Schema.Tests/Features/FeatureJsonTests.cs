using Jat.Schema.Features;
using Jat.Schema.Tasks;

namespace Jat.Schema.Tests.Features;

public sealed class FeatureJsonTests
{
    private static readonly Feature Vectors39 = new SequenceFeature(new SequenceFeature(ValueFeature.Float32, 39));

    [Theory]
    // datasets 4.x writes List; 2.x wrote Sequence with id/length; older still, a bare JSON array.
    [InlineData("""{"feature":{"feature":{"dtype":"float32","_type":"Value"},"length":39,"_type":"List"},"_type":"List"}""")]
    [InlineData("""{"feature":{"feature":{"dtype":"float32","id":null,"_type":"Value"},"length":39,"id":null,"_type":"Sequence"},"length":-1,"id":null,"_type":"Sequence"}""")]
    [InlineData("""[{"feature":{"dtype":"float","_type":"Value"},"length":39,"_type":"Sequence"}]""")]
    public void Every_form_datasets_writes_reads_as_the_same_feature(string column)
    {
        var features = FeatureJson.FromMetadata("{\"info\":{\"features\":{\"continuous_observations\":" + column + "}}}");
        Assert.Equal(Vectors39, Assert.Single(features).Value);
    }

    [Fact]
    public void Written_metadata_reads_back_as_the_task_features()
    {
        foreach (var task in TaskRegistry.All)
            Assert.Equal(task.Features, FeatureJson.FromMetadata(task.FeaturesMetadata));
    }

    [Fact]
    public void Written_metadata_uses_no_List_type_so_datasets_2_reads_it()
    {
        foreach (var task in TaskRegistry.All)
        {
            Assert.DoesNotContain("\"List\"", task.FeaturesMetadata, StringComparison.Ordinal);
            Assert.StartsWith("{\"info\":{\"features\":{", task.FeaturesMetadata, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"info":{}}""", "no info.features")]
    [InlineData("""{"info":{"features":{"x":{"_type":"Audio"}}}}""", "type 'Audio'")]
    [InlineData("not json", "not JSON")]
    public void Unusable_metadata_is_a_FormatException_that_says_why(string metadata, string expected)
    {
        var error = Assert.Throws<FormatException>(() => FeatureJson.FromMetadata(metadata));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_arrow_schema_key_round_trips_fixed_size_lists_and_structs()
    {
        var shapes = new Dictionary<string, ArrowShape>
        {
            ["continuous_observations"] = ArrowShape.FromFeature(Vectors39),
            ["image_observations"] = ArrowShape.FromFeature(new SequenceFeature(ImageFeature.Instance)),
        };
        var decoded = ArrowSchemaKey.Decode(ArrowSchemaKey.Encode(shapes));
        Assert.Equal("list<item: fixed_size_list<item: float>[39]>", decoded["continuous_observations"].ToString());
        Assert.Equal("list<item: struct<bytes: binary, path: string>>", decoded["image_observations"].ToString());
        Assert.All(shapes, kv => Assert.True(kv.Value.SameAs(decoded[kv.Key])));
    }
}
