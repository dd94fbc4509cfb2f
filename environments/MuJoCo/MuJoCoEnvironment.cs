using System.Security.Cryptography;
using Jat.Environments.MuJoCo.Native;
using Jat.Environments.Random;

namespace Jat.Environments.MuJoCo;

/// <summary>
/// What every gymnasium v4 MuJoCo environment shares: the model and its state, the action applied as control for
/// <c>frame_skip</c> physics steps followed by <c>mj_rnePostConstraint</c>, <c>set_state</c>, the seeded generator
/// behind the reset noise, and the time limit. Subclasses hold only their task: observation, reward, termination
/// and reset noise.
/// </summary>
public abstract class MuJoCoEnvironment : IContinuousEnvironment
{
    private readonly double[] _initQpos;
    private readonly double[] _initQvel;
    private readonly double[] _infoValues;
    private NumpyGenerator? _random;
    private int _elapsedSteps;

    private protected MuJoCoEnvironment(
        string task, string envId, string model, int frameSkip, int observationSize, int maxEpisodeSteps, string[] infoNames)
    {
        ModelName = model;
        Simulation = MuJoCoModels.Load(model);
        FrameSkip = frameSkip;
        Dt = Simulation.Timestep * frameSkip;
        _initQpos = Simulation.Qpos.ToArray();
        _initQvel = Simulation.Qvel.ToArray();
        InfoNames = infoNames;
        _infoValues = new double[infoNames.Length];
        var range = Simulation.CtrlRange;
        var low = new double[Simulation.Nu];
        var high = new double[Simulation.Nu];
        for (var i = 0; i < low.Length; i++)
        {
            // gymnasium's action space is the control range cast to float32.
            low[i] = (float)range[2 * i];
            high[i] = (float)range[(2 * i) + 1];
        }
        var layout = new ObservationLayout(observationSize);
        Spec = new EnvironmentSpec(task, envId, layout, new ContinuousActions(low, high), maxEpisodeSteps);
        Observation = new Observation(layout);
    }

    public EnvironmentSpec Spec { get; }

    public Observation Observation { get; }

    /// <summary>The names of the numeric <c>info</c> entries gymnasium's <c>step</c> returns for this environment.</summary>
    public IReadOnlyList<string> InfoNames { get; }

    /// <summary>The values of <see cref="InfoNames"/> after the last step.</summary>
    public ReadOnlySpan<double> InfoValues => _infoValues;

    /// <summary>The simulated time between two steps: the model's timestep times the frame skip.</summary>
    public double Dt { get; }

    /// <summary>Steps taken in the current episode.</summary>
    public int ElapsedSteps => _elapsedSteps;

    internal MjSimulation Simulation { get; }

    public int FrameSkip { get; }

    /// <summary>The name of the model file this environment runs (<c>hopper</c> for <c>hopper.xml</c>).</summary>
    public string ModelName { get; }

    /// <summary>The state right after the model was compiled, which the reset noise is added to.</summary>
    private protected ReadOnlySpan<double> InitQpos => _initQpos;

    private protected ReadOnlySpan<double> InitQvel => _initQvel;

    /// <summary>The pusher writes its object's last position into this state, as gymnasium's does (it aliases it).</summary>
    private protected Span<double> MutableInitQpos => _initQpos;

    private protected NumpyGenerator Random => _random ?? throw new InvalidOperationException("Reset the environment first.");

    public void Reset(ulong? seed = null)
    {
        if (seed is { } value)
        {
            _random = new NumpyGenerator(value);
        }
        else
        {
            _random ??= new NumpyGenerator(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1);
        }
        Simulation.ResetData();
        ResetModel();
        _elapsedSteps = 0;
        Array.Clear(_infoValues);
        WriteObservation(Observation.Continuous);
    }

