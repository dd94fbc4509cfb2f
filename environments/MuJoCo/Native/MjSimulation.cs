using System.Runtime.InteropServices;
using System.Text;

namespace Jat.Environments.MuJoCo.Native;

/// <summary>
/// One compiled MuJoCo model with its simulation state (<c>mjModel</c> + <c>mjData</c>). The state arrays are spans
/// over MuJoCo's own memory, so reading and writing them allocates nothing; both structs are freed on dispose (or by
/// the finalizer if a caller forgets).
/// </summary>
public sealed unsafe class MjSimulation : IDisposable
{
    private readonly ModelHandle _model;
    private readonly DataHandle _data;
    private readonly byte* _m;
    private readonly byte* _d;

    private MjSimulation(ModelHandle model, DataHandle data)
    {
        _model = model;
        _data = data;
        _m = (byte*)model.DangerousGetHandle();
        _d = (byte*)data.DangerousGetHandle();
        Nq = *(int*)(_m + MjLayout.ModelNq);
        Nv = *(int*)(_m + MjLayout.ModelNv);
        Nu = *(int*)(_m + MjLayout.ModelNu);
        Na = *(int*)(_m + MjLayout.ModelNa);
        Nbody = *(int*)(_m + MjLayout.ModelNbody);
        Nsite = *(int*)(_m + MjLayout.ModelNsite);
        Njnt = *(int*)(_m + MjLayout.ModelNjnt);
        Ngeom = *(int*)(_m + MjLayout.ModelNgeom);
        Neq = *(int*)(_m + MjLayout.ModelNeq);
        Nmocap = *(int*)(_m + MjLayout.ModelNmocap);
    }

    public int Nq { get; }
    public int Nv { get; }
    public int Nu { get; }
    public int Na { get; }
    public int Nbody { get; }
    public int Nsite { get; }
    public int Njnt { get; }
    public int Ngeom { get; }
    public int Neq { get; }
    public int Nmocap { get; }

    public double Timestep => *(double*)(_m + MjLayout.ModelTimestep);
    public double Time => *(double*)(_d + MjLayout.DataTime);

    public ReadOnlySpan<double> Qpos0 => ModelArray(MjLayout.ModelQpos0, Nq);
    public ReadOnlySpan<double> BodyMass => ModelArray(MjLayout.ModelBodyMass, Nbody);

    /// <summary>The actuators' control ranges, low and high for each actuator in turn.</summary>
    public ReadOnlySpan<double> CtrlRange => ModelArray(MjLayout.ModelActuatorCtrlRange, 2 * Nu);

    /// <summary>Body frames' positions relative to their parents (writable: tasks move objects and goals).</summary>
    public Span<double> BodyPos => new(*(double**)(_m + MjLayout.ModelBodyPos), 3 * Nbody);

    /// <summary>Site positions relative to their bodies (writable).</summary>
    public Span<double> SitePos => new(*(double**)(_m + MjLayout.ModelSitePos), 3 * Nsite);

    /// <summary>The equality constraints' parameters, <see cref="MjLayout.EqDataSize"/> per constraint (writable).</summary>
    public Span<double> EqData => new(*(double**)(_m + MjLayout.ModelEqData), MjLayout.EqDataSize * Neq);

    public ReadOnlySpan<int> EqType => new(*(int**)(_m + MjLayout.ModelEqType), Neq);

    public ReadOnlySpan<int> BodyMocapId => new(*(int**)(_m + MjLayout.ModelBodyMocapid), Nbody);

    public ReadOnlySpan<int> JointQposAddress => new(*(int**)(_m + MjLayout.ModelJntQposadr), Njnt);

    public ReadOnlySpan<int> JointDofAddress => new(*(int**)(_m + MjLayout.ModelJntDofadr), Njnt);

    /// <summary>Sets the simulated time (a recorded state restores it).</summary>
    public void SetTime(double time) => *(double*)(_d + MjLayout.DataTime) = time;

