using Jat.Model.Configuration;
using Jat.Model.Network;
using Jat.Model.Processing;
using Jat.Model.Processing.Images;
using Jat.Schema.Columns;
using Jat.Schema.Images;
using Jat.Schema.Tasks;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Model.Tests.Processing;

/// <summary>Rows become the samples train_jat.py makes: shifted rewards, preserve windows, first-element padding.</summary>
public sealed class JatProcessorTests
{
    /// <summary>8 positions: RL windows of 4 timesteps, text windows of 8 tokens.</summary>
    private static readonly JatConfig Short = ModelPresets.Get("tiny") with { MaxPositionEmbeddings = 8 };

    private static Example Hopper(int steps) => new()
    {
        ContinuousObservations = Enumerable.Range(0, steps).Select(t => Enumerable.Range(0, 11).Select(i => t * 100f + i).ToArray()).ToList(),
        ContinuousActions = Enumerable.Range(0, steps).Select(t => new[] { -t, t / 10f, 0.5f }).ToList(),
        Rewards = Enumerable.Range(0, steps).Select(t => t + 1f).ToList(),
    };

    [Fact]
    public void An_episode_longer_than_the_window_becomes_consecutive_windows_the_last_padded_with_its_first_step()
    {
        var samples = new JatProcessor(Short).Process(TaskRegistry.Get("mujoco-hopper"), Hopper(5)).Cast<RlSample>().ToList();

        Assert.Equal(2, samples.Count);
        var (first, second) = (samples[0], samples[1]);
        // Rewards shifted by one: r_t arrived with o_t, 0 at the start; the last reward (5) is dropped.
        Assert.Equal([0f, 1f, 2f, 3f], first.Rewards);
        Assert.Equal([1L, 1, 1, 1], first.AttentionMask);
        Assert.Equal([4f, 4f, 4f, 4f], second.Rewards);
        Assert.Equal([1L, 0, 0, 0], second.AttentionMask);
        var observations = Assert.IsType<FloatSteps>(second.Observations);
        Assert.Equal(11, observations.Width);
        for (var p = 0; p < 4; p++)
            Assert.Equal(400f, observations.Values[p * 11]);
        Assert.Equal(300f + 10, Assert.IsType<FloatSteps>(first.Observations).Values[3 * 11 + 10]);
        var actions = Assert.IsType<FloatSteps>(second.Actions);
        Assert.Equal([-4f, 0.4f, 0.5f, -4f, 0.4f, 0.5f], actions.Values[..6]);
        Assert.Equal(10f, first.LossWeight);
    }

    [Fact]
    public void A_short_episode_is_one_window_padded_with_step_zero()
    {
        var sample = Assert.IsType<RlSample>(Assert.Single(new JatProcessor(Short).Process(TaskRegistry.Get("mujoco-pendulum"), Hopper(2))));

        Assert.Equal([0f, 1f, 0f, 0f], sample.Rewards);
        Assert.Equal([1L, 1, 0, 0], sample.AttentionMask);
        Assert.Equal(0f, ((FloatSteps)sample.Observations).Values[3 * 11]);
        Assert.Equal(50f, sample.LossWeight);
    }

    [Theory]
    [InlineData("mujoco-doublependulum", 20f)]
    [InlineData("mujoco-ant", 10f)]
    [InlineData("metaworld-reach", 50f)]
    [InlineData("atari-pong", 1f)]
    [InlineData("babyai-go-to", 1f)]
    [InlineData("oscar", 1f)]
    public void Loss_weights_are_those_of_train_jat(string task, float weight) =>
        Assert.Equal(weight, LossWeights.For(TaskRegistry.Get(task)));

    [Fact]
    public void An_episode_without_rewards_is_dropped()
    {
        var row = Hopper(0);
        Assert.Empty(new JatProcessor(Short).Process(TaskRegistry.Get("mujoco-hopper"), row));
    }

    [Fact]
    public void BabyAI_observations_are_the_148_values_then_the_mission_as_64_gpt2_ids()
    {
        const string mission = "pick up the blue key";
        var row = new Example
        {
            DiscreteObservations = Enumerable.Range(0, 3).Select(t => Enumerable.Range(0, 148).Select(i => (i + t) % 11).ToArray()).ToList(),
            TextObservations = [mission, mission, mission],
            DiscreteActions = [2L, 0L, 5L],
            Rewards = [0f, 0f, 0.9f],
        };

        var sample = Assert.IsType<RlSample>(Assert.Single(new JatProcessor(Short).Process(TaskRegistry.Get("babyai-pickup"), row)));

        var observations = Assert.IsType<IdSteps>(sample.Observations);
        Assert.Equal(212, observations.Width);
        var ids = Gpt2Text.Encode(mission);
        var step2 = observations.Values.AsSpan(2 * 212, 212);
        Assert.Equal(Enumerable.Range(0, 148).Select(i => (long)((i + 2) % 11)), step2[..148].ToArray());
        Assert.Equal(ids.Select(i => (long)i), step2.Slice(148, ids.Count).ToArray());
        Assert.All(step2[(148 + ids.Count)..].ToArray(), id => Assert.Equal(Gpt2Text.PadId, id));
        Assert.Equal([2L, 0L, 5L, 2L], ((IdSteps)sample.Actions).Values);
        Assert.Equal([0f, 0f, 0f, 0f], sample.Rewards);
    }

