/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_LAB_H
#define HEADROOM_LAB_H

/* Lab mode: `headroom eat` (a workload that holds memory of a chosen kind)
 * and `headroom run` (a command in a cgroup of its own, with limits, under
 * the dashboard or a line per interval). argv[0] is the subcommand. Each
 * returns the process's exit status. */
int eat_main(int argc, char **argv);
int run_main(int argc, char **argv);

#endif
