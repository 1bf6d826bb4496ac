/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_CLOCK_H
#define HEADROOM_CLOCK_H

/* CLOCK_MONOTONIC in seconds: for intervals, never for dates. */
double clock_mono(void);
/* CLOCK_REALTIME in seconds since the epoch: for dates. */
double clock_wall(void);
/* CLOCK_BOOTTIME in seconds: the clock of a process's start_time. */
double clock_boot(void);

#endif
