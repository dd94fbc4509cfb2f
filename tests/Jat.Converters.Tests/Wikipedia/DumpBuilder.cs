using System.Security;
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;

namespace Jat.Converters.Tests.Wikipedia;

/// <summary>A MediaWiki XML dump made by the test: multistream bzip2 (header, pages two by two, footer) as Wikipedia publishes it.</summary>
public sealed class DumpBuilder
{
    private readonly List<string> _pages = [];

    public DumpBuilder Page(long id, string title, string wikitext, int ns = 0, string? redirectTo = null)
    {
        var redirect = redirectTo is null ? "" : $"\n    <redirect title=\"{SecurityElement.Escape(redirectTo)}\" />";
        _pages.Add($"""
          <page>
            <title>{SecurityElement.Escape(title)}</title>
            <ns>{ns}</ns>
            <id>{id}</id>{redirect}
            <revision>
              <id>{id * 1000 + 7}</id>
              <timestamp>2024-01-01T00:00:00Z</timestamp>
              <contributor><username>Test</username><id>1</id></contributor>
              <model>wikitext</model>
              <format>text/x-wiki</format>
              <text bytes="{Encoding.UTF8.GetByteCount(wikitext)}" xml:space="preserve">{SecurityElement.Escape(wikitext)}</text>
              <sha1>0</sha1>
            </revision>
          </page>

        """);
        return this;
    }

    public DumpBuilder Raw(string xml)
    {
        _pages.Add(xml);
        return this;
    }

    private const string Header = """
        <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
          <siteinfo>
            <sitename>Wikipedia</sitename>
            <dbname>enwiki</dbname>
            <namespaces>
              <namespace key="0" case="first-letter" />
              <namespace key="10" case="first-letter">Template</namespace>
            </namespaces>
          </siteinfo>

        """;

    public string Xml() => Header + string.Concat(_pages) + "</mediawiki>\n";

    /// <summary>The header in its own stream, then a stream per two pages, then the closing tag: Wikipedia's multistream layout.</summary>
    public byte[] MultistreamBZip2()
    {
        var streams = new List<string> { Header };
        for (var i = 0; i < _pages.Count; i += 2)
            streams.Add(string.Concat(_pages.Skip(i).Take(2)));
        streams.Add("</mediawiki>\n");
        using var output = new MemoryStream();
        foreach (var part in streams)
        {
            using var bzip2 = new BZip2OutputStream(output) { IsStreamOwner = false };
            bzip2.Write(Encoding.UTF8.GetBytes(part));
        }
        return output.ToArray();
    }
}
