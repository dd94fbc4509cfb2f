using System.Globalization;
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace Jat.Experts.Checkpoints;

/// <summary>
/// One expert in one file: a first line <c>JAT-EXPERT &lt;format&gt; &lt;header bytes&gt;</c>, the header as JSON
/// (task, algorithm, settings, layouts, normalisation statistics), a newline, then the network's weights in
/// TorchSharp's format. <c>head -c</c> on the file shows everything but the weights.
/// </summary>
public sealed class Checkpoint : IDisposable
{
    private const string Magic = "JAT-EXPERT";

    public Checkpoint(CheckpointHeader header, nn.Module network)
    {
        Header = header ?? throw new ArgumentNullException(nameof(header));
        Network = network ?? throw new ArgumentNullException(nameof(network));
    }

    /// <summary>
    /// The policy as <paramref name="network"/> stands: a fresh CPU network of the kind <paramref name="header"/> names,
    /// with its weights copied in, so that a learner goes on training its own (on any device) while the copy is saved
    /// or plays.
    /// </summary>
    public static Checkpoint Of(CheckpointHeader header, nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new Checkpoint(header, PolicyNetworks.Create(header, network));
    }

    public CheckpointHeader Header { get; }

    /// <summary>The network (<see cref="Policies.ActorCritic"/> for PPO, <see cref="Policies.QNetwork"/> for DQN), on the CPU.</summary>
    public nn.Module Network { get; }

    /// <summary>Writes the file beside its destination and moves it into place, so a crash never leaves half a checkpoint.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".partial";
        using (var file = File.Create(temporary))
        {
            var header = JsonSerializer.SerializeToUtf8Bytes(Header, CheckpointJson.Options);
            file.Write(Encoding.ASCII.GetBytes(
                string.Create(CultureInfo.InvariantCulture, $"{Magic} {Header.Format} {header.Length}\n")));
            file.Write(header);
            file.WriteByte((byte)'\n');
            using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
            {
                Network.save(writer);
            }
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static Checkpoint Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.OpenRead(path);
        var header = ReadHeader(file, path);
        var network = PolicyNetworks.Create(header);
        try
        {
            using var reader = new BinaryReader(file, Encoding.UTF8, leaveOpen: true);
            network.load(reader, strict: true);
        }
        catch
        {
            network.Dispose();
            throw;
        }
        return new Checkpoint(header, network);
    }

    /// <summary>Reads only the header (cheap: no weights, no libtorch).</summary>
    public static CheckpointHeader LoadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.OpenRead(path);
        return ReadHeader(file, path);
    }

    public void Dispose() => Network.Dispose();

    private static CheckpointHeader ReadHeader(Stream file, string path)
    {
        var line = new StringBuilder();
        int b;
        while ((b = file.ReadByte()) is not -1 and not '\n')
        {
            if (line.Length > 64)
            {
                break;
            }
            line.Append((char)b);
        }
        var parts = line.ToString().Split(' ');
        if (parts.Length != 3 || parts[0] != Magic
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var format)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new InvalidDataException($"{path} is not a Jat expert checkpoint (it does not start with '{Magic}').");
        }
        if (format != CheckpointHeader.CurrentFormat)
        {
            throw new InvalidDataException(
                $"{path} has checkpoint format {format}; this Jat reads format {CheckpointHeader.CurrentFormat}.");
        }
        var json = new byte[length];
        file.ReadExactly(json);
        if (file.ReadByte() != '\n')
        {
            throw new InvalidDataException($"{path}: the header is not followed by a newline; the file is damaged.");
        }
        return JsonSerializer.Deserialize<CheckpointHeader>(json, CheckpointJson.Options)
            ?? throw new InvalidDataException($"{path}: empty header.");
    }
}
