using Jat.Environments.MuJoCo.Native;

namespace Jat.Environments.MuJoCo;

/// <summary>
/// The MJCF models Jat ships, embedded in the assembly and compiled on demand. <c>JAT_MUJOCO_MODELS</c> may name a
/// folder of <c>&lt;name&gt;.xml</c> files to use instead, to try a modified model without rebuilding.
/// </summary>
public static class MuJoCoModels
{
    public static MjSimulation Load(string name) => MjSimulation.LoadText(Text(name), name);

    /// <summary>The MJCF text of a model (for tools that hand it to MuJoCo themselves, such as the benchmark).</summary>
    public static string Text(string name)
    {
        var folder = Environment.GetEnvironmentVariable("JAT_MUJOCO_MODELS");
        if (!string.IsNullOrEmpty(folder))
        {
            var path = Path.Combine(folder, name + ".xml");
            return File.Exists(path)
                ? File.ReadAllText(path)
                : throw new MuJoCoModelException($"JAT_MUJOCO_MODELS={folder} has no {name}.xml.");
        }
        var resource = $"Jat.Environments.MuJoCo.Models.{name}.xml";
        using var stream = typeof(MuJoCoModels).Assembly.GetManifestResourceStream(resource)
            ?? throw new MuJoCoModelException($"Jat ships no MuJoCo model named '{name}' (a build error).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