    public Span<double> QaccWarmstart => DataArray(MjLayout.DataQaccWarmstart, Nv);
    public Span<double> MocapPos => DataArray(MjLayout.DataMocapPos, 3 * Nmocap);
    public Span<double> MocapQuat => DataArray(MjLayout.DataMocapQuat, 4 * Nmocap);
    public ReadOnlySpan<double> Xquat => DataArray(MjLayout.DataXquat, 4 * Nbody);
    public ReadOnlySpan<double> Xmat => DataArray(MjLayout.DataXmat, 9 * Nbody);
    public ReadOnlySpan<double> GeomXpos => DataArray(MjLayout.DataGeomXpos, 3 * Ngeom);
    public ReadOnlySpan<double> GeomXmat => DataArray(MjLayout.DataGeomXmat, 9 * Ngeom);

    /// <summary>Writable site positions: gymnasium tasks write them between a step and the next forward pass.</summary>
    public Span<double> SiteXpos => DataArray(MjLayout.DataSiteXpos, 3 * Nsite);

    /// <summary>The contacts found by the last forward pass.</summary>
    public int ContactCount => *(int*)(_d + MjLayout.DataNcon);

    /// <summary>The two geoms of a contact and the address of its first constraint row in <see cref="EfcForce"/>.</summary>
    public (int Geom1, int Geom2, int EfcAddress) Contact(int index)
    {
        var contact = *(byte**)(_d + MjLayout.DataContact) + ((long)index * MjLayout.ContactSize);
        return (*(int*)(contact + MjLayout.ContactGeom1), *(int*)(contact + MjLayout.ContactGeom2),
            *(int*)(contact + MjLayout.ContactEfcAddress));
    }

    /// <summary>One constraint row's force (the rows are those of the last forward pass).</summary>
    public double EfcForce(int row) => (*(double**)(_d + MjLayout.DataEfcForce))[row];

    public Span<double> Qpos => DataArray(MjLayout.DataQpos, Nq);
    public Span<double> Qvel => DataArray(MjLayout.DataQvel, Nv);
    public Span<double> Act => DataArray(MjLayout.DataAct, Na);
    public Span<double> Ctrl => DataArray(MjLayout.DataCtrl, Nu);
    public ReadOnlySpan<double> Xpos => DataArray(MjLayout.DataXpos, 3 * Nbody);
    public ReadOnlySpan<double> Xipos => DataArray(MjLayout.DataXipos, 3 * Nbody);
    public ReadOnlySpan<double> Cinert => DataArray(MjLayout.DataCinert, 10 * Nbody);
    public ReadOnlySpan<double> Cvel => DataArray(MjLayout.DataCvel, 6 * Nbody);
    public ReadOnlySpan<double> QfrcActuator => DataArray(MjLayout.DataQfrcActuator, Nv);
    public ReadOnlySpan<double> QfrcConstraint => DataArray(MjLayout.DataQfrcConstraint, Nv);
    public ReadOnlySpan<double> CfrcExt => DataArray(MjLayout.DataCfrcExt, 6 * Nbody);

    /// <summary>A site's world position.</summary>
    public ReadOnlySpan<double> SitePosition(int site) => DataArray(MjLayout.DataSiteXpos, 3 * Nsite).Slice(3 * site, 3);

    /// <summary>A body's frame position, what gymnasium's <c>get_body_com</c> returns.</summary>
    public ReadOnlySpan<double> BodyPosition(int body) => Xpos.Slice(3 * body, 3);

    /// <summary>Loads an MJCF file; a model MuJoCo refuses raises <see cref="MuJoCoModelException"/> with its reason.</summary>
    public static MjSimulation Load(string path) => Load(path, new Dictionary<string, byte[]>());

