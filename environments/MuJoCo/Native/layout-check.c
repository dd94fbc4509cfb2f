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
  return 0;
}
