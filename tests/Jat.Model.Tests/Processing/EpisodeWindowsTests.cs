using Jat.Model.Processing;

namespace Jat.Model.Tests.Processing;

public sealed class EpisodeWindowsTests
{
    [Fact]
    public void A_1000_step_MuJoCo_episode_makes_three_full_windows_and_a_shorter_fourth()
    {
        var windows = EpisodeWindows.Split(1000, 256).ToList();
        Assert.Equal([new(0, 256), new(256, 256), new(512, 256), new(768, 232)], windows);
    }

    [Fact]
    public void A_short_episode_is_one_window()
    {
        Assert.Equal([new EpisodeWindow(0, 5)], EpisodeWindows.Split(5, 32));
        Assert.Equal([new EpisodeWindow(0, 32)], EpisodeWindows.Split(32, 32));
        Assert.Equal([new EpisodeWindow(0, 32), new EpisodeWindow(32, 1)], EpisodeWindows.Split(33, 32));
    }

    [Fact]
    public void Padding_repeats_the_windows_first_element()
    {
        // processing_jat.pad: [[3, 4, 5]] to 5 → [3, 4, 5, 3, 3] with mask [1, 1, 1, 0, 0]; here the window [3, 6) of an episode.
        var w = new EpisodeWindow(3, 3);
        Assert.Equal([3, 4, 5, 3, 3], Enumerable.Range(0, 5).Select(p => EpisodeWindows.SourceStep(w, p)));
    }

    [Fact]
    public void Rewards_are_shifted_right_by_one_with_a_leading_zero()
    {
        Assert.Equal([0f, 1f, 2f], RewardShift.Apply([1f, 2f, 3f]));
        Assert.Empty(RewardShift.Apply([]));
    }

    [Fact]
    public void Missions_are_gpt2_tokens_padded_with_end_of_text_to_64()
    {
        // GPT-2's ids of "Hello world" are 15496 and 995 (the tokenizer's well-known example).
        Assert.Equal([15496, 995], Gpt2Text.Encode("Hello world"));
        var ids = new long[64];
        Gpt2Text.EncodeMission("Hello world", ids);
        Assert.Equal(15496, ids[0]);
        Assert.Equal(995, ids[1]);
        Assert.All(ids[2..], id => Assert.Equal(50256, id));
        Assert.Throws<InvalidDataException>(() => Gpt2Text.EncodeMission(string.Join(' ', Enumerable.Repeat("word", 70)), ids));
    }
}