    [Fact]
    public void Atari_windows_are_32_steps_of_four_planes_whatever_the_model_length()
    {
        var frames = Enumerable.Range(0, 3).Select(t =>
        {
            var stack = new byte[FrameStackPng.Size * FrameStackPng.Size * FrameStackPng.Frames];
            for (var i = 0; i < stack.Length; i++)
                stack[i] = (byte)((i * 7 + t * 50) % 256);
            return FrameStackPng.Encode(stack);
        }).ToList();
        var row = new Example { ImageObservations = frames, DiscreteActions = [1L, 2L, 3L], Rewards = [1f, 0f, 1f] };

        var processor = new JatProcessor(new JatConfig());
        var sample = Assert.IsType<RlSample>(Assert.Single(processor.Process(TaskRegistry.Get("atari-pong"), row)));

        Assert.Equal(32, processor.WindowOf(TaskRegistry.Get("atari-pong")));
        Assert.Equal(32, sample.Steps);
        var planes = Assert.IsType<FrameSteps>(sample.Observations).Values;
        Assert.Equal(32 * FrameStackPlanes.Length, planes.Length);
        // Step 1, frame (channel) 2, pixel (row 3, column 5): byte index (3·84 + 5)·4 + 2 of that step's stack.
        var index = (3 * 84 + 5) * 4 + 2;
        var expected = ((byte)((index * 7 + 50) % 256) / 255f - 0.5f) / 0.5f;
        Assert.Equal(expected, planes[FrameStackPlanes.Length + 2 * 84 * 84 + 3 * 84 + 5]);
        Assert.Equal(planes.AsSpan(0, FrameStackPlanes.Length).ToArray(), planes.AsSpan(31 * FrameStackPlanes.Length, FrameStackPlanes.Length).ToArray());
        Assert.Equal(3, sample.AttentionMask.Sum());
    }

    [Fact]
    public void Text_is_cut_into_windows_of_the_model_length_padded_with_the_window_first_token()
    {
        const string text = "one two three four five six seven eight nine ten";
        var ids = Gpt2Text.Encode(text);
        Assert.Equal(10, ids.Count);

        var samples = new JatProcessor(Short).Process(TaskRegistry.Get("oscar"), new Example { Text = text }).Cast<TextSample>().ToList();

        Assert.Equal(2, samples.Count);
        Assert.Equal(ids.Take(8).Select(i => (long)i), samples[0].InputIds);
        Assert.Equal([ids[8], ids[9], ids[8], ids[8], ids[8], ids[8], ids[8], ids[8]], samples[1].InputIds.Select(i => (int)i));
        Assert.Equal([1L, 1, 0, 0, 0, 0, 0, 0], samples[1].AttentionMask);
        Assert.Null(samples[0].PixelValues);
    }

    [Fact]
    public void Image_text_samples_keep_196_positions_for_the_picture()
    {
        var config = new JatConfig { MaxPositionEmbeddings = 200 };
        using var image = new Image<Rgb24>(30, 20, new Rgb24(200, 10, 90));
        using var png = new MemoryStream();
        image.SaveAsPng(png);

        var processor = new JatProcessor(config);
        var task = TaskRegistry.Get("conceptual-captions");
        var sample = Assert.IsType<TextSample>(Assert.Single(processor.Process(task, new Example { Text = "a red square", Image = png.ToArray() })));

        Assert.Equal(4, processor.WindowOf(task));
        Assert.Equal(4, sample.InputIds.Length);
        Assert.Equal(ClipImagePreprocessor.Length, sample.PixelValues!.Length);
        Assert.Equal(ClipImagePreprocessor.Process(png.ToArray()), sample.PixelValues);
    }

    [Fact]
    public void A_task_the_model_cannot_embed_is_named_in_one_line()
    {
        var row = new Example
        {
            ContinuousObservations = [new float[400]],
            ContinuousActions = [new float[2]],
            Rewards = [1f],
        };

        var e = Assert.Throws<InvalidDataException>(() => new JatProcessor(Short).Process(TaskRegistry.Get("mujoco-humanoid"), row).ToList());

        Assert.Contains("mujoco-humanoid", e.Message);
        Assert.Contains("max_continuous_size", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Samples_of_a_task_stack_into_the_network_inputs()
    {
        var processor = new JatProcessor(Short);
        var samples = processor.Process(TaskRegistry.Get("mujoco-hopper"), Hopper(6)).ToList();

        var inputs = Assert.IsType<RlInputs>(SampleBatch.Collate(samples));

        Assert.Equal([2L, 4, 11], inputs.Observations.Values.shape);
        Assert.Equal([2L, 4, 3], inputs.Actions.Values.shape);
        Assert.Equal([2L, 4], inputs.Rewards.shape);
        Assert.Equal(new long[] { 1, 1, 1, 1, 1, 1, 0, 0 }, inputs.AttentionMask!.data<long>().ToArray());
        Assert.All(inputs.LossWeight!.data<float>().ToArray(), w => Assert.Equal(10f, w));
        Assert.Equal(501f, inputs.Observations.Values[1, 1, 1].item<float>());
    }

    [Fact]
    public void A_batch_of_two_tasks_is_refused()
    {
        var processor = new JatProcessor(Short);
        var a = processor.Process(TaskRegistry.Get("mujoco-hopper"), Hopper(2)).Single();
        var b = processor.Process(TaskRegistry.Get("mujoco-walker"), Hopper(2)).Single();

        var e = Assert.Throws<ArgumentException>(() => SampleBatch.Collate([a, b]));
        Assert.Contains("mujoco-walker", e.Message);
    }
}
