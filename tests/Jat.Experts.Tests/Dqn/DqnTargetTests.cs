using Jat.Experts.Dqn;
using TorchSharp;

namespace Jat.Experts.Tests.Dqn;

public sealed class DqnTargetTests
{
    // Two transitions: returns 1 and 0.5, discounts 0.9 and 0 (terminal).
    // Target network at s': [1, 5, 2] and [3, 1, 0]; online network at s': [0, 1, 9] and [2, 0, 0].
    [Fact]
    public void Plain_dqn_bootstraps_from_the_target_networks_best_value()
    {
        using var scope = torch.NewDisposeScope();

        var target = DqnTarget.Compute(Returns(), Discounts(), NextTarget(), nextOnline: null).data<float>().ToArray();

        Assert.Equal(1 + 0.9 * 5, target[0], 5);
        Assert.Equal(0.5, target[1], 5);
    }

    [Fact]
    public void Double_dqn_values_the_online_networks_choice_with_the_target_network()
    {
        using var scope = torch.NewDisposeScope();
        var online = torch.tensor(new float[] { 0, 1, 9, 2, 0, 0 }, [2, 3]);

        var target = DqnTarget.Compute(Returns(), Discounts(), NextTarget(), online).data<float>().ToArray();

        // The online network picks action 2 (target value 2) and action 0 (target value 3, but terminal).
        Assert.Equal(1 + 0.9 * 2, target[0], 5);
        Assert.Equal(0.5, target[1], 5);
    }

    private static torch.Tensor Returns() => torch.tensor(new float[] { 1, 0.5f });

    private static torch.Tensor Discounts() => torch.tensor(new float[] { 0.9f, 0 });

    private static torch.Tensor NextTarget() => torch.tensor(new float[] { 1, 5, 2, 3, 1, 0 }, [2, 3]);
}
