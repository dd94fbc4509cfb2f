namespace Jat.Schema.Columns;

/// <summary>The storage shape of a JAT column; it decides how a value is shredded into Parquet levels.</summary>
public enum ColumnKind
{
    /// <summary><c>list&lt;float&gt;</c>, one value per step.</summary>
    FloatSteps,
    /// <summary><c>list&lt;int64&gt;</c>, one value per step.</summary>
    LongSteps,
    /// <summary><c>list&lt;string&gt;</c>, one value per step.</summary>
    StringSteps,
    /// <summary><c>list&lt;struct&lt;bytes, path&gt;&gt;</c>, one image per step.</summary>
    ImageSteps,
    /// <summary><c>list&lt;list&lt;float&gt;&gt;</c>, one vector per step.</summary>
    FloatVectorSteps,
    /// <summary><c>list&lt;list&lt;int64&gt;&gt;</c>, one vector per step.</summary>
    LongVectorSteps,
    /// <summary><c>string</c>.</summary>
    Text,
    /// <summary><c>struct&lt;bytes, path&gt;</c>.</summary>
    Image,
}
