namespace Jat.Hub;

/// <summary>
/// A Hub access token. It is never printed: <see cref="ToString"/> hides it, and <see cref="Redact"/> removes it
/// from any text that could reach a log (a server's error message may echo a header).
/// </summary>
public sealed class HubToken
{
    private readonly string _value;

    private HubToken(string value, string source)
    {
        _value = value;
        Source = source;
    }

    /// <summary>Where the token came from (the option, a variable, a file), for messages.</summary>
    public string Source { get; }

    internal string Value => _value;

    public override string ToString() => $"hf_*** (from {Source})";

    public string Redact(string text) => text.Replace(_value, "hf_***", StringComparison.Ordinal);

    /// <summary>
    /// The token as the Hub's own tools find it: the option, then <c>HF_TOKEN</c>, then the file at
    /// <c>HF_TOKEN_PATH</c>, <c>$HF_HOME/token</c> or <c>~/.cache/huggingface/token</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">no token anywhere; the message says where to put one.</exception>
    public static HubToken Resolve(string? option, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(option))
            return new HubToken(option.Trim(), "--token");
        if (environment("HF_TOKEN") is { } variable && !string.IsNullOrWhiteSpace(variable))
            return new HubToken(variable.Trim(), "HF_TOKEN");
        var home = environment("HF_HOME") ?? Path.Combine(environment("HOME") ?? "~", ".cache", "huggingface");
        var path = environment("HF_TOKEN_PATH") ?? Path.Combine(home, "token");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored)
            return new HubToken(stored, path);
        throw new InvalidOperationException(
            $"no Hub token: pass --token, set HF_TOKEN, or store one in {path} (a write token from https://huggingface.co/settings/tokens)");
    }
}
