using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Jat.Environments.Families;

namespace Jat.Environments.MuJoCo.Native;

/// <summary>
/// Loads the MuJoCo library once, checks that it is the 2.2.2 whose struct layout <see cref="MjLayout"/> describes,
/// and routes MuJoCo's errors and warnings to Jat: by default MuJoCo would append warnings to a
/// <c>MUJOCO_LOG.TXT</c> in the working directory and, on an error, wait for Enter and exit.
/// </summary>
internal static unsafe class MuJoCoLibrary
{
    private static readonly Lock Gate = new();
    private static bool _ready;
    private static int _warnings;
    private static string? _lastWarning;

    /// <summary>How many warnings MuJoCo has raised in this process (unstable simulations, too many contacts…).</summary>
    public static int WarningCount => Volatile.Read(ref _warnings);

    /// <summary>The text of the last warning, if any.</summary>
    public static string? LastWarning => Volatile.Read(ref _lastWarning);

    /// <summary>Throws <see cref="MuJoCoUnavailableException"/> with what to do if the library cannot be used.</summary>
    public static void EnsureLoaded()
    {
        if (Volatile.Read(ref _ready))
        {
            return;
        }
        lock (Gate)
        {
            if (_ready)
            {
                return;
            }
            var path = Environment.GetEnvironmentVariable("JAT_MUJOCO_LIBRARY");
            var name = string.IsNullOrEmpty(path) ? MuJoCoNative.LibraryName : path;
            if (!NativeLibrary.TryLoad(name, typeof(MuJoCoLibrary).Assembly, null, out var handle))
            {
                throw new MuJoCoUnavailableException(string.IsNullOrEmpty(path)
                    ? $"the MuJoCo 2.2.2 library ({MuJoCoNative.LibraryName}) is not installed. Run ./scripts/setup, or "
                      + "`sudo apt-get install libmujoco2.2.2` on Debian 12, or set JAT_MUJOCO_LIBRARY to the library's path."
                    : $"JAT_MUJOCO_LIBRARY={path} could not be loaded (missing file or not a shared library). Point it at "
                      + "libmujoco.so.2.2.2, or unset it to use the Debian package.");
            }
            MuJoCoNative.UseLibraryFromEnvironment();
            var version = MuJoCoNative.mj_version();
            if (version != MjLayout.Version)
            {
                throw new MuJoCoUnavailableException(
                    $"{name} is MuJoCo {version / 100}.{version / 10 % 10}.{version % 10}, but Jat is built for MuJoCo 2.2.2 "
                    + "(its struct layout and its physics, which the reference traces were made with). Install "
                    + "libmujoco2.2.2 or point JAT_MUJOCO_LIBRARY at it.");
            }
            *(nint*)NativeLibrary.GetExport(handle, "mju_user_error") = (nint)(delegate* unmanaged[Cdecl]<byte*, void>)&OnError;
            *(nint*)NativeLibrary.GetExport(handle, "mju_user_warning") = (nint)(delegate* unmanaged[Cdecl]<byte*, void>)&OnWarning;
            Volatile.Write(ref _ready, true);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnError(byte* message)
    {
        // MuJoCo cannot continue after an error and an exception must not unwind through its frames: say what
        // happened and end the process, instead of MuJoCo's own "Press Enter to exit".
        Console.Error.WriteLine($"jat: MuJoCo stopped with an internal error: {Text(message)}");
        Environment.Exit(70);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnWarning(byte* message)
    {
        Interlocked.Increment(ref _warnings);
        Volatile.Write(ref _lastWarning, Text(message));
    }

    private static string Text(byte* message) =>
        message == null ? "" : Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(message));
}

/// <summary>The MuJoCo library is missing or is not the version Jat needs.</summary>
public sealed class MuJoCoUnavailableException(string message) : EnvironmentUnavailableException(message);

/// <summary>A model file MuJoCo refused, with MuJoCo's own explanation: the task cannot run with it.</summary>
public sealed class MuJoCoModelException(string message) : EnvironmentUnavailableException(message);
