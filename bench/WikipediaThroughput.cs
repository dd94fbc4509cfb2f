using System.Diagnostics;
using System.Security;
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;
using Jat.Converters;
using Jat.Converters.Wikipedia;

namespace Jat.Benchmarks;

public sealed record WikipediaBenchReport(long Pages, long Articles, long CompressedBytes, long XmlBytes, double Seconds)
{
    public double PagesPerSecond => Pages / Seconds;
    public double CompressedMegabytesPerSecond => CompressedBytes / 1e6 / Seconds;
    public double XmlMegabytesPerSecond => XmlBytes / 1e6 / Seconds;
}

/// <summary>
/// <c>jat convert wikipedia</c> end to end (bzip2, XML, cleaning, shards) on a generated multistream dump whose
/// articles carry the markup of real ones: infobox templates, links, references, a table, headings, categories.
/// </summary>
public static class WikipediaThroughput
{
    public static async Task<WikipediaBenchReport> RunAsync(int pages, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var scratch = Directory.CreateTempSubdirectory("jat-bench-wiki-");
        try
        {
            progress?.Report($"making a dump of {pages:N0} pages");
            var dump = Path.Combine(scratch.FullName, "enwiki-pages-articles-multistream.xml.bz2");
            var xmlBytes = Write(dump, pages);
            progress?.Report("converting");
            var clock = Stopwatch.StartNew();
            var report = await WikipediaConverter.ConvertAsync(dump, Path.Combine(scratch.FullName, "data"), new WikipediaOptions(new HashedSplit()), null, ct);
            var seconds = clock.Elapsed.TotalSeconds;
            return new WikipediaBenchReport(pages, report.TotalRows, new FileInfo(dump).Length, xmlBytes, seconds);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static long Write(string path, int pages)
    {
        var random = new Random(5);
        using var file = File.Create(path);
        long xmlBytes = 0;
        void Stream(string xml)
        {
            var bytes = Encoding.UTF8.GetBytes(xml);
            xmlBytes += bytes.Length;
            using var bzip2 = new BZip2OutputStream(file) { IsStreamOwner = false };
            bzip2.Write(bytes);
        }
        Stream("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n<siteinfo><sitename>Wikipedia</sitename></siteinfo>\n");
        var chunk = new StringBuilder();
        for (var id = 1; id <= pages; id++)
        {
            var text = Article(random, id);
            chunk.Append("<page><title>Article ").Append(id).Append("</title><ns>0</ns><id>").Append(id)
                .Append("</id><revision><id>").Append(id * 10).Append("</id><text xml:space=\"preserve\">")
                .Append(SecurityElement.Escape(text)).Append("</text></revision></page>\n");
            if (id % 100 == 0 || id == pages) // Wikipedia's multistream: 100 pages a bzip2 stream
            {
                Stream(chunk.ToString());
                chunk.Clear();
            }
        }
        Stream("</mediawiki>\n");
        return xmlBytes;
    }

    private static readonly string[] Words =
        ["the", "city", "river", "was", "founded", "in", "by", "population", "of", "and", "its", "history", "university", "war", "century", "north", "famous", "known", "as"];

    private static string Article(Random random, int id)
    {
        var text = new StringBuilder();
        text.Append("{{Infobox settlement|name=Place ").Append(id).Append("|population={{formatnum:").Append(random.Next(1_000_000)).Append("}}}}\n");
        text.Append("'''Place ").Append(id).Append("''' is a [[city]] in [[Country|the country]].<ref>{{cite web|url=https://example.org|title=Source}}</ref>\n\n");
        for (var section = 0; section < 4; section++)
        {
            text.Append("== Section ").Append(section).Append(" ==\n");
            for (var sentence = 0; sentence < 8; sentence++)
            {
                for (var w = 0; w < 14; w++)
                {
                    var word = Words[random.Next(Words.Length)];
                    text.Append(w % 5 == 4 ? $"[[{word}]] " : word + " ");
                }
                text.Append(". ");
            }
            text.Append("\n\n");
        }
        text.Append("{| class=\"wikitable\"\n|-\n! Year !! Population\n|-\n| 1900 || 1000\n|}\n[[Category:Places]]\n");
        return text.ToString();
    }
}
