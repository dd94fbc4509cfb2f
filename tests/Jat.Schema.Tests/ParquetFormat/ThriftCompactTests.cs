using Jat.Schema.ParquetFormat;

namespace Jat.Schema.Tests.ParquetFormat;

public sealed class ThriftCompactTests
{
    [Fact]
    public void A_footer_written_by_the_writer_parses_back_to_its_rows_and_row_groups()
    {
        var groups = new ByteBuffer();
        var thrift = new ThriftCompactWriter(groups);
        for (var g = 0; g < 2; g++)
        {
            thrift.BeginStruct();
            thrift.StructListField(1, 1);
            thrift.BeginStruct();
            thrift.I64Field(2, 4 + g);
            thrift.StructField(3);
            thrift.I32Field(1, 4);
            thrift.I32ListField(2, [0, 3]);
            thrift.StringListField(3, ["rewards", "list", "element"]);
            thrift.I64Field(9, 1_000_000_000_000L * (g + 1));
            thrift.EndStruct();
            thrift.EndStruct();
            thrift.I64Field(3, 7);
            thrift.I16Field(7, (short)g);
            thrift.EndStruct();
        }

        var footer = new ByteBuffer();
        var file = new ThriftCompactWriter(footer);
        file.BeginStruct();
        file.I32Field(1, 1);
        file.StructListField(2, 20);
        for (var e = 0; e < 20; e++)
        {
            file.BeginStruct();
            file.StringField(4, $"field{e}");
            file.StructField(10);
            file.StructField(1);
            file.EndStruct();
            file.EndStruct();
            file.EndStruct();
        }
        file.I64Field(3, 14);
        file.EncodedStructListField(4, 2, groups.Written);
        file.StringField(6, "test");
        file.EndStruct();

        var parsed = ParquetFooter.Parse(footer.Written);

        Assert.Equal(14, parsed.Rows);
        Assert.Equal(2, parsed.RowGroupCount);
        Assert.Equal(groups.Written.ToArray(), parsed.RowGroupBytes);
    }

    [Fact]
    public void A_truncated_footer_is_refused_with_a_clear_error()
    {
        var footer = new ByteBuffer();
        var file = new ThriftCompactWriter(footer);
        file.BeginStruct();
        file.StringField(6, "a string that the cut ends in the middle of");
        file.EndStruct();

        var error = Assert.Throws<InvalidDataException>(() => ParquetFooter.Parse(footer.Written[..10]));
        Assert.Contains("runs past its end", error.Message);
    }
}
