using System.Diagnostics;
using System.Text.Json;
using Jat.Model.Checkpoints;
using Jat.Model.Configuration;
using Jat.Model.Network;
using Jat.Torch;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Jat.Model.Tests.Network;

/// <summary>
/// The losses of a model folder Jat writes, computed again by bench/python/jat_torch.py, a plain-PyTorch JAT written
/// separately from the facts (run by Debian's python3-torch; skipped where that is not installed).
/// </summary>
public sealed class IndependentImplementationTests(ITestOutputHelper output)
{
    private const string Python = "/usr/bin/python3";

    [Theory]
    [InlineData("mujoco")]
    [InlineData("babyai")]
    [InlineData("atari")]
    [InlineData("text")]
    [InlineData("image-text")]
    public void Losses_agree_with_the_pytorch_reference(string modality)
    {
        var script = FindScript();
        if (script is null || !HasTorch())
        {
            output.WriteLine("skipped: /usr/bin/python3 with torch (scripts/install-python-torch) or bench/python is absent");
            return;
        }
        var dir = Directory.CreateTempSubdirectory("jat-model-ref-").FullName;
        try
        {
            random.manual_seed(7);
            var config = ModelPresets.Get("tiny") with { HiddenSize = 64, NumHeads = 4 };
            using var model = new JatModel(config);
            model.eval();
            ModelFolder.Save(model, Path.Combine(dir, "model"));
            var (inputs, tensors) = Batch(modality, config);
            SafetensorsFile.Write(Path.Combine(dir, "batch.safetensors"), tensors);
            using var noGrad = no_grad();
            var mine = model.Forward(inputs);
            var theirs = RunReference(script, Path.Combine(dir, "model"), Path.Combine(dir, "batch.safetensors"));
            output.WriteLine($"{modality}: jat {mine.Loss!.item<float>()} reference {theirs.GetProperty("loss").GetDouble()}");
            AssertClose(theirs.GetProperty("loss").GetDouble(), mine.Loss!.item<float>());
            if (mine.ActionLoss is not null)
                AssertClose(theirs.GetProperty("action_loss").GetDouble(), mine.ActionLoss.item<float>());
            if (mine.ObservationLoss is not null)
                AssertClose(theirs.GetProperty("observation_loss").GetDouble(), mine.ObservationLoss.item<float>());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-4 * Math.Max(1e-6, Math.Abs(expected)),
            $"expected {expected}, got {actual}");

    private static (ModelInputs, Dictionary<string, Tensor>) Batch(string modality, JatConfig config)
    {
        const int b = 2, l = 6;
        var mask = ones(b, l, ScalarType.Int64);
        mask[1, TensorIndex.Slice(4)] = tensor(0L);
        var rewards = randn(b, l);
        var weight = full(b, l, 10f);
        return modality switch
        {
            "mujoco" => Rl(new ContinuousObservations(randn(b, l, 11)), new ContinuousActions(rand(b, l, 3)), rewards, mask, weight),
            "babyai" => Rl(new DiscreteObservations(randint(0, 50257, [b, l, config.MaxDiscreteValue])), new DiscreteActions(randint(0, 7, [b, l])), rewards, mask, weight),
            "atari" => Rl(new ImageObservations(rand(new long[] { b, l, 4, 84, 84 }) * 2 - 1), new DiscreteActions(randint(0, 18, [b, l])), rewards, mask, weight),
            "text" => Text(randint(0, 50257, [b, 20]), null, TextMask(b, 20)),
            _ => Text(randint(0, 50257, [b, 12]), randn(b, 3, 224, 224), TextMask(b, 12)),
        };
    }

    private static Tensor TextMask(int b, int n)
    {
        var mask = ones(b, n, ScalarType.Int64);
        mask[1, TensorIndex.Slice(n - 5)] = tensor(0L);
        return mask;
    }

    private static (ModelInputs, Dictionary<string, Tensor>) Rl(Observations o, Actions a, Tensor rewards, Tensor mask, Tensor weight)
    {
        var tensors = new Dictionary<string, Tensor>
        {
            [o switch { ContinuousObservations => "continuous_observations", DiscreteObservations => "discrete_observations", _ => "image_observations" }] = o.Values,
            [a is ContinuousActions ? "continuous_actions" : "discrete_actions"] = a.Values,
            ["rewards"] = rewards,
            ["attention_mask"] = mask,
            ["loss_weight"] = weight,
        };
        return (new RlInputs(o, a, rewards, mask, weight), tensors);
    }

    private static (ModelInputs, Dictionary<string, Tensor>) Text(Tensor ids, Tensor? pixels, Tensor mask)
    {
        var tensors = new Dictionary<string, Tensor> { ["input_ids"] = ids, ["attention_mask"] = mask };
        if (pixels is not null)
            tensors["pixel_values"] = pixels;
        return (new TextInputs(ids, pixels, mask), tensors);
    }

    private static JsonElement RunReference(string script, string model, string batch)
    {
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, "--model", model, "--batch", batch, "--json", "--threads", "1" })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"check_losses.py failed: {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static bool HasTorch()
    {
        if (!File.Exists(Python))
            return false;
        var info = new ProcessStartInfo(Python, "-c \"import torch\"") { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "python", "check_losses.py");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
