using System.Text;

namespace Jat.Schema.Card;

/// <summary>Block-style YAML written line by line; the card's values are all plain scalars chosen by us.</summary>
internal sealed class YamlText
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public void Line(string line) => _text.Append(' ', _depth * 2).Append(line).Append('\n');

    public IDisposable Indent()
    {
        _depth++;
        return new Outdent(this);
    }

    public override string ToString() => _text.ToString();

    private sealed class Outdent(YamlText yaml) : IDisposable
    {
        public void Dispose() => yaml._depth--;
    }
}
