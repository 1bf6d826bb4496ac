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

/* The loop every front end runs (the dashboard, batch text and JSON, lab
 * mode): a sample when one is due, handed to the front end, then a wait
 * until the next is due. The front end's fields it points to may change
 * between turns (the dashboard's keys change the interval, pause, or move
 * the next sample). */
struct driver_loop {
	double *interval; /* seconds between samples */
	double *next;	  /* CLOCK_MONOTONIC when the next is due; set it to now for one at once */
	const int *paused; /* NULL: never paused */
	long count;	  /* samples to take; 0: until the front end stops */
	/* A new sample is in d->cur (d->prev the one before). Nonzero stops. */
	int (*sample)(void *ctx, struct driver *d);
	/* Wait until `until` (CLOCK_MONOTONIC; INFINITY while paused) or less,
	 * when something happened. Nonzero stops. NULL: wait on the kernel's
	 * events until then, handing each OOM kill to oom_kill as it is told. */
	int (*wait)(void *ctx, double until);
	/* An OOM kill the kernel told of (with the default wait, and before
	 * each sample). May be NULL. */
	void (*oom_kill)(void *ctx, const struct oom_kill *kill);
	void *ctx;
};
/* Returns 0 when the front end stopped or count samples were taken, or
 * ENOENT when the view's cgroup went away. */
int driver_run(struct driver *d, const struct driver_loop *l);
/* The default wait, for a front end's own wait to call: until `until`,
 * handing each OOM kill the kernel tells of to l->oom_kill as it comes;
 * back early on a signal. */
void driver_wait(struct driver *d, const struct driver_loop *l, double until);

#endif
