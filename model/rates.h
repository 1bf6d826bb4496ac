/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_RATES_H
#define HEADROOM_RATES_H

#include "collectors/sample.h"

/* Per-second figures from two samples: the one place they are computed.
 * NAN (a rate) or N/A (a count) when either reading is N/A or no time
 * passed. */

/* A counter (events, pages scanned, faults): it only rises while its
 * cgroup lives, so one that went back was reset (the cgroup was made anew)
 * and has no rate: NAN, never a negative one. */
double rate_counter(val_t prev, val_t cur, double dt);
/* A gauge (usage, anon, file): rises and falls; signed. */
double rate_gauge(val_t prev, val_t cur, double dt);
/* Events since the previous reading (a counter that went back: all of cur). */
val_t rate_new_events(val_t prev, val_t cur);

/* Fill cur's rates (struct cg_rates, sys_sample's *_ps) from prev, matched
 * by cgroup id (each cg_sample.prev: its index in prev); prev NULL: every
 * rate N/A. */
void rates_fill(const struct sample *prev, struct sample *cur);

#endif
