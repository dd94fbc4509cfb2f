using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Jat.Converters.Wikipedia;

/// <summary>
/// Wikitext to the plain text of an article, by rules written for Jat. They follow what the text column of Hugging
/// Face's <c>wikimedia/wikipedia</c> holds (reference §1.4): templates, tables, references, comments and invisible tags
/// (math, gallery, …) removed; links become their label; file and media links removed; headings kept as a line of
/// their own; bold, italics, list markers and HTML tags reduced to their text; entities decoded; blank lines
/// collapsed. One difference: category links are removed too (the HF builder leaves the category names in the text).
/// </summary>
internal static partial class WikitextCleaner
{
    /// <summary>Link prefixes whose links are not part of the prose (English names; the dump's own aliases may be added).</summary>
    private static readonly HashSet<string> DroppedNamespaces = new(StringComparer.OrdinalIgnoreCase) { "File", "Image", "Media", "Category" };

    public static string Clean(string wikitext)
    {
        var text = Comment().Replace(wikitext, "");
        text = InvisibleElement().Replace(text, "");
        text = SelfClosingInvisible().Replace(text, "");
        text = RemoveNested(text);
        text = Links(text);
        text = ExternalLink().Replace(text, m => m.Groups[1].Success ? m.Groups[1].Value : "");
        text = LineBreak().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = Emphasis().Replace(text, "");
        text = MagicWord().Replace(text, "");
        return Lines(WebUtility.HtmlDecode(text));
    }

    /// <summary>Removes templates <c>{{…}}</c> (and parameters <c>{{{…}}}</c>) and tables <c>{| … |}</c>, nested in any order.</summary>
    private static string RemoveNested(string text)
    {
        var output = new StringBuilder(text.Length);
        var stack = new Stack<char>(); // 't' template, 'b' table
        for (var i = 0; i < text.Length; i++)
        {
            var atLineStart = i == 0 || text[i - 1] == '\n';
            if (text[i] == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                stack.Push('t');
                i++;
            }
            else if (text[i] == '{' && i + 1 < text.Length && text[i + 1] == '|' && (atLineStart || stack.Count > 0))
            {
                stack.Push('b');
                i++;
            }
            else if (stack.Count > 0 && text[i] == '}' && i + 1 < text.Length && text[i + 1] == '}' && stack.Peek() == 't')
            {
                stack.Pop();
                i++;
            }
            else if (stack.Count > 0 && text[i] == '|' && i + 1 < text.Length && text[i + 1] == '}' && stack.Peek() == 'b')
            {
                stack.Pop();
                i++;
            }
            else if (stack.Count == 0)
            {
                output.Append(text[i]);
            }
        }
        // An unclosed template or table swallows the rest of the page, as MediaWiki would not render it either.
        return output.ToString();
    }

    /// <summary>Wikilinks: <c>[[target|label]]</c> → label, <c>[[target]]</c> → target; file, media and category links removed with their captions.</summary>
    private static string Links(string text)
    {
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("[[", i, StringComparison.Ordinal);
            if (open < 0)
            {
                output.Append(text, i, text.Length - i);
                break;
            }
            output.Append(text, i, open - i);
            var close = Matching(text, open);
            if (close < 0)
            {
                output.Append(text, open, text.Length - open); // an unclosed link stays as text
                break;
            }
            var inner = text[(open + 2)..close];
            var pipe = TopLevelPipe(inner);
            var target = (pipe < 0 ? inner : inner[..pipe]).Trim();
            var colon = target.TrimStart(':').IndexOf(':', StringComparison.Ordinal);
            var prefix = colon > 0 ? target.TrimStart(':')[..colon].Trim() : "";
            if (!(DroppedNamespaces.Contains(prefix) && !target.StartsWith(':')))
                output.Append(pipe < 0 ? target.TrimStart(':') : Links(inner[(pipe + 1)..]));
            i = close + 2;
        }
        return output.ToString();
    }

    /// <summary>The index of the <c>]]</c> closing the link opened at <paramref name="open"/>, counting nested links.</summary>
    private static int Matching(string text, int open)
    {
        var depth = 0;
        for (var i = open; i + 1 < text.Length; i++)
        {
            if (text[i] == '[' && text[i + 1] == '[')
            {
                depth++;
                i++;
            }
            else if (text[i] == ']' && text[i + 1] == ']')
            {
                if (--depth == 0)
                    return i;
                i++;
            }
        }
        return -1;
    }

    private static int TopLevelPipe(string inner)
    {
        var depth = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '[')
                depth++;
            else if (inner[i] == ']')
                depth--;
            else if (inner[i] == '|' && depth == 0)
                return i;
        }
        return -1;
    }

    /// <summary>Headings as their text, list and indent markers and rules dropped, blank lines collapsed.</summary>
    private static string Lines(string text)
    {
        var output = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            var heading = Heading().Match(line);
            if (heading.Success)
                line = heading.Groups[2].Value.Trim();
            else if (line.StartsWith("----", StringComparison.Ordinal))
                line = "";
            else
                line = ListMarker().Replace(line, "");
            line = line.Trim();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (output.Length > 0)
                output.Append(blank > 0 || heading.Success ? "\n\n" : "\n");
            output.Append(line);
            blank = heading.Success ? 1 : 0;
        }
        return output.ToString();
    }

    [GeneratedRegex("<!--.*?(-->|$)", RegexOptions.Singleline)]
    private static partial Regex Comment();

    // References and the tags MediaWiki renders without their text (mwparserfromhell's invisible tags), with content.
    [GeneratedRegex(@"<(ref|references|math|chem|gallery|timeline|imagemap|score|graph|templatedata|categorytree|inputbox|section|syntaxhighlight|source|table|mapframe|maplink)\b[^>]*?(?<!/)>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InvisibleElement();

    [GeneratedRegex(@"<(ref|references|section)\b[^>]*/>", RegexOptions.IgnoreCase)]
    private static partial Regex SelfClosingInvisible();

    [GeneratedRegex(@"\[(?:https?:|ftp:|mailto:|//)[^\s\]]*(?:\s+([^\]]*))?\]", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalLink();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("'{2,5}")]
    private static partial Regex Emphasis();

    [GeneratedRegex("__[A-Z]+__")]
    private static partial Regex MagicWord();

    [GeneratedRegex(@"^(=+)\s*(.+?)\s*\1\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[*#:;]+\s*")]
    private static partial Regex ListMarker();
}
