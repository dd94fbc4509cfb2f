using TorchSharp;
using static TorchSharp.torch;

namespace Jat.Model.Network;

/// <summary>
/// A module whose children and parameters are exactly those it registers by name. TorchSharp otherwise also
/// registers every field it finds by reflection (<c>_q</c>, <c>&lt;Attention&gt;k__BackingField</c>), which would put
/// every tensor into the state dict twice, under names jat-project/jat does not have.
/// </summary>
public abstract class ExplicitModule(string name) : nn.Module(name)
{
    protected override void RegisterComponents()
    {
    }
}
