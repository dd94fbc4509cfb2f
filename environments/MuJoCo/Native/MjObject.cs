namespace Jat.Environments.MuJoCo.Native;

/// <summary>MuJoCo 2.2.2's object types (<c>mjtObj</c>), for <see cref="MjSimulation.IdOf"/>.</summary>
public static class MjObject
{
    public const int Body = 1;
    public const int Joint = 3;
    public const int Geom = 5;
    public const int Site = 6;

    /// <summary>MuJoCo's weld equality type (<c>mjEQ_WELD</c>).</summary>
    public const int WeldEquality = 1;

    internal static string Name(int type) => type switch
    {
        Body => "body",
        Joint => "joint",
        Geom => "geom",
        Site => "site",
        _ => $"object of type {type}",
    };
}
