/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_SYSNORM_H
#define HEADROOM_SYSNORM_H

#include "collectors/sample.h"

/* The system's derived figures (sys_sample: used, cache, kernel,
 * swap_used) from /proc/meminfo's; each N/A when one of its parts is. */
void sysnorm_fill(struct sys_sample *m);

#endif
