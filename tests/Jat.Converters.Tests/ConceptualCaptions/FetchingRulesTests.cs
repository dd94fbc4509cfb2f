using System.Net;
using Jat.Converters.ConceptualCaptions;
using Jat.Converters.Fetching;

namespace Jat.Converters.Tests.ConceptualCaptions;

public sealed class FetchingRulesTests
{
    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("::", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("ff02::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("64:ff9b::a9fe:a9fe", true)] // NAT64 of 169.254.169.254
    [InlineData("2002:c0a8:0101::1", true)]  // 6to4 of 192.168.1.1
    [InlineData("8.8.8.8", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("100.128.0.1", false)]
    [InlineData("151.101.1.140", false)]
    [InlineData("2606:4700::1111", false)]
    [InlineData("::ffff:8.8.8.8", false)]
    [InlineData("2002:0808:0808::1", false)]
    public void Private_addresses_are_told_from_public_ones(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, AddressPolicy.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("noai", true)]
    [InlineData("noimageai", true)]
    [InlineData("NoAI", true)]
    [InlineData("noindex, noimageai", true)]
    [InlineData("jat: noai", true)]
    [InlineData("JAT: noindex,noai", true)]
    [InlineData("otherbot: noai", false)]
    [InlineData("noai, unavailable_after: 25 Jun 2030 15:00:00 PST", true)]
    [InlineData("unavailable_after: 25 Jun 2030 15:00:00 PST", false)]
    [InlineData("noindex, nofollow", false)]
    [InlineData("noaix", false)]
    public void X_Robots_Tag_opts_out_of_AI_use_for_everyone_or_for_jat(string header, bool forbids) =>
        Assert.Equal(forbids, RobotsTag.Forbids([header], ImageFetcher.UserAgentToken));

    [Fact]
    public void Several_X_Robots_Tag_headers_are_all_read() =>
        Assert.True(RobotsTag.Forbids(["otherbot: noindex", "noai"], ImageFetcher.UserAgentToken));

    [Theory]
    [InlineData("a dog on a beach\thttp://example.org/dog.jpg", "a dog on a beach", "http://example.org/dog.jpg", null)]
    [InlineData("actor attends the premiere\thttps://example.org/a.jpg\r", "actor attends the premiere", "https://example.org/a.jpg", null)]
    [InlineData("labelled\thttp://example.org/x.jpg\tdog,beach\t/m/0bt9lr\t0.9", "labelled", "http://example.org/x.jpg", null)]
    [InlineData("no tab", null, null, "no tab")]
    [InlineData("caption\t", null, null, "empty URL")]
    [InlineData("\thttp://example.org/x.jpg", null, null, "empty caption")]
    [InlineData("caption\tftp://example.org/x.jpg", null, null, "not an http(s) URL")]
    [InlineData("caption\tnot a url", null, null, "not an http(s) URL")]
    public void TSV_lines_give_a_caption_and_a_URL_or_say_what_is_wrong(string line, string? caption, string? url, string? problem)
    {
        var parsed = CaptionsTsv.Parse(line, out var said);
        Assert.Equal(problem, said);
        Assert.Equal(caption, parsed?.Caption);
        Assert.Equal(url, parsed?.Url.AbsoluteUri);
    }

    [Fact]
    public void Lines_are_counted_with_or_without_a_final_newline_and_up_to_the_limit()
    {
        using var folder = new Jat.Schema.Tests.TempDirectory();
        File.WriteAllText(folder.Combine("a.tsv"), "a\tb\nc\td\n");
        File.WriteAllText(folder.Combine("b.tsv"), "a\tb\nc\td");
        Assert.Equal(2, CaptionsTsv.CountLines(folder.Combine("a.tsv"), null));
        Assert.Equal(2, CaptionsTsv.CountLines(folder.Combine("b.tsv"), null));
        Assert.Equal(1, CaptionsTsv.CountLines(folder.Combine("a.tsv"), 1));
    }

    [Fact]
    public async Task A_host_entry_lives_only_while_a_fetch_holds_it_and_a_pause_holds_every_request()
    {
        var gates = new HostGates(1);
        using (var first = gates.Enter("example.org"))
        using (var second = gates.Enter("EXAMPLE.org"))
        {
            Assert.Equal(1, gates.Count);
            await first.WaitAsync(default);
            var waiting = second.WaitAsync(default);
            Assert.False(waiting.IsCompleted); // one slot per host
            first.Pause(TimeSpan.FromMilliseconds(150));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            first.Release();
            await waiting;
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(100), $"waited {clock.Elapsed}");
            second.Release();
        }
        Assert.Equal(0, gates.Count);
    }
}
