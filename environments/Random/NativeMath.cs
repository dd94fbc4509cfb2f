using System.Runtime.InteropServices;

namespace Jat.Environments.Random;

/// <summary>
/// The C library's <c>log1p</c>, which numpy's ziggurat tail calls. .NET's <c>double.LogP1</c> computes
/// <c>log(1 + x)</c>, which differs in the last bits, and the tail needs numpy's exact values.
/// </summary>
internal static partial class NativeMath
{
    [LibraryImport("libm.so.6", EntryPoint = "log1p")]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static partial double CLog1P(double x);

    public static double Log1P(double x) => CLog1P(x);
}
