using Jat.Model.Configuration;
using Jat.Model.Network;
using Jat.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Jat.Model.Checkpoints;

/// <summary>
/// A model as a Hugging Face model folder, jat-project/jat's layout: <c>config.json</c> and <c>model.safetensors</c>
/// with the state dict's names (<c>transformer.h.0.attn.attention.q_proj.weight</c>, …), float32. The released
/// checkpoint loads with no conversion, and a folder written here loads with <c>JatModel.from_pretrained</c>.
/// </summary>
public static class ModelFolder
{
    public const string ConfigFile = "config.json";
    public const string WeightsFile = "model.safetensors";

    /// <summary>Names transformers may save for the token embedding besides <c>transformer.wte.weight</c>.</summary>
    private static readonly HashSet<string> Aliases = ["single_discrete_encoder.weight", "multi_discrete_encoder.0.weight"];

    public static void Save(JatModel model, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, ConfigFile), model.Config.ToJson());
        var state = model.state_dict();
        SafetensorsFile.Write(Path.Combine(directory, WeightsFile), state,
            new Dictionary<string, string> { ["format"] = "pt" });
    }

    public static JatConfig ReadConfig(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"{directory}: no such model folder.");
        return JatConfig.Load(Path.Combine(directory, ConfigFile));
    }

    /// <summary>
    /// Reads a model folder. Every parameter of the config's model must be in the file with its shape: a missing
    /// tensor, one of another shape, or one the model does not have is an error naming it.
    /// </summary>
    public static JatModel Load(string directory, Device? device = null)
    {
        var config = ReadConfig(directory);
        var weightsPath = Path.Combine(directory, WeightsFile);
        if (!File.Exists(weightsPath))
            throw new FileNotFoundException($"{weightsPath}: no such file (a model folder holds {ConfigFile} and {WeightsFile}).", weightsPath);
        var model = new JatModel(config);
        try
        {
            using var file = SafetensorsFile.Open(weightsPath);
            var parameters = model.state_dict();
            foreach (var entry in file.Entries)
            {
                if (!parameters.ContainsKey(entry.Name) && !Aliases.Contains(entry.Name))
                    throw new InvalidDataException($"{weightsPath}: tensor '{entry.Name}' is not a parameter of the model {ConfigFile} describes.");
            }
            using var noGrad = no_grad();
            foreach (var (name, parameter) in parameters)
            {
                if (!file.Contains(name))
                    throw new InvalidDataException($"{weightsPath}: tensor '{name}' is missing.");
                var entry = file[name];
                if (!entry.Shape.SequenceEqual(parameter.shape))
                    throw new InvalidDataException(
                        $"{weightsPath}: tensor '{name}' has shape [{string.Join(", ", entry.Shape)}] but {ConfigFile} needs [{string.Join(", ", parameter.shape)}].");
                using var value = file.Read(entry);
                parameter.copy_(value);
            }
        }
        catch
        {
            model.Dispose();
            throw;
        }
        if (device is not null && device.type != DeviceType.CPU)
            model.to(device);
        return model;
    }
}
