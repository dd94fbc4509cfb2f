using Jat.Model.Configuration;
using Jat.Model.Evaluation;
using Jat.Model.Network;
using Jat.Model.Processing;
using Jat.Schema.Samples;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using static TorchSharp.torch;

namespace Jat.Model.Tests.Evaluation;

/// <summary><c>jat model loss</c> evaluates as the HF Trainer: the first N samples, batches of 8, sample-weighted.</summary>
public sealed class LossEvaluationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jat-model-loss-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task WriteAsync(TaskSpec task, params int[] steps)
    {
        await using var writer = await ShardWriter.OpenAsync(_folder, task, "test");
        for (var i = 0; i < steps.Length; i++)
            await writer.WriteAsync(SampleRows.Create(task, i, seed: 3, steps: steps[i]));
        await writer.CompleteAsync();
    }

    [Theory]
    [InlineData("mujoco-hopper")]
    [InlineData("babyai-go-to")]
    public async Task The_loss_is_the_sample_weighted_mean_of_batch_losses_over_the_first_samples(string name)
    {
        var task = TaskRegistry.Get(name);
        // 8 positions: windows of 4 steps; episodes of 7, 0 (dropped), 3 and 9 steps give 2 + 1 + 3 = 6 samples.
        await WriteAsync(task, 7, 0, 3, 9);
        random.manual_seed(1);
        using var model = new JatModel(ModelPresets.Get("tiny") with { MaxPositionEmbeddings = 8 });

        var result = await LossEvaluation.EvaluateAsync(model, _folder, task, samples: 5, batchSize: 2);

        var samples = new List<Sample>();
        await foreach (var s in TaskSamples.ReadAsync(_folder, task, "test", new JatProcessor(model.Config)))
            samples.Add(s);
        Assert.Equal(6, samples.Count);
        double Loss(params Sample[] batch)
        {
            using var noGrad = no_grad();
            return model.Forward(SampleBatch.Collate(batch)).Loss!.item<float>();
        }
        var expected = (2 * Loss(samples[0], samples[1]) + 2 * Loss(samples[2], samples[3]) + Loss(samples[4])) / 5;
        Assert.Equal(5, result.Samples);
        Assert.Equal(expected, result.Loss, 1e-6);
        Assert.NotNull(result.ActionLoss);
        Assert.NotNull(result.ObservationLoss);
        Assert.Equal(name.StartsWith("babyai", StringComparison.Ordinal) ? 0 : result.ObservationLoss!.Value, result.ObservationLoss!.Value);
    }

    [Fact]
    public async Task Asking_more_samples_than_the_split_holds_evaluates_all_of_them()
    {
        var task = TaskRegistry.Get("mujoco-hopper");
        await WriteAsync(task, 2, 2);
        using var model = new JatModel(ModelPresets.Get("tiny") with { MaxPositionEmbeddings = 8 });

        var result = await LossEvaluation.EvaluateAsync(model, _folder, task, samples: 1000);

        Assert.Equal(2, result.Samples);
        Assert.True(double.IsFinite(result.Loss));
    }

    [Fact]
    public async Task A_missing_split_is_a_clear_error_naming_the_task()
    {
        using var model = new JatModel(ModelPresets.Get("tiny"));
        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            LossEvaluation.EvaluateAsync(model, _folder, TaskRegistry.Get("mujoco-ant"), samples: 10));
        Assert.Contains("mujoco-ant", e.Message);
    }
}
