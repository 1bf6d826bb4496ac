/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_SYSMEM_H
#define HEADROOM_SYSMEM_H

#include "collectors/fdpool.h"
#include "collectors/sample.h"

/* System-wide memory: /proc/meminfo through libproc2, the overcommit
 * sysctls, /proc/pressure/memory and the reclaim/OOM counters of
 * /proc/vmstat. */
struct sysmem;

/* rootfd: the --root directory. libproc2: whether libproc2 can read it
 * (under --root, /proc must already show it: see rootns.h); if not, the
 * meminfo figures are N/A. Never fails: what cannot be read is N/A. */
struct sysmem *sysmem_open(int rootfd, struct fdpool *pool, int libproc2);
void sysmem_read(struct sysmem *m, struct sys_sample *out);
void sysmem_close(struct sysmem *m);

#endif
