using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jat.Environments.BabyAI;
using Jat.Environments.BabyAI.Bot;

namespace Jat.Environments.Tests.BabyAI.Bot;

/// <summary>
/// The bot against the original's own choices on many seeds (<see cref="OriginalBotDigests"/>): every action, where it
/// loops and where it raises. Seeds 0–199 here; 0–999 in <see cref="BabyAIBotSweepBenchmark"/>.
/// </summary>
public sealed class OriginalBotParityTests
{
    public static TheoryData<string> EnvIds() => [.. BabyAILevels.EnvIds];

    [Theory]
    [MemberData(nameof(EnvIds))]
    public void PlaysTheFirst200SeedsExactlyAsTheOriginal(string envId) =>
        Assert.Equal(OriginalBotDigests.ByEnvId[envId].First200, Digest(envId, 200));

    /// <summary>SHA-256 of <c>"{seed} {outcome} {actions}\n"</c> over seeds 0 … <paramref name="seeds"/>−1.</summary>
    internal static string Digest(string envId, int seeds)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var actions = new List<int>();
        var line = new StringBuilder();
        for (var seed = 0; seed < seeds; seed++)
        {
            using var level = BabyAILevels.Create(envId);
            actions.Clear();
            var result = BabyAIBotEpisode.Play(level, (ulong)seed, actions);
            line.Clear().Append(seed.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Label(result.Outcome)).Append(' ');
            foreach (var action in actions)
            {
                line.Append((char)('0' + action));
            }
            line.Append('\n');
            hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Label(BotEpisodeOutcome outcome) => outcome switch
    {
        BotEpisodeOutcome.Succeeded => "success",
        BotEpisodeOutcome.Failed => "failed",
        BotEpisodeOutcome.Truncated => "truncated",
        BotEpisodeOutcome.BotLooped => "stuck",
        BotEpisodeOutcome.BotCrashed => "crash",
        _ => "toolong",
    };
}
