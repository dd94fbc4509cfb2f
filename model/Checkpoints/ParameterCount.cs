using Jat.Model.Network;

namespace Jat.Model.Checkpoints;

/// <summary>A part of the model (named by the state dict's first component, the transformer split) and its size.</summary>
public sealed record ParameterPart(string Part, long Parameters);

/// <summary>The parameters of a model per part, as <c>jat model info</c> reports them.</summary>
public static class ParameterCount
{
    public static IReadOnlyList<ParameterPart> ByPart(JatModel model) =>
        model.named_parameters()
            .GroupBy(p => PartOf(p.name))
            .Select(g => new ParameterPart(g.Key, g.Sum(p => p.parameter.numel())))
            .ToList();

    public static long Total(JatModel model) => model.parameters().Sum(p => p.numel());

    private static string PartOf(string name)
    {
        var parts = name.Split('.');
        if (parts[0] != "transformer")
            return parts[0];
        return parts[1] switch
        {
            "wte" => "transformer.wte (token embedding, also the discrete encoder)",
            "wpe" => "transformer.wpe (positions)",
            "h" => "transformer.h (blocks)",
            _ => "transformer." + parts[1],
        };
    }
}
