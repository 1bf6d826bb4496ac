/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_WATCH_H
#define HEADROOM_WATCH_H

#include <poll.h>
#include <stddef.h>
#include <stdint.h>

#include "collectors/fdpool.h"
#include "collectors/mounts.h"
#include "collectors/sample.h"

/* What the kernel notifies besides its log, for poll() to wake on:
 *  - v2: a cgroup's memory.events.local changing (POLLPRI, as cgroup-v2.rst
 *    documents: the file is modified when a counter moves);
 *  - v1: memory.oom_control through an eventfd registered in the cgroup's
 *    cgroup.event_control (the kernel signals it when the cgroup is out of
 *    memory, and when the cgroup is removed);
 *  - memory pressure crossing a threshold: a PSI trigger (psi.rst) on
 *    /proc/pressure/memory and on the memory.pressure of the cgroups the
 *    caller asks for (v2, and the unified tree of the hybrid layout).
 * Registrations (the two writes: event_control, a trigger) change no
 * setting and end when the descriptor is closed; none is made in the cgroup
 * headroom runs in or above it, which belong to whoever started it. Each
 * descriptor is counted in the fdpool: with too few, a cgroup is sampled
 * but not watched. Live kernel only: a --root tree's files are plain files. */

/* The trigger: "some" tasks stalled on memory for 100 ms of a 2 s window
 * (5%). A window of whole 2 s is what an unprivileged trigger may use; the
 * kernel fires it at most once a window. */
#define WATCH_PSI_STALL_US 100000
#define WATCH_PSI_WINDOW_US 2000000

enum watch_what {
	WATCH_OOM,	/* v2: oom or oom_kill rose; v1: the eventfd fired (OOM, or removal) */
	WATCH_MAX,	/* v2: max rose: the limit was hit */
	WATCH_HIGH,	/* v2: high rose: throttled at memory.high */
	WATCH_PRESSURE, /* a PSI trigger fired */
	WATCH_GONE,	/* the cgroup's file reads ENODEV: it was removed */
	WATCH_TREE,	/* a cgroup was made or removed, or a limit written (collector_told:
			   the tree's inotify, collectors/cgtree.h) */
};

struct watch_note {
	enum watch_what what;
	uint64_t id;	  /* the cgroup's cg_sample.id; 0: the system */
	const char *path; /* "" for the system */
	/* WATCH_PRESSURE: the pressure as the file read when it fired, and
	 * the seconds since this trigger fired before (INFINITY: first). */
	struct psi psi;
	double since_last;
};

struct watch;
/* self_text: /proc/self/cgroup's text (which cgroups are ours). */
struct watch *watch_open(int rootfd, const struct cg_mounts *m, const char *self_text, struct fdpool *pool);
void watch_close(struct watch *w);

/* After a sample: watch its cgroups (new ones registered, removed ones'
 * descriptors closed); a PSI trigger on s->cgs[i] where pressure[i] is
 * nonzero (NULL: none but the system's). */
void watch_sync(struct watch *w, const struct sample *s, const uint8_t *pressure);

/* The descriptors to poll, written to out (watch_npollfds of them; one
 * not to poll now has fd -1). watch_told takes them back with poll's
 * revents, in the same order, and calls fn for each notification. */
size_t watch_npollfds(const struct watch *w);
void watch_pollfds(const struct watch *w, struct pollfd *out);
void watch_told(struct watch *w, const struct pollfd *p, void (*fn)(void *ctx, const struct watch_note *n), void *ctx);

/* Registered now: cgroups whose counters wake (memory.events.local or an
 * eventfd), and PSI triggers (the system's included). For tests and the
 * cgroup detail. */
void watch_counts(const struct watch *w, size_t *counters, size_t *triggers);

#endif
