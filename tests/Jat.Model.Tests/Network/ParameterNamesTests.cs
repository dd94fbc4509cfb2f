using Jat.Model.Checkpoints;
using Jat.Model.Configuration;
using Jat.Model.Network;

namespace Jat.Model.Tests.Network;

public sealed class ParameterNamesTests
{
    [Fact]
    public void Small_config_has_jat_project_jat_193M_parameters()
    {
        using var model = new JatModel(ModelPresets.Get("small"));
        var total = ParameterCount.Total(model);
        // 771 MB of float32 in jat-project/jat's model.safetensors.
        Assert.InRange(total, 192_500_000, 193_500_000);
    }

    [Fact]
    public void State_dict_uses_the_released_checkpoint_names_and_shapes()
    {
        using var model = new JatModel(ModelPresets.Get("small"));
        var state = model.state_dict();
        var expected = new Dictionary<string, long[]>
        {
            ["transformer.wte.weight"] = [50257, 768],
            ["transformer.wpe.weight"] = [512, 768],
            ["transformer.h.0.ln_1.weight"] = [768],
            ["transformer.h.0.attn.attention.q_proj.weight"] = [768, 768],
            ["transformer.h.0.attn.attention.k_proj.weight"] = [768, 768],
            ["transformer.h.0.attn.attention.v_proj.weight"] = [768, 768],
            ["transformer.h.11.attn.attention.out_proj.bias"] = [768],
            ["transformer.h.11.mlp.c_fc.weight"] = [3072, 768],
            ["transformer.h.11.mlp.c_proj.weight"] = [768, 3072],
            ["transformer.ln_f.bias"] = [768],
            ["vit_encoder.projection.weight"] = [768, 3, 16, 16],
            ["continuous_encoder.weight"] = [768, 377],
            ["multi_discrete_encoder.1.weight"] = [15, 768],
            ["multi_discrete_encoder.4.weight"] = [767, 212 * 15],
            ["image_encoder.module.conv1.weight"] = [32, 4, 3, 3],
            ["image_encoder.module.att1.fc.0.weight"] = [4, 32],
            ["image_encoder.module.att3.fc.2.weight"] = [128, 16],
            ["image_encoder.module.fc.weight"] = [768, 15488],
            ["single_discrete_decoder.weight"] = [50257, 768],
            ["continuous_decoder.weight"] = [377, 768],
            ["multi_discrete_decoder.0.weight"] = [212 * 15, 768],
            ["multi_discrete_decoder.5.weight"] = [8, 768],
            ["image_decoder.module.fc.weight"] = [15488, 768],
            ["image_decoder.module.deconv1.weight"] = [128, 64, 3, 3],
            ["image_decoder.module.deconv3.bias"] = [4],
        };
        foreach (var (name, shape) in expected)
        {
            Assert.True(state.ContainsKey(name), $"missing {name}");
            Assert.Equal(shape, state[name].shape);
        }
        // The token embedding is saved once; biases that JAT's layers lack are absent.
        Assert.DoesNotContain("single_discrete_encoder.weight", state.Keys);
        Assert.DoesNotContain("multi_discrete_encoder.0.weight", state.Keys);
        Assert.DoesNotContain("transformer.h.0.attn.attention.q_proj.bias", state.Keys);
        Assert.DoesNotContain("single_discrete_decoder.bias", state.Keys);
        Assert.DoesNotContain("multi_discrete_decoder.5.bias", state.Keys);
        // transformer 2 + 12 blocks × 13 + ln_f 2; vit 2; continuous encoder 2; multi-discrete encoder 4; image encoder 14;
        // discrete decoder 1; continuous decoder 2; multi-discrete decoder 5; image decoder 12.
        Assert.Equal(2 + 12 * 13 + 2 + 2 + 2 + 4 + 14 + 1 + 2 + 5 + 12, state.Count);
    }
}