    public Transition Step(ReadOnlySpan<float> action)
    {
        if (_random is null)
        {
            throw new InvalidOperationException($"{Spec.EnvId}: call Reset before Step.");
        }
        var size = Spec.Actions is ContinuousActions actions ? actions.Size : 0;
        if (action.Length != size)
        {
            throw new ArgumentException($"{Spec.EnvId} takes actions of {size} numbers, not {action.Length}.", nameof(action));
        }
        for (var i = 0; i < action.Length; i++)
        {
            if (!float.IsFinite(action[i]))
            {
                throw new ArgumentException(
                    $"{Spec.EnvId}: action[{i}] is {action[i]}; actions must be finite numbers (a policy that outputs NaN "
                    + "has usually diverged).", nameof(action));
            }
        }
        var (reward, terminated) = StepModel(action, _infoValues);
        _elapsedSteps++;
        WriteObservation(Observation.Continuous);
        return new Transition(reward, terminated, _elapsedSteps >= Spec.MaxEpisodeSteps);
    }

    /// <summary>
    /// gymnasium's <c>set_state</c>: writes the positions and velocities and recomputes everything derived from them.
    /// </summary>
    public void SetState(ReadOnlySpan<double> qpos, ReadOnlySpan<double> qvel)
    {
        if (qpos.Length != Simulation.Nq || qvel.Length != Simulation.Nv)
        {
            throw new ArgumentException(
                $"{Spec.EnvId} has {Simulation.Nq} positions and {Simulation.Nv} velocities, not {qpos.Length} and {qvel.Length}.");
        }
        qpos.CopyTo(Simulation.Qpos);
        qvel.CopyTo(Simulation.Qvel);
        Simulation.Forward();
    }

    /// <summary>Puts a recorded state in the way gymnasium's reset does (fresh data, then the state), and observes it.</summary>
    public void ResetToState(ReadOnlySpan<double> qpos, ReadOnlySpan<double> qvel)
    {
        _random ??= new NumpyGenerator(0);
        Simulation.ResetData();
        SetState(qpos, qvel);
        _elapsedSteps = 0;
        Array.Clear(_infoValues);
        WriteObservation(Observation.Continuous);
    }

    /// <summary>The current positions (<c>qpos</c>).</summary>
    public ReadOnlySpan<double> Qpos => Simulation.Qpos;

    /// <summary>The current velocities (<c>qvel</c>).</summary>
    public ReadOnlySpan<double> Qvel => Simulation.Qvel;

    public void Dispose()
    {
        Simulation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Applies the action and returns the reward and whether the episode terminated; fills the info values.</summary>
    private protected abstract (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info);

    /// <summary>gymnasium's <c>reset_model</c>: draws the reset noise from <see cref="Random"/> and sets the state.</summary>
    private protected abstract void ResetModel();

    private protected abstract void WriteObservation(Span<double> observation);

    /// <summary>gymnasium's <c>do_simulation</c>.</summary>
    private protected void DoSimulation(ReadOnlySpan<float> action)
    {
        var ctrl = Simulation.Ctrl;
        for (var i = 0; i < ctrl.Length; i++)
        {
            ctrl[i] = action[i];
        }
        for (var i = 0; i < FrameSkip; i++)
        {
            Simulation.Step();
        }
        Simulation.RnePostConstraint();
    }

    /// <summary>The common reset: uniform noise of the given scale on positions and velocities.</summary>
    private protected void ResetWithUniformNoise(double scale)
    {
        Span<double> qpos = stackalloc double[Simulation.Nq];
        Span<double> qvel = stackalloc double[Simulation.Nv];
        AddUniform(InitQpos, scale, qpos);
        AddUniform(InitQvel, scale, qvel);
        SetState(qpos, qvel);
    }

    /// <summary>Uniform noise on positions, normal noise on velocities, as Ant, HalfCheetah and the double pendulum do.</summary>
    private protected void ResetWithNormalVelocityNoise(double scale)
    {
        Span<double> qpos = stackalloc double[Simulation.Nq];
        Span<double> qvel = stackalloc double[Simulation.Nv];
        AddUniform(InitQpos, scale, qpos);
        for (var i = 0; i < qvel.Length; i++)
        {
            qvel[i] = InitQvel[i] + (scale * Random.StandardNormal());
        }
        SetState(qpos, qvel);
    }

    private protected void AddUniform(ReadOnlySpan<double> initial, double scale, Span<double> into)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = initial[i] + Random.Uniform(-scale, scale);
        }
    }

    private protected static void Clip(ReadOnlySpan<double> values, double limit, Span<double> into)
    {
        for (var i = 0; i < values.Length; i++)
        {
            into[i] = Math.Clamp(values[i], -limit, limit);
        }
    }
}
