/* Prints the offsets that MjLayout.cs hard-codes, from the installed MuJoCo headers (libmujoco-dev).
   The environments tests compile and run it where gcc and the headers exist, and compare. */
#include <stddef.h>
#include <stdio.h>
#include <mujoco/mujoco.h>

#define MODEL(name, field) printf("%s %zu\n", name, offsetof(mjModel, field))
#define DATA(name, field) printf("%s %zu\n", name, offsetof(mjData, field))

int main(void) {
  printf("Version %d\n", mjVERSION_HEADER);
  MODEL("ModelNq", nq); MODEL("ModelNv", nv); MODEL("ModelNu", nu); MODEL("ModelNa", na); MODEL("ModelNbody", nbody); MODEL("ModelNsite", nsite);
  MODEL("ModelTimestep", opt.timestep); MODEL("ModelQpos0", qpos0); MODEL("ModelBodyMass", body_mass);
  MODEL("ModelActuatorCtrlRange", actuator_ctrlrange);
  DATA("DataTime", time); DATA("DataQpos", qpos); DATA("DataQvel", qvel); DATA("DataAct", act); DATA("DataCtrl", ctrl);
  DATA("DataXpos", xpos); DATA("DataXipos", xipos); DATA("DataSiteXpos", site_xpos); DATA("DataCinert", cinert);
  DATA("DataCvel", cvel); DATA("DataQfrcActuator", qfrc_actuator); DATA("DataQfrcConstraint", qfrc_constraint);
  DATA("DataCfrcExt", cfrc_ext);
  MODEL("ModelNjnt", njnt); MODEL("ModelNgeom", ngeom); MODEL("ModelNeq", neq); MODEL("ModelNmocap", nmocap);
  MODEL("ModelBodyPos", body_pos); MODEL("ModelBodyMocapid", body_mocapid); MODEL("ModelJntQposadr", jnt_qposadr);
  MODEL("ModelJntDofadr", jnt_dofadr); MODEL("ModelSitePos", site_pos); MODEL("ModelEqType", eq_type);
  MODEL("ModelEqData", eq_data);
  DATA("DataQaccWarmstart", qacc_warmstart); DATA("DataMocapPos", mocap_pos); DATA("DataMocapQuat", mocap_quat);
  DATA("DataXquat", xquat); DATA("DataXmat", xmat); DATA("DataGeomXpos", geom_xpos); DATA("DataGeomXmat", geom_xmat);
  DATA("DataNcon", ncon); DATA("DataContact", contact); DATA("DataEfcForce", efc_force);
  printf("ContactSize %zu\n", sizeof(mjContact)); printf("ContactGeom1 %zu\n", offsetof(mjContact, geom1));
  printf("ContactGeom2 %zu\n", offsetof(mjContact, geom2));
  printf("ContactEfcAddress %zu\n", offsetof(mjContact, efc_address));
  printf("VfsSize %zu\n", sizeof(mjVFS)); printf("VfsFiledata %zu\n", offsetof(mjVFS, filedata));
  printf("EqDataSize %d\n", mjNEQDATA);
  return 0;
}
