using Jat.Model.Checkpoints;
using Jat.Model.Configuration;
using Jat.Model.Network;
using Jat.Torch;
using static TorchSharp.torch;

namespace Jat.Model.Tests.Checkpoints;

public sealed class ModelFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jat-model-folder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_saved_folder_loads_back_with_the_same_weights()
    {
        using var model = new JatModel(ModelPresets.Get("tiny"));
        ModelFolder.Save(model, _dir);
        using var loaded = ModelFolder.Load(_dir);
        Assert.Equal(model.Config.ToJson(), loaded.Config.ToJson());
        var a = model.state_dict();
        var b = loaded.state_dict();
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (name, value) in a)
            Assert.True(value.allclose(b[name], 0, 0), name);
        using var file = SafetensorsFile.Open(Path.Combine(_dir, ModelFolder.WeightsFile));
        Assert.Equal("pt", file.Metadata["format"]);
    }

    [Fact]
    public void A_checkpoint_whose_shapes_do_not_match_its_config_names_the_tensor()
    {
        using var model = new JatModel(ModelPresets.Get("tiny"));
        ModelFolder.Save(model, _dir);
        var other = ModelPresets.Get("tiny") with { MaxContinuousSize = 100 };
        File.WriteAllText(Path.Combine(_dir, ModelFolder.ConfigFile), other.ToJson());
        var e = Assert.Throws<InvalidDataException>(() => ModelFolder.Load(_dir));
        Assert.Contains("continuous_encoder.weight", e.Message);
        Assert.Contains("[128, 377]", e.Message);
    }

    [Fact]
    public void A_truncated_safetensors_file_is_refused_naming_the_file_and_tensor()
    {
        using var model = new JatModel(ModelPresets.Get("tiny"));
        ModelFolder.Save(model, _dir);
        var path = Path.Combine(_dir, ModelFolder.WeightsFile);
        using (var f = new FileStream(path, FileMode.Open))
            f.SetLength(f.Length - 1000);
        var e = Assert.Throws<InvalidDataException>(() => ModelFolder.Load(_dir));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.Contains("'", e.Message);
    }

    [Fact]
    public void A_bad_config_names_the_field()
    {
        var e = Assert.Throws<InvalidDataException>(() => JatConfig.FromJson("""{"num_layers": 3, "attention_types": [[["global","local"],1]]}""", "x/config.json"));
        Assert.Contains("x/config.json", e.Message);
        Assert.Contains("num_layers", e.Message);
    }

    [Fact]
    public void Config_json_round_trips_with_jat_project_jat_fields()
    {
        var small = ModelPresets.Get("small");
        var json = small.ToJson();
        foreach (var field in new[] { "\"hidden_size\": 768", "\"num_layers\": 12", "\"window_size\": 256", "\"max_position_embeddings\": 512", "\"max_continuous_size\": 377", "\"max_discrete_value\": 212", "\"observation_loss_coef\": 0.005", "\"action_loss_coef\": 0.995", "\"model_type\": \"jat\"" })
            Assert.Contains(field, json);
        Assert.Equal(small.ToJson(), JatConfig.FromJson(json).ToJson());
    }
}
