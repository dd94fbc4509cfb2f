using Jat.Schema.Tests;

namespace Jat.Hub.Tests;

public sealed class HubTokenTests
{
    [Fact]
    public void The_token_comes_from_the_option_then_HF_TOKEN_then_the_token_file()
    {
        using var home = new TempDirectory();
        File.WriteAllText(home.Combine("token"), "hf_FromFile\n");
        var environment = new Dictionary<string, string?> { ["HF_HOME"] = home.Path };
        string? Get(string name) => environment.GetValueOrDefault(name);

        Assert.Equal(home.Combine("token"), HubToken.Resolve(null, Get).Source);
        Assert.Equal("hf_FromFile", HubToken.Resolve(null, Get).Value);
        environment["HF_TOKEN"] = "hf_FromVariable";
        Assert.Equal("HF_TOKEN", HubToken.Resolve(null, Get).Source);
        Assert.Equal("--token", HubToken.Resolve("hf_FromOption", Get).Source);
    }

    [Fact]
    public void The_token_is_hidden_when_printed_and_redacted_from_text()
    {
        var token = HubToken.Resolve("hf_Secret123", _ => null);
        Assert.DoesNotContain("hf_Secret123", token.ToString());
        Assert.Equal("header was Bearer hf_***", token.Redact("header was Bearer hf_Secret123"));
    }

    [Fact]
    public void No_token_anywhere_says_where_to_put_one()
    {
        using var home = new TempDirectory();
        var error = Assert.Throws<InvalidOperationException>(() => HubToken.Resolve(null, name => name == "HF_HOME" ? home.Path : null));
        Assert.Contains("HF_TOKEN", error.Message);
        Assert.Contains(home.Combine("token"), error.Message);
    }
}
