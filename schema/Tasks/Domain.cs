namespace Jat.Schema.Tasks;

public enum Domain
{
    Atari,
    BabyAI,
    MetaWorld,
    MuJoCo,
    Text,
    VisionLanguage,
}

public static class DomainNames
{
    /// <summary>The name used in config names and on the command line (<c>atari</c>, <c>vision-language</c>, …).</summary>
    public static string Id(this Domain domain) => domain switch
    {
        Domain.Atari => "atari",
        Domain.BabyAI => "babyai",
        Domain.MetaWorld => "metaworld",
        Domain.MuJoCo => "mujoco",
        Domain.Text => "text",
        Domain.VisionLanguage => "vision-language",
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    public static Domain Parse(string id) =>
        Enum.GetValues<Domain>().FirstOrDefault(d => d.Id() == id, (Domain)(-1)) is var d && Enum.IsDefined(d)
            ? d
            : throw new FormatException($"unknown domain '{id}'; expected one of {string.Join(", ", Enum.GetValues<Domain>().Select(x => x.Id()))}");

    public static bool IsReinforcementLearning(this Domain domain) => domain is not (Domain.Text or Domain.VisionLanguage);
}
