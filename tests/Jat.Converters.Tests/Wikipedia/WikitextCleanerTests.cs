using Jat.Converters.Wikipedia;

namespace Jat.Converters.Tests.Wikipedia;

public sealed class WikitextCleanerTests
{
    [Theory]
    [InlineData("'''Anarchism''' is a [[political philosophy]].", "Anarchism is a political philosophy.")]
    [InlineData("A [[Cat|feline]] and [[dog]]s.", "A feline and dogs.")]
    [InlineData("Nested {{Infobox|name={{lang|fr|Paris}}|pop=2}}start.", "Nested start.")]
    [InlineData("Cited.<ref name=\"a\">{{cite web|url=x}}</ref> Again.<ref name=\"a\" /> Done.", "Cited. Again. Done.")]
    [InlineData("[[File:Map.png|thumb|A map of [[France]] in 1900]]Text.", "Text.")]
    [InlineData("Prose.[[Category:Philosophy]][[Category:Ideas|*]]", "Prose.")]
    [InlineData("See [[:Category:Ideas|the category]].", "See the category.")]
    [InlineData("Visit [https://example.org the site] or [https://example.org].", "Visit the site or .")]
    [InlineData("x<!-- hidden [[link]] -->y", "xy")]
    [InlineData("a &amp; b &Sigma; &lt;tag&gt;", "a & b Σ <tag>")]
    [InlineData("__NOTOC__Lead.", "Lead.")]
    [InlineData("E = <math>mc^2</math> holds.", "E =  holds.")]
    [InlineData("H<sub>2</sub>O and <span style=\"x\">red</span>", "H2O and red")]
    public void Inline_markup_becomes_its_text(string wikitext, string expected) =>
        Assert.Equal(expected, WikitextCleaner.Clean(wikitext));

    [Fact]
    public void Tables_templates_headings_and_lists_become_clean_paragraphs()
    {
        const string wikitext = """
            {{Short description|Political philosophy}}
            '''Anarchism''' is a philosophy.

            == Etymology ==
            The word comes from [[Ancient Greek|Greek]].
            {| class="wikitable"
            |-
            ! Year !! Event
            |-
            | 1840 || {{nowrap|Proudhon}} {| nested |}
            |}
            * First point
            * Second [[point (geometry)|point]]

            === See also ===
            ----
            """;
        Assert.Equal(
            // The table stood between two paragraphs; its place stays a paragraph break.
            "Anarchism is a philosophy.\n\nEtymology\n\nThe word comes from Greek.\n\nFirst point\nSecond point\n\nSee also",
            WikitextCleaner.Clean(wikitext));
    }
}
