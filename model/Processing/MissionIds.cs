namespace Jat.Model.Processing;

/// <summary>BabyAI missions as their 64 GPT-2 ids, each distinct mission tokenised once (an episode repeats one).</summary>
internal sealed class MissionIds
{
    private readonly Dictionary<string, long[]> _ids = new(StringComparer.Ordinal);

    public long[] Of(string mission)
    {
        if (!_ids.TryGetValue(mission, out var ids))
        {
            ids = new long[Gpt2Text.MissionTokens];
            Gpt2Text.EncodeMission(mission, ids);
            _ids[mission] = ids;
        }
        return ids;
    }
}
