using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Jat.Experts.Torch;

/// <summary>
/// Makes libtorch's CPU matrix products (Intel MKL) give the same bits on every run. By default MKL picks its code path
/// at run time, partly from how the buffers happen to be aligned, so a batched forward pass could round differently
/// from one run to the next: measured here, one collection in three differed between one and two threads. MKL's
/// conditional numerical reproducibility (<c>MKL_CBWR=COMPATIBLE</c>) fixes the path; it must be in the process's
/// environment before MKL first runs, which this module initialiser does unless the user set it.
/// </summary>
internal static partial class ReproducibleMath
{
    private const string Variable = "MKL_CBWR";

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "It must run before any code of this library can start libtorch.")]
    internal static void FixMklCodePath()
    {
        // .NET keeps its own copy of the environment on Unix: native code only sees what setenv writes.
        if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(Variable) is null)
        {
            _ = SetEnvironment(Variable, "COMPATIBLE", overwrite: 0);
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
