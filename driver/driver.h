/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_DRIVER_H
#define HEADROOM_DRIVER_H

#include <poll.h>

#include "collectors/collector.h"
#include "model/events.h"
#include "model/history.h"

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
	struct events ev;    /* every event since the first sample */
	struct history hist; /* the recent samples' usage, for trends and predictions */
	uint64_t told;	     /* the newest event handed to the front end */
	struct pollfd *pfd;  /* driver_poll's */
	size_t npfd;
};

/* A sample is taken this soon after the last at the earliest when the
 * kernel tells something (limits hit at up to 100 notifications a second
 * would otherwise set the pace). */
#define DRIVER_SOON_S 0.1
/* An OOM the counters tell (v1's eventfd, v2's oom) comes before the kill:
 * the sample waits this long for the kill to be done (and the kernel log to
 * tell it first). */
#define DRIVER_OOM_SETTLE_S 0.05
/* Cgroups with a PSI trigger at most (collectors/watch.h). */
#define DRIVER_TRIGGERS 16

void driver_init(struct driver *d, struct collector *col);
/* Take the next sample: collect; mark the victims of told kills it still
 * lists; derive (model_update); push it into the history and predict the
 * time to each limit; read the details of the processes near a limit and
 * rank the next OOM victim there; the events the two samples show; the
 * diagnoses; watch its cgroups (collector_watch, PSI triggers chosen). Returns 0, or ENOENT when the view's
 * cgroup went away (cur and prev are then as they were). */
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
	 * when something happened. Nonzero stops. NULL: driver_wait. */
	int (*wait)(void *ctx, double until);
	/* A new event (model/events.h), in order: an OOM kill as soon as the
	 * kernel log tells it (driver_events), the others with the sample that
	 * shows them, before it is handed over. May be NULL. */
	void (*event)(void *ctx, const struct event *ev);
	void *ctx;
};
/* Returns 0 when the front end stopped or count samples were taken, or
 * ENOENT when the view's cgroup went away. */
int driver_run(struct driver *d, const struct driver_loop *l);
/* Wait in one poll() until `until` (CLOCK_MONOTONIC) at most, on fd (the
 * front end's, -1 none) and on what the kernel tells (collector_pollfds).
 * What it tells is taken at once: OOM kills from the log and pressure
 * events handed to l->event; an OOM, a removed cgroup or a limit begun to
 * be hit, from the counters, moves the next sample sooner (*l->next, no
 * sooner than DRIVER_SOON_S after the last). Returns -1 (a signal: errno),
 * 0 (time is up), or DRIVER_WOKE with: DRIVER_FD (fd is ready),
 * DRIVER_TOLD (events were handed), DRIVER_DUE (the next sample moved). */
#define DRIVER_WOKE 1
#define DRIVER_FD 2
#define DRIVER_TOLD 4
#define DRIVER_DUE 8
int driver_poll(struct driver *d, const struct driver_loop *l, int fd, double until);
/* The default wait: driver_poll until `until`, or a sample moved sooner;
 * back early on a signal. */
void driver_wait(struct driver *d, const struct driver_loop *l, double until);
/* Read what the kernel told (OOM kills) into d->ev, and hand every event
 * not yet handed to l->event. Returns how many were handed. */
int driver_events(struct driver *d, const struct driver_loop *l);

#endif
