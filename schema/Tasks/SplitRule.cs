namespace Jat.Schema.Tasks;

/// <summary>
/// How JAT sized a task and divided it into <c>train</c> and <c>test</c> (reference §1.6).
/// </summary>
/// <param name="Episodes">episodes generated in all, where JAT fixed a count</param>
/// <param name="Steps">agent steps generated in all, where JAT fixed a step budget (whole episodes only)</param>
/// <param name="TrainEpisodes">episodes that go to train, where fixed (the first ones unless <paramref name="Shuffled"/>)</param>
/// <param name="TestFraction">share of episodes in test, where JAT split by fraction</param>
/// <param name="Shuffled">whether the split draws episodes at random rather than by order</param>
/// <param name="MaxEpisodeSteps">longer episodes are discarded</param>
/// <param name="FromSource">the split is the source dataset's own</param>
public sealed record SplitRule(
    string Description,
    long? Episodes = null,
    long? Steps = null,
    long? TrainEpisodes = null,
    double? TestFraction = null,
    bool Shuffled = false,
    int? MaxEpisodeSteps = null,
    bool FromSource = false)
{
    public static IReadOnlyList<string> SplitNames { get; } = ["train", "test"];

    public static SplitRule For(Domain domain) => domain switch
    {
        Domain.Atari => new("500,000 agent steps of whole games; a random 10% of games to test",
            Steps: 500_000, TestFraction: 0.1, Shuffled: true),
        Domain.BabyAI => new("100,000 bot episodes: 95,000 train, 5,000 test; episodes over 1,000 steps discarded",
            Episodes: 100_000, TrainEpisodes: 95_000, MaxEpisodeSteps: 1_000),
        Domain.MetaWorld => new("1,760,000 steps in 100-step episodes: the first 16,000 episodes train, the next 1,600 test",
            Episodes: 17_600, Steps: 1_760_000, TrainEpisodes: 16_000),
        Domain.MuJoCo => new("10,000 episodes: the first 90% train, the rest test",
            Episodes: 10_000, TrainEpisodes: 9_000, TestFraction: 0.1),
        _ => new("the source dataset's own train and test (validation) splits", FromSource: true),
    };
}
