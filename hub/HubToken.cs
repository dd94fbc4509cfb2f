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

    /// <summary>No token: anonymous reads of public repositories.</summary>
    public static HubToken None { get; } = new("", "no token");

    public bool IsNone => _value.Length == 0;

    public override string ToString() => IsNone ? "no token" : $"hf_*** (from {Source})";

    public string Redact(string text) => IsNone ? text : text.Replace(_value, "hf_***", StringComparison.Ordinal);

    /// <summary>
    /// The token as the Hub's own tools find it: the option, then <c>HF_TOKEN</c>, then the file at
    /// <c>HF_TOKEN_PATH</c>, <c>$HF_HOME/token</c> or <c>~/.cache/huggingface/token</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">no token anywhere; the message says where to put one.</exception>
    public static HubToken Resolve(string? option, Func<string, string?>? environment = null) =>
        TryResolve(option, environment, out var path) ?? throw new InvalidOperationException(
            $"no Hub token: pass --token, set HF_TOKEN, or store one in {path} (a write token from https://huggingface.co/settings/tokens)");

    /// <summary>The token the same way, or <see cref="None"/> when there is none (reading public repositories needs none).</summary>
    public static HubToken ResolveOrNone(string? option, Func<string, string?>? environment = null) =>
        TryResolve(option, environment, out _) ?? None;

    private static HubToken? TryResolve(string? option, Func<string, string?>? environment, out string path)
    {
        environment ??= Environment.GetEnvironmentVariable;
        path = "";
        if (!string.IsNullOrWhiteSpace(option))
            return new HubToken(option.Trim(), "--token");
        if (environment("HF_TOKEN") is { } variable && !string.IsNullOrWhiteSpace(variable))
            return new HubToken(variable.Trim(), "HF_TOKEN");
        var home = environment("HF_HOME") ?? Path.Combine(environment("HOME") ?? "~", ".cache", "huggingface");
        path = environment("HF_TOKEN_PATH") ?? Path.Combine(home, "token");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored)
            return new HubToken(stored, path);
        return null;
    }
}
