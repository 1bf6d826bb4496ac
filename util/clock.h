/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_CLOCK_H
#define HEADROOM_CLOCK_H

/* CLOCK_MONOTONIC in seconds: for intervals, never for dates. */
double clock_mono(void);
/* CLOCK_REALTIME in seconds since the epoch: for dates. */
double clock_wall(void);

#endif
