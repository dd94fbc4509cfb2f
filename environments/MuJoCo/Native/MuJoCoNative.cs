using System.Reflection;
using System.Runtime.InteropServices;

namespace Jat.Environments.MuJoCo.Native;

/// <summary>
/// The few functions of the MuJoCo 2.2.2 C library that Jat calls. The library is Debian 12's <c>libmujoco2.2.2</c>
/// (installed by <c>scripts/setup</c>); <c>JAT_MUJOCO_LIBRARY</c> may name another file with the same ABI.
/// </summary>
internal static unsafe partial class MuJoCoNative
{
    public const string LibraryName = "libmujoco.so.2.2.2";

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint mj_loadXML(string filename, nint vfs, byte* error, int errorSize);

    [LibraryImport(LibraryName)]
    public static partial nint mj_makeData(nint model);

    [LibraryImport(LibraryName)]
    public static partial void mj_deleteData(nint data);

    [LibraryImport(LibraryName)]
    public static partial void mj_deleteModel(nint model);

    [LibraryImport(LibraryName)]
    public static partial void mj_step(nint model, nint data);

    [LibraryImport(LibraryName)]
    public static partial void mj_forward(nint model, nint data);

    [LibraryImport(LibraryName)]
    public static partial void mj_resetData(nint model, nint data);

    [LibraryImport(LibraryName)]
    public static partial void mj_rnePostConstraint(nint model, nint data);

    [LibraryImport(LibraryName)]
    public static partial int mj_version();

    [LibraryImport(LibraryName)]
    public static partial void mj_defaultVFS(nint vfs);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mj_makeEmptyFileVFS(nint vfs, string filename, int filesize);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mj_findFileVFS(nint vfs, string filename);

    [LibraryImport(LibraryName)]
    public static partial void mj_deleteVFS(nint vfs);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mj_name2id(nint model, int type, string name);

    /// <summary>Where <c>JAT_MUJOCO_LIBRARY</c> points the loader instead of the Debian library.</summary>
    public static void UseLibraryFromEnvironment()
    {
        NativeLibrary.SetDllImportResolver(typeof(MuJoCoNative).Assembly, Resolve);
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName)
        {
            return 0;
        }
        var path = Environment.GetEnvironmentVariable("JAT_MUJOCO_LIBRARY");
        return NativeLibrary.Load(string.IsNullOrEmpty(path) ? LibraryName : path, assembly, searchPath);
    }
}
