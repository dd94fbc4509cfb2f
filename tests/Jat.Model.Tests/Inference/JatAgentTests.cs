using Jat.Environments;
using Jat.Model.Configuration;
using Jat.Model.Inference;
using Jat.Model.Network;
using static TorchSharp.torch;
using EnvContinuous = Jat.Environments.ContinuousActions;
using EnvDiscrete = Jat.Environments.DiscreteActions;

namespace Jat.Model.Tests.Inference;

/// <summary>get_next_action with its KV cache predicts what a forward pass over the whole episode predicts.</summary>
public sealed class JatAgentTests
{
    private static readonly EnvironmentSpec Hopper = new("mujoco-hopper", "Hopper-v4", new ObservationLayout(11),
        new EnvContinuous(Enumerable.Repeat(-1.0, 3).ToList(), Enumerable.Repeat(1.0, 3).ToList()), 1000);

    private static readonly EnvironmentSpec BabyAI = new("babyai-go-to", "BabyAI-GoTo-v0", new ObservationLayout(0, 148, HasText: true),
        new EnvDiscrete(7), 1000);

    private static Observation HopperObservation(int t)
    {
        var o = new Observation(Hopper.Observation);
        for (var i = 0; i < 11; i++)
            o.Continuous[i] = Math.Sin(t * 1.3 + i) * 2;
        return o;
    }

    [Fact]
    public void Continuous_actions_with_the_cache_equal_those_of_a_pass_over_the_whole_episode()
    {
        random.manual_seed(5);
        using var model = new JatModel(ModelPresets.Get("tiny") with { MaxPositionEmbeddings = 64 });
        using var agent = new JatAgent(model, Hopper);
        const int steps = 6;
        var actions = new float[steps][];
        var rewards = new float[steps];
        for (var t = 0; t < steps; t++)
        {
            actions[t] = new float[3];
            rewards[t] = t == 0 ? 0f : 0.25f * t;
            agent.Act(HopperObservation(t), t == 0 ? null : rewards[t], actions[t]);
        }

        // The same episode at once: o_t with r_t, the chosen actions, a placeholder 0 for the last.
        var observations = Enumerable.Range(0, steps).SelectMany(t => HopperObservation(t).Continuous.Select(v => (float)v)).ToArray();
        var taken = actions.Take(steps - 1).SelectMany(a => a).Concat(new float[3]).ToArray();
        using var noGrad = no_grad();
        var whole = model.Forward(new RlInputs(
            new ContinuousObservations(tensor(observations, [1, steps, 11])),
            new Jat.Model.Network.ContinuousActions(tensor(taken, [1, steps, 3])),
            tensor(rewards, [1, steps])), computeLoss: false);
        for (var t = 0; t < steps; t++)
            for (var i = 0; i < 3; i++)
                Assert.Equal(whole.PredictedActions![0, t, i].item<float>(), actions[t][i], 1e-5f);
    }

    [Fact]
    public void Deterministic_discrete_actions_are_the_argmax_of_the_first_n_logits()
    {
        random.manual_seed(6);
        using var model = new JatModel(ModelPresets.Get("tiny") with { MaxPositionEmbeddings = 64 });
        using var agent = new JatAgent(model, BabyAI, new JatAgentOptions(Deterministic: true));
        var observation = new Observation(BabyAI.Observation) { Text = "go to the red ball" };
        for (var i = 0; i < 148; i++)
            observation.Discrete[i] = i % 6;

        var first = agent.Act(observation, null);

        var ids = new long[212];
        for (var i = 0; i < 148; i++)
            ids[i] = i % 6;
        var mission = new long[64];
        Jat.Model.Processing.Gpt2Text.EncodeMission("go to the red ball", mission);
        mission.CopyTo(ids, 148);
        using var noGrad = no_grad();
        var logits = model.Forward(new RlInputs(new DiscreteObservations(tensor(ids, [1, 1, 212])),
            new Jat.Model.Network.DiscreteActions(tensor(new long[] { 0 }, [1, 1])), zeros(1, 1)), computeLoss: false).PredictedActions!;
        Assert.Equal(logits[0, 0, TensorIndex.Slice(null, 7)].argmax().item<long>(), first);
        Assert.InRange(first, 0, 6);
    }

    [Fact]
    public void Drawn_actions_follow_the_seed_and_stay_in_the_action_space()
    {
        random.manual_seed(8);
        using var model = new JatModel(ModelPresets.Get("tiny") with { MaxPositionEmbeddings = 64 });
        int[] Play(ulong seed)
        {
            using var agent = new JatAgent(model, BabyAI, new JatAgentOptions(Seed: seed));
            var observation = new Observation(BabyAI.Observation) { Text = "open the door" };
            return Enumerable.Range(0, 12).Select(t => agent.Act(observation, t == 0 ? null : 0f)).ToArray();
        }

        var a = Play(1);
        Assert.Equal(a, Play(1));
        Assert.All(a, x => Assert.InRange(x, 0, 6));
    }

    [Theory]
    [InlineData(null, new long[] { 0, 2, 4, 4, 4, 4 })]
    [InlineData(2, new long[] { 0, 2, 2, 2, 2, 2 })]
    public void The_cache_keeps_whole_steps_within_the_positions_and_the_context_window(int? window, long[] expected)
    {
        random.manual_seed(9);
        // 8 positions: the cache keeps at most 8 − 2 positions, then drops the new observation and its placeholder.
        using var model = new JatModel(ModelPresets.Get("tiny") with { MaxPositionEmbeddings = 8 });
        using var agent = new JatAgent(model, Hopper, new JatAgentOptions(ContextWindow: window));
        var action = new float[3];
        var lengths = new long[expected.Length];
        for (var t = 0; t < expected.Length; t++)
        {
            agent.Act(HopperObservation(t), t == 0 ? null : 1f, action);
            lengths[t] = agent.CachedPositions;
        }
        Assert.Equal(expected, lengths);

        agent.Reset();
        Assert.Equal(0, agent.CachedPositions);
    }

    [Fact]
    public void An_environment_the_model_cannot_embed_is_refused_naming_the_task()
    {
        using var model = new JatModel(ModelPresets.Get("tiny"));
        var spec = Hopper with { Task = "mujoco-huge", Observation = new ObservationLayout(500) };
        var e = Assert.Throws<InvalidDataException>(() => new JatAgent(model, spec));
        Assert.Contains("mujoco-huge", e.Message);
    }
}
