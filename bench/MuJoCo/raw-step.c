/* The physical limit of the engine for `jat bench mujoco`: MuJoCo's mj_step in a C loop, with nothing around it
   but a uniform random control inside the actuators' ranges, held for frame_skip steps, and a reset every
   episode_steps environment steps (the mean episode length Jat saw, so both spend the same share of time in
   the same phases of motion).
   usage: raw-step <model.xml> <frame_skip> <episode_steps> <seconds> <seed>
   prints: <physics steps> <seconds> */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <mujoco/mujoco.h>

static uint64_t state;

/* xorshift64*: any cheap uniform generator will do, it is not part of what is timed against Jat's numpy port. */
static double uniform01(void) {
  state ^= state >> 12;
  state ^= state << 25;
  state ^= state >> 27;
  return (double)((state * 2685821657736338717ULL) >> 11) * (1.0 / 9007199254740992.0);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char** argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: raw-step <model.xml> <frame_skip> <episode_steps> <seconds> <seed>\n");
    return 2;
  }
  char error[1000] = "";
  mjModel* m = mj_loadXML(argv[1], NULL, error, sizeof error);
  if (!m) {
    fprintf(stderr, "raw-step: %s\n", error);
    return 2;
  }
  mjData* d = mj_makeData(m);
  int frame_skip = atoi(argv[2]);
  int episode_steps = atoi(argv[3]);
  double seconds = atof(argv[4]);
  state = strtoull(argv[5], NULL, 10) * 2 + 1;

  long physics_steps = 0;
  double start = now(), elapsed = 0;
  do {
    mj_resetData(m, d);
    for (int t = 0; t < episode_steps; t++) {
      for (int i = 0; i < m->nu; i++) {
        double low = m->actuator_ctrlrange[2 * i], high = m->actuator_ctrlrange[2 * i + 1];
        d->ctrl[i] = low + (high - low) * uniform01();
      }
      for (int k = 0; k < frame_skip; k++) {
        mj_step(m, d);
      }
    }
    physics_steps += (long)episode_steps * frame_skip;
    elapsed = now() - start;
  } while (elapsed < seconds);
  printf("%ld %.9f\n", physics_steps, elapsed);
  mj_deleteData(d);
  mj_deleteModel(m);
  return 0;
}
