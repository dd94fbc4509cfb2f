using System.Runtime.CompilerServices;
using System.Xml;

namespace Jat.Converters.Wikipedia;

/// <summary>
/// Streams the pages of a MediaWiki XML dump. Elements are matched by local name (the namespace URI carries the
/// schema version, 0.10, 0.11…); DTDs are prohibited; only one page is in memory at a time.
/// </summary>
internal static class DumpReader
{
    public static async IAsyncEnumerable<DumpPage> ReadAsync(Stream xml, string source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        using var reader = XmlReader.Create(xml, settings);
        var info = (IXmlLineInfo)reader;
        long ordinal = 0;
        string lastGood = "the start";
        while (true)
        {
            DumpPage? page;
            try
            {
                if (!await reader.ReadAsync().ConfigureAwait(false))
                    yield break;
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "page")
                    continue;
                page = await ReadPageAsync(reader, ordinal, info.LineNumber).ConfigureAwait(false);
            }
            catch (XmlException e)
            {
                throw new InvalidDataException($"{source}: malformed XML at line {e.LineNumber}, position {e.LinePosition}, after {lastGood}: {e.Message}", e);
            }
            ct.ThrowIfCancellationRequested();
            lastGood = $"page {page.Id} \"{page.Title}\" (line {page.Line})";
            ordinal++;
            yield return page;
        }
    }

    private static async Task<DumpPage> ReadPageAsync(XmlReader reader, long ordinal, long line)
    {
        string title = "";
        long id = -1;
        var ns = 0;
        var redirect = false;
        var text = "";
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
            return new DumpPage(ordinal, id, ns, title, redirect, text, line);
        await reader.ReadAsync().ConfigureAwait(false);
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                // Reading an element's content moves the reader past it: continue without another Read.
                switch (reader.LocalName)
                {
                    case "title" when reader.Depth == depth + 1:
                        title = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                        continue;
                    case "ns" when reader.Depth == depth + 1:
                        ns = int.TryParse(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false), out var n) ? n : 0;
                        continue;
                    case "id" when reader.Depth == depth + 1: // the page id; the revision's <id> is one level deeper
                        id = long.TryParse(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false), out var i) ? i : -1;
                        continue;
                    case "text":
                        text = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                        continue;
                    case "redirect":
                        redirect = true;
                        break;
                }
            }
            await reader.ReadAsync().ConfigureAwait(false);
        }
        return new DumpPage(ordinal, id, ns, title, redirect, text, line);
    }
}
