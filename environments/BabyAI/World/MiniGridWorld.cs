using System.Security.Cryptography;
using Jat.Environments.Random;

namespace Jat.Environments.BabyAI.World;

/// <summary>
/// MiniGrid's world: the grid, the agent (position, direction, what it carries), the seven actions with MiniGrid's
/// rules, the step limit, the success reward, the egocentric view, and the random draws level generators make. Every
/// draw goes through numpy's generator with the bounds MiniGrid uses, so a seeded reset lays out what MiniGrid does.
/// </summary>
internal abstract class MiniGridWorld : IRenderable
{
    private NumpyGenerator? _random;

    protected MiniGridWorld(int width, int height)
    {
        Width = width;
        Height = height;
        Grid = new Grid(width, height);
    }

    public int Width { get; }

    public int Height { get; }

    public Grid Grid { get; protected set; }

    public GridPosition AgentPosition { get; set; } = GridPosition.Nowhere;

    /// <summary>0 facing +x (right), 1 +y (down), 2 −x (left), 3 −y (up); −1 before placement.</summary>
    public int AgentDirection { get; set; } = -1;

    public WorldObject? Carrying { get; set; }

    /// <summary>Steps taken in this episode.</summary>
    public int StepCount { get; protected set; }

    /// <summary>The step at which the episode is truncated.</summary>
    public int MaxSteps { get; protected set; }

    /// <summary>The agent's view after the last <see cref="UpdateView"/> (every reset and step updates it).</summary>
    public EgocentricView View { get; } = new();

    public GridPosition DirectionVector => Directions.Vector(AgentDirection);

    public GridPosition RightVector => Directions.Right(AgentDirection);

    /// <summary>The cell right in front of the agent.</summary>
    public GridPosition FrontPosition => AgentPosition + DirectionVector;

    /// <summary>The generator behind every layout draw; reseeded by a seeded reset.</summary>
    public NumpyGenerator Random => _random ?? throw new InvalidOperationException("Reset the environment first.");

    /// <summary>
    /// gymnasium's seeding: a seed restarts the stream; no seed continues it, or seeds from entropy the first time.
    /// </summary>
    protected void Seed(ulong? seed)
    {
        if (seed is { } value)
        {
            _random = new NumpyGenerator(value);
        }
        else
        {
            _random ??= new NumpyGenerator(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1);
        }
    }

    /// <summary>MiniGrid's success reward: <c>1 − 0.9 · step_count / max_steps</c>.</summary>
    public double SuccessReward() => 1 - (0.9 * ((double)StepCount / MaxSteps));

    /// <summary>Recomputes <see cref="View"/> from the agent's state.</summary>
    public void UpdateView() => View.Update(Grid, AgentPosition, AgentDirection, Carrying);

    /// <summary>Whether world cell (x, y) lies inside the agent's 7×7 view square (visible or not).</summary>
    public bool InView(int x, int y)
    {
        var (vx, vy) = EgocentricView.ViewCoordinates(AgentPosition, AgentDirection, x, y);
        return (uint)vx < EgocentricView.Size && (uint)vy < EgocentricView.Size;
    }

    /// <summary>
    /// Writes JAT's discrete observation: the direction, then the view's 7×7×3 encoding (148 ints). Updates the view first.
    /// </summary>
    public void WriteObservation(Span<int> observation)
    {
        UpdateView();
        observation[0] = AgentDirection;
        View.Encode(observation[1..]);
    }

