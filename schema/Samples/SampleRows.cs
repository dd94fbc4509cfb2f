using System.Text;
using Jat.Schema.Columns;
using Jat.Schema.Images;
using Jat.Schema.Tasks;

namespace Jat.Schema.Samples;

/// <summary>
/// Synthetic rows with the exact shape of each task's real data: what <c>jat regenerate</c> writes for a task
/// that has no collector or converter yet, and what tests and benchmarks write. Row <c>i</c> of a task is the
/// same for the same seed, so a resumed writer reproduces an uninterrupted one. The values are noise, not play:
/// they exercise the schema, not the policy.
/// </summary>
public static class SampleRows
{
    private static readonly string[] Words =
    [
        "the", "agent", "opens", "a", "red", "door", "and", "picks", "up", "blue", "ball", "key", "box", "go", "to",
        "put", "next", "grey", "green", "purple", "yellow", "room", "left", "right", "behind", "you", "then", "after",
    ];

    /// <param name="steps">episode length for RL tasks; ignored for text and images</param>
    public static Example Create(TaskSpec task, long index, int seed, int steps)
    {
        var random = new Random(Mix(seed, Stable(task.Name), index));
        return task.Domain switch
        {
            Domain.Atari => Atari(random, steps),
            Domain.BabyAI => BabyAI(random, steps),
            Domain.MetaWorld or Domain.MuJoCo => Continuous(task, random, steps),
            Domain.Text => new Example { Text = Sentence(random, 40 + random.Next(200)) },
            _ => new Example { Image = Picture(random), Text = Sentence(random, 8 + random.Next(12)) },
        };
    }

    /// <summary>Default episode length per domain, short enough that a sample dataset is quick to write.</summary>
    public static int DefaultSteps(Domain domain) => domain switch
    {
        Domain.Atari => 64,
        Domain.MetaWorld => 100,
        _ => 200,
    };

    private static Example Atari(Random random, int steps)
    {
        const int size = FrameStackPng.Size;
        // A game-like screen: a fixed textured playfield (walls, score bar, a noisy band), a few objects that move
        // between frames. Its PNGs weigh what real Atari frame stacks do (a few kB), unlike a blank screen.
        var field = new byte[size * size];
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                field[y * size + x] = (byte)(y < 8 ? 140 + ((x / 4) % 2) * 40 : (x / 12 + y / 12) % 3 == 0 ? 60 : y > 70 ? random.Next(90) : 20);
        var objects = Enumerable.Range(0, 5).Select(_ => (X: random.Next(size), Y: 10 + random.Next(60), Dx: random.Next(-2, 3), Dy: random.Next(-2, 3))).ToArray();
        var frames = new byte[steps][];
        var history = new byte[FrameStackPng.Frames][];
        for (var f = 0; f < history.Length; f++)
            history[f] = (byte[])field.Clone();
        var stack = new byte[size * size * FrameStackPng.Frames];
        for (var t = 0; t < steps; t++)
        {
            var frame = (byte[])field.Clone();
            for (var o = 0; o < objects.Length; o++)
            {
                var (x, y, dx, dy) = objects[o];
                x = (x + dx + size) % size;
                y = 10 + ((y - 10 + dy + 60) % 60);
                objects[o] = (x, y, dx, dy);
                for (var py = 0; py < 4; py++)
                    for (var px = 0; px < 4; px++)
                        frame[((y + py) % size) * size + (x + px) % size] = (byte)(200 + o * 10);
            }
            Array.Copy(history, 1, history, 0, history.Length - 1);
            history[^1] = frame;
            for (var p = 0; p < size * size; p++)
                for (var f = 0; f < FrameStackPng.Frames; f++)
                    stack[p * FrameStackPng.Frames + f] = history[f][p];
            frames[t] = FrameStackPng.Encode(stack);
        }
        return new Example
        {
            ImageObservations = frames,
            DiscreteActions = Enumerable.Range(0, steps).Select(_ => (long)random.Next(18)).ToArray(),
            Rewards = Enumerable.Range(0, steps).Select(_ => random.Next(10) == 0 ? 1f : 0f).ToArray(),
        };
    }

    private static Example BabyAI(Random random, int steps)
    {
        var mission = Sentence(random, 4 + random.Next(6));
        return new Example
        {
            TextObservations = Enumerable.Repeat(mission, steps).ToArray(),
            DiscreteObservations = Enumerable.Range(0, steps).Select(_ =>
            {
                var view = new int[148];
                view[0] = random.Next(4);
                for (var i = 1; i < view.Length; i++)
                    view[i] = random.Next(11);
                return view;
            }).ToArray(),
            DiscreteActions = Enumerable.Range(0, steps).Select(_ => (long)random.Next(7)).ToArray(),
            Rewards = Enumerable.Range(0, steps).Select(t => t == steps - 1 ? 1f - 0.9f * steps / 1000f : 0f).ToArray(),
        };
    }

    private static Example Continuous(TaskSpec task, Random random, int steps)
    {
        var observation = task.Column(JatColumns.ContinuousObservations)!.VectorWidth!.Value;
        var action = task.Column(JatColumns.ContinuousActions)!.VectorWidth!.Value;
        var state = new float[observation];
        for (var i = 0; i < state.Length; i++)
            state[i] = (float)(random.NextDouble() * 2 - 1);
        var observations = new float[steps][];
        for (var t = 0; t < steps; t++)
        {
            for (var i = 0; i < state.Length; i++)
                state[i] += (float)(random.NextDouble() - 0.5) * 0.1f;
            observations[t] = (float[])state.Clone();
        }
        return new Example
        {
            ContinuousObservations = observations,
            ContinuousActions = Enumerable.Range(0, steps).Select(_ =>
                Enumerable.Range(0, action).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray()).ToArray(),
            Rewards = Enumerable.Range(0, steps).Select(_ => (float)random.NextDouble()).ToArray(),
        };
    }

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
            text.Append(i == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
        return text.ToString();
    }

    /// <summary>A small RGB PNG (a colour gradient), standing in for a photograph.</summary>
    private static byte[] Picture(Random random)
    {
        var width = 32 + random.Next(32);
        var height = 32 + random.Next(32);
        var red = random.Next(256);
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var p = (y * width + x) * 4;
                pixels[p] = (byte)red;
                pixels[p + 1] = (byte)(x * 255 / width);
                pixels[p + 2] = (byte)(y * 255 / height);
                pixels[p + 3] = 255;
            }
        using var image = SixLabors.ImageSharp.Image.LoadPixelData<SixLabors.ImageSharp.PixelFormats.Rgba32>(pixels, width, height);
        using var output = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, output);
        return output.ToArray();
    }

    /// <summary>HashCode.Combine is randomised per process; rows must be the same in every process.</summary>
    private static int Mix(int seed, int task, long index)
    {
        var x = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)task * 0xC2B2AE3D27D4EB4FUL ^ (ulong)index * 0x165667B19E3779F9UL;
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        return (int)(x & 0x7FFFFFFF);
    }

    /// <summary>A hash of a string that is the same in every process (string.GetHashCode is randomised per process).</summary>
    private static int Stable(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }
}
