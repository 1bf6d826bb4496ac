/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_DRIVER_H
#define HEADROOM_DRIVER_H

#include "collectors/collector.h"

/* The one way samples are taken: from the source (the collectors, on the
 * live kernel or a --root tree), through the model (every derived figure),
 * into two buffers that take turns, so each front end (the dashboard,
 * batch text, JSON, lab mode) sees the current sample and the one before.
 * The driver owns the samples; the collector stays the caller's. */
struct driver {
	struct collector *col;
	struct sample buf[2];
	struct sample *cur;  /* NULL before the first sample */
	struct sample *prev; /* NULL before the second */
};

void driver_init(struct driver *d, struct collector *col);
/* Take the next sample. Returns 0, or ENOENT when the view's cgroup went
 * away (cur and prev are then as they were). */
int driver_next(struct driver *d);
void driver_free(struct driver *d);

#endif
