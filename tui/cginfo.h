/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_CGINFO_H
#define HEADROOM_CGINFO_H

#include <stddef.h>

#include "collectors/sample.h"
#include "tui/dlines.h"

/* What the cgroup detail screen says about cur->cgs[i]: its diagnoses in
 * full (their events: ev, may be NULL; at CLOCK_MONOTONIC now), where its
 * charge is, the normalized figures with the file each comes from, every
 * limit and counter file, every key of memory.stat, memory.events(.local)
 * or memory.oom_control with its rate per second since prev (the same
 * cgroup in the previous sample; prev may be NULL), and the pressure.
 * Pure; out is cleared first. */
struct events;
void cginfo_build(const struct sample *cur, const struct sample *prev, size_t i, const struct events *ev, double now,
		  struct dlines *out);

/* Whether a memory.stat or memory.events key counts events (pgfault,
 * workingset_refault_file, oom_kill ...) rather than bytes. */
int cginfo_key_is_count(const char *key);

#endif