    /// <summary>
    /// MiniGrid's <c>step</c> rules: turn, move unless blocked (goal and lava end the episode), pick up into empty hands,
    /// drop onto an empty cell, toggle doors (a locked door needs a key of its colour in hand) and boxes (replaced by their
    /// contents); the step limit truncates.
    /// </summary>
    protected (double Reward, bool Terminated, bool Truncated) ApplyAction(int action)
    {
        if ((uint)action > (uint)MiniGridAction.Done)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "MiniGrid actions are 0 to 6");
        }
        StepCount++;
        var reward = 0.0;
        var terminated = false;
        var front = FrontPosition;
        var ahead = Grid.Get(front.X, front.Y);
        switch ((MiniGridAction)action)
        {
            case MiniGridAction.Left:
                AgentDirection = (AgentDirection + 3) % 4;
                break;
            case MiniGridAction.Right:
                AgentDirection = (AgentDirection + 1) % 4;
                break;
            case MiniGridAction.Forward:
                if (ahead is null || ahead.CanOverlap)
                {
                    AgentPosition = front;
                }
                if (ahead is { Type: ObjectType.Goal })
                {
                    terminated = true;
                    reward = SuccessReward();
                }
                if (ahead is { Type: ObjectType.Lava })
                {
                    terminated = true;
                }
                break;
            case MiniGridAction.Pickup:
                if (ahead is { CanPickup: true } && Carrying is null)
                {
                    Carrying = ahead;
                    ahead.CurrentPosition = GridPosition.Nowhere;
                    Grid.Set(front.X, front.Y, null);
                }
                break;
            case MiniGridAction.Drop:
                if (ahead is null && Carrying is { } held)
                {
                    Grid.Set(front.X, front.Y, held);
                    held.CurrentPosition = front;
                    Carrying = null;
                }
                break;
            case MiniGridAction.Toggle:
                if (ahead is not null)
                {
                    Toggle(ahead, front);
                }
                break;
            case MiniGridAction.Done:
                break;
        }
        return (reward, terminated, StepCount >= MaxSteps);
    }

    private void Toggle(WorldObject target, GridPosition position)
    {
        switch (target.Type)
        {
            case ObjectType.Door when target.IsLocked:
                if (Carrying is { Type: ObjectType.Key } key && key.Color == target.Color)
                {
                    target.IsLocked = false;
                    target.IsOpen = true;
                }
                break;
            case ObjectType.Door:
                target.IsOpen = !target.IsOpen;
                break;
            case ObjectType.Box:
                Grid.Set(position.X, position.Y, target.Contains);
                break;
        }
    }

    // The draws below are MiniGrid's _rand_* helpers; each consumes the stream exactly as they do.

    /// <summary><c>_rand_int</c>: an integer in [low, high).</summary>
    public int RandomInt(int low, int high) => (int)Random.Integers(low, high);

    /// <summary><c>_rand_float</c>: a double in [low, high).</summary>
    public double RandomFloat(double low, double high) => Random.Uniform(low, high);

    /// <summary><c>_rand_bool</c>: true when the draw in {0, 1} is 0.</summary>
    public bool RandomBool() => Random.Integers(0, 2) == 0;

    /// <summary><c>_rand_elem</c>: one element, drawn by index.</summary>
    public T RandomElement<T>(IReadOnlyList<T> items) => items[RandomInt(0, items.Count)];

    /// <summary><c>_rand_subset</c>: <paramref name="count"/> distinct elements, drawn one at a time from what is left.</summary>
    public List<T> RandomSubset<T>(IReadOnlyList<T> items, int count)
    {
        if (count > items.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"cannot draw {count} of {items.Count} elements");
        }
        var left = new List<T>(items);
        var chosen = new List<T>(count);
        while (chosen.Count < count)
        {
            var index = RandomInt(0, left.Count);
            chosen.Add(left[index]);
            left.RemoveAt(index);
        }
        return chosen;
    }

    /// <summary><c>_rand_color</c>: a colour drawn from the name-sorted list.</summary>
    public ObjectColor RandomColor() => RandomElement(ObjectColors.Sorted);

    /// <summary>
    /// <c>place_obj</c>: draws cells in the rectangle (clipped to the grid) until one is empty, not the agent's, and not
    /// rejected; after <paramref name="maxTries"/> + 1 failed draws the layout is rejected. A null object only reserves
    /// the cell (as when placing the agent).
    /// </summary>
    public GridPosition PlaceObject(
        WorldObject? obj, GridPosition? top = null, (int Width, int Height)? size = null, bool rejectNextToAgent = false,
        int maxTries = int.MaxValue)
    {
        var origin = top is { } t ? new GridPosition(Math.Max(t.X, 0), Math.Max(t.Y, 0)) : new GridPosition(0, 0);
        var (width, height) = size ?? (Grid.Width, Grid.Height);
        var highX = Math.Min(origin.X + width, Grid.Width);
        var highY = Math.Min(origin.Y + height, Grid.Height);
        long tries = 0;
        GridPosition position;
        while (true)
        {
            if (tries > maxTries)
            {
                throw new LayoutRejectedException("rejection sampling failed in place_obj");
            }
            tries++;
            var x = RandomInt(origin.X, highX);
            var y = RandomInt(origin.Y, highY);
            position = new GridPosition(x, y);
            if (Grid.Get(x, y) is not null || position == AgentPosition)
            {
                continue;
            }
            if (rejectNextToAgent && Math.Abs(AgentPosition.X - x) + Math.Abs(AgentPosition.Y - y) < 2)
            {
                continue;
            }
            break;
        }
        Grid.Set(position, obj);
        if (obj is not null)
        {
            obj.InitialPosition = position;
            obj.CurrentPosition = position;
        }
        return position;
    }

    /// <summary><c>put_obj</c>: puts an object at a given cell.</summary>
    public void PutObject(WorldObject obj, int x, int y)
    {
        Grid.Set(x, y, obj);
        obj.InitialPosition = new GridPosition(x, y);
        obj.CurrentPosition = new GridPosition(x, y);
    }

    /// <summary><c>MiniGridEnv.place_agent</c>: an empty cell of the rectangle, then a random direction if asked.</summary>
    public GridPosition PlaceAgentInRectangle(GridPosition? top, (int Width, int Height)? size, bool randomDirection, int maxTries)
    {
        AgentPosition = GridPosition.Nowhere;
        var position = PlaceObject(null, top, size, rejectNextToAgent: false, maxTries);
        AgentPosition = position;
        if (randomDirection)
        {
            AgentDirection = RandomInt(0, 4);
        }
        return position;
    }

    /// <summary>MiniGrid's look: one 32-pixel tile per cell, the agent as a red triangle.</summary>
    public RgbImage Render() => GridPicture.Draw(this);

    public string? RenderText() => GridText.Render(this);
}