    /// <summary>
    /// Loads an MJCF file with files that MuJoCo reads from memory before the disk: a mesh or texture whose file name
    /// (without its folder) is a key is taken from there. MuJoCo 2.2.2 reads included XML files from disk only.
    /// </summary>
    public static MjSimulation Load(string path, IReadOnlyDictionary<string, byte[]> memoryFiles)
    {
        MuJoCoLibrary.EnsureLoaded();
        const int errorSize = 1000;
        var error = stackalloc byte[errorSize];
        var vfs = memoryFiles.Count == 0 ? null : (byte*)NativeMemory.AllocZeroed(MjLayout.VfsSize);
        nint loaded;
        try
        {
            if (vfs != null)
            {
                MuJoCoNative.mj_defaultVFS((nint)vfs);
                foreach (var (name, bytes) in memoryFiles)
                {
                    if (MuJoCoNative.mj_makeEmptyFileVFS((nint)vfs, name, bytes.Length) != 0)
                    {
                        throw new MuJoCoModelException($"MuJoCo's virtual file system refused {name}.");
                    }
                    var index = MuJoCoNative.mj_findFileVFS((nint)vfs, name);
                    bytes.CopyTo(new Span<byte>(((void**)(vfs + MjLayout.VfsFiledata))[index], bytes.Length));
                }
            }
            loaded = MuJoCoNative.mj_loadXML(path, (nint)vfs, error, errorSize);
        }
        finally
        {
            if (vfs != null)
            {
                MuJoCoNative.mj_deleteVFS((nint)vfs);
                NativeMemory.Free(vfs);
            }
        }
        var model = new ModelHandle(loaded);
        if (model.IsInvalid)
        {
            var reason = Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(error)).Trim();
            throw new MuJoCoModelException($"MuJoCo could not load the model {path}: {reason}");
        }
        var data = new DataHandle(MuJoCoNative.mj_makeData(model.DangerousGetHandle()));
        if (data.IsInvalid)
        {
            model.Dispose();
            throw new MuJoCoModelException($"MuJoCo could not allocate the simulation state of {path}.");
        }
        return new MjSimulation(model, data);
    }

    /// <summary>Loads MJCF text (MuJoCo 2.2.2 reads models from files only, so it goes through a temporary file).</summary>
    public static MjSimulation LoadText(string xml, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jat-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, xml);
        try
        {
            return Load(path);
        }
        catch (MuJoCoModelException error)
        {
            throw new MuJoCoModelException(error.Message.Replace(path, $"'{name}'", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The id of a named body; a missing name is a model that does not fit its environment.</summary>
    public int BodyId(string name)
    {
        var id = MuJoCoNative.mj_name2id(_model.DangerousGetHandle(), MjLayout.ObjectBody, name);
        return id >= 0 ? id : throw new MuJoCoModelException($"the model has no body named '{name}'.");
    }

    /// <summary>The id of a named object of a MuJoCo type (<see cref="MjObject"/>), or −1.</summary>
    public int IdOf(int type, string name) => MuJoCoNative.mj_name2id(_model.DangerousGetHandle(), type, name);

    /// <summary>The id of a named object, which the model must have.</summary>
    public int RequiredId(int type, string name)
    {
        var id = IdOf(type, name);
        return id >= 0 ? id : throw new MuJoCoModelException($"the model has no {MjObject.Name(type)} named '{name}'.");
    }

    public void Step() => MuJoCoNative.mj_step((nint)_m, (nint)_d);

    public void Forward() => MuJoCoNative.mj_forward((nint)_m, (nint)_d);

    public void ResetData() => MuJoCoNative.mj_resetData((nint)_m, (nint)_d);

    public void RnePostConstraint() => MuJoCoNative.mj_rnePostConstraint((nint)_m, (nint)_d);

    public void Dispose()
    {
        _data.Dispose();
        _model.Dispose();
    }

    private ReadOnlySpan<double> ModelArray(int offset, int length) => new(*(double**)(_m + offset), length);

    private Span<double> DataArray(int offset, int length) => new(*(double**)(_d + offset), length);

    private sealed class ModelHandle(nint handle) : SafeHandle(handle, ownsHandle: true)
    {
        public override bool IsInvalid => handle == 0;

        protected override bool ReleaseHandle()
        {
            MuJoCoNative.mj_deleteModel(handle);
            return true;
        }
    }

    private sealed class DataHandle(nint handle) : SafeHandle(handle, ownsHandle: true)
    {
        public override bool IsInvalid => handle == 0;

        protected override bool ReleaseHandle()
        {
            MuJoCoNative.mj_deleteData(handle);
            return true;
        }
    }
}
