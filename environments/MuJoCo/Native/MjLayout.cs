namespace Jat.Environments.MuJoCo.Native;

/// <summary>
/// Byte offsets into MuJoCo 2.2.2's <c>mjModel</c> and <c>mjData</c> structs (x86-64), measured with
/// <c>offsetof</c> on the 2.2.2 headers by <c>layout-check.c</c>. They hold for this version only, which is why the
/// library's version is checked before any of them is used; a test recompiles the probe where the headers are
/// installed and compares.
/// </summary>
internal static class MjLayout
{
    public const int Version = 222;

    // mjModel: sizes, then mjOption, then the pointers to the model's arrays.
    public const int ModelNq = 0;
    public const int ModelNv = 4;
    public const int ModelNu = 8;
    public const int ModelNa = 12;
    public const int ModelNbody = 16;
    public const int ModelNsite = 28;
    public const int ModelTimestep = 232;
    public const int ModelQpos0 = 1096;
    public const int ModelBodyMass = 1240;
    public const int ModelActuatorCtrlRange = 2792;

    // mjData: the pointers to the simulation state's arrays.
    public const int DataTime = 40336;
    public const int DataQpos = 40376;
    public const int DataQvel = 40384;
    public const int DataAct = 40392;
    public const int DataCtrl = 40408;
    public const int DataXpos = 40480;
    public const int DataXipos = 40504;
    public const int DataSiteXpos = 40552;
    public const int DataCinert = 40616;
    public const int DataCvel = 40960;
    public const int DataQfrcActuator = 41088;
    public const int DataQfrcConstraint = 41136;
    public const int DataCfrcExt = 41168;

    /// <summary>The MuJoCo object type of bodies, for <c>mj_name2id</c>.</summary>
    public const int ObjectBody = 1;
}
