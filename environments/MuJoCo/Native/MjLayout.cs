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
    public const int ModelNjnt = 20;
    public const int ModelNgeom = 24;
    public const int ModelNeq = 112;
    public const int ModelNmocap = 156;
    public const int ModelTimestep = 232;
    public const int ModelQpos0 = 1096;
    public const int ModelBodyMass = 1240;
    public const int ModelBodyPos = 1208;
    public const int ModelBodyMocapid = 1136;
    public const int ModelJntQposadr = 1288;
    public const int ModelJntDofadr = 1296;
    public const int ModelSitePos = 1720;
    public const int ModelEqType = 2456;
    public const int ModelEqData = 2504;
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
    public const int DataQaccWarmstart = 40400;
    public const int DataMocapPos = 40432;
    public const int DataMocapQuat = 40440;
    public const int DataXquat = 40488;
    public const int DataXmat = 40496;
    public const int DataGeomXpos = 40536;
    public const int DataGeomXmat = 40544;
    public const int DataNcon = 40332;
    public const int DataContact = 40752;
    public const int DataEfcForce = 41120;

    // mjContact: one detected contact, of which mjData holds ncon.
    public const int ContactSize = 528;
    public const int ContactGeom1 = 508;
    public const int ContactGeom2 = 512;
    public const int ContactEfcAddress = 520;

    // mjVFS: the virtual file system mj_loadXML reads before the disk (meshes and textures, not includes).
    public const int VfsSize = 2024008;
    public const int VfsFiledata = 2008008;

    /// <summary>Numbers per equality constraint (<c>mjNEQDATA</c>): 11 since 2.2.2, 7 in 2.1.</summary>
    public const int EqDataSize = 11;

    /// <summary>The MuJoCo object type of bodies, for <c>mj_name2id</c>.</summary>
    public const int ObjectBody = 1;
}
