using TorchSharp;
using static TorchSharp.torch;

namespace Jat.Model.Network;

/// <summary>
/// A module that only names its children: the indexes of PyTorch's <c>nn.Sequential</c> and <c>nn.ModuleList</c>
/// (<c>fc.0</c>, <c>h.11</c>) and transformers' wrappers (<c>image_encoder.module</c>).
/// </summary>
internal sealed class NamedModules(string name) : ExplicitModule(name)
{
    public void Add(string childName, nn.Module child) => register_module(childName, child);
}
