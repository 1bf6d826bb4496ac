/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_EVENTS_H
#define HEADROOM_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "collectors/oomlog.h"
#include "collectors/sample.h"

/* What happened, in the order headroom learned it: OOM kills as the kernel
 * log tells them (or, where it cannot be read, as the counters show them),
 * and the changes two samples show. Events are kept by path, not by cgroup:
 * they outlive the cgroup they happened in (a container killed and made
 * anew keeps its kills). The model's, filled by the driver. */

enum event_kind {
	EV_OOM_KILL,  /* a process was killed by the OOM killer */
	EV_LIMIT_HIT, /* a cgroup began to hit its limit (v1 failcnt, v2 events.local max) */
	EV_HIGH,      /* v2: a cgroup began to be throttled at memory.high (events.local high) */
	EV_STALL,     /* v1: under_oom became 1: the OOM killer is disabled, the tasks wait */
	EV_STALL_END, /* v1: under_oom back to 0 */
	EV_SWAP,      /* a cgroup began to use swap */
	EV_LIMIT_SET, /* memory.max / memory.limit_in_bytes was written */
	EV_CG_NEW,    /* a cgroup was made */
	EV_CG_GONE,   /* a cgroup was removed */
	EV_PRESSURE,  /* memory pressure crossed the trigger's threshold (collectors/watch.h), in a
			 cgroup or ("" ) the system */
	EV_NKINDS
};
extern const char *const event_kind_names[EV_NKINDS]; /* "oom_kill", ...: JSON's words */

/* The killed process as headroom last read it, before it died. */
struct event_victim {
	int seen; /* 0: it was born and killed between two samples */
	val_t virt, res, shr, swap;
	char user[32], cmdline[256];
};

struct event {
	uint64_t seq; /* 1, 2, ...: the order headroom learned them in */
	enum event_kind kind;
	double mono, wall; /* when headroom learned of it */
	char cgroup[512];  /* the cgroup it is about */
	val_t before, after; /* EV_LIMIT_SET: the limits; EV_SWAP: the swap used */
	val_t count;	     /* EV_OOM_KILL from the counters, EV_LIMIT_HIT, EV_HIGH: how many */
	int told;	     /* EV_OOM_KILL: the kernel log told it (kill holds what it said) */
	const char *no_log;  /* EV_OOM_KILL not told: why (struct events' no_log) */
	struct oom_kill kill;
	struct event_victim victim;
	struct psi psi; /* EV_PRESSURE: the pressure when the trigger fired */
};

#define EVENTS_KEEP 512 /* the newest kept; counts go on */
/* A cgroup that begins to hit its limit again within this many seconds of
 * the last time it began is not told again: one that hits and pauses
 * between samples would fill the list. */
#define EVENTS_QUIET_S 10.0

struct events {
	struct event *ring; /* EVENTS_KEEP slots */
	size_t n;	    /* held, at most EVENTS_KEEP */
	uint64_t seq;	    /* events ever; the newest's seq */
	unsigned long count[EV_NKINDS];
	/* Why kills come without their victim: the kernel log cannot be read.
	 * NULL: the kernel log names the victim (and the counters' kills are
	 * not told twice). */
	const char *no_log;
};

void events_init(struct events *e, const char *no_log);
void events_free(struct events *e);
/* The i-th newest (0: the newest), or NULL past the oldest held. */
const struct event *events_get(const struct events *e, size_t i);
/* The event numbered seq, or NULL when it is no longer held. */
const struct event *events_by_seq(const struct events *e, uint64_t seq);

/* An OOM kill the kernel log told, learned at mono/wall; the victim's last
 * reading taken from cur (the newest sample, which may be NULL), where it
 * is marked oom_killed (the sample, taken before, still lists it). A kill
 * outside the subtree cur shows (neither the victim's cgroup nor the one
 * whose limit fired in it) is not kept: NULL. */
const struct event *events_add_kill(struct events *e, const struct oom_kill *k, struct sample *cur, double mono,
				    double wall);
/* Memory pressure crossed the trigger's threshold in path ("": the
 * system): told when the trigger had not fired for EVENTS_QUIET_S
 * (since_last seconds; the kernel fires it once a window while it lasts),
 * else NULL. */
const struct event *events_add_pressure(struct events *e, const char *path, const struct psi *psi, double since_last,
					double mono, double wall);
/* The victims of kills cur (a new sample) still lists, dying or zombies,
 * marked oom_killed as events_add_kill marked them in prev: those marked
 * in prev, and those of kills told since prev was read (the same process,
 * by its id, where prev had the pid). */
void events_mark_victims(const struct events *e, struct sample *prev, struct sample *cur);
/* The events between two samples (the model's figures filled in both, and
 * cur's cgroups matched to prev's: cg_sample.prev, model/rates.h):
 * limits hit, throttling, stalls, swap, limits written, cgroups made and
 * removed, and OOM kills when the log is not read. prev NULL: none. */
void events_from_samples(struct events *e, const struct sample *prev, const struct sample *cur);

/* Events about path since headroom started, of one kind, counted among the
 * held ones; and the newest of them (NULL: none held). */
unsigned events_count_in(const struct events *e, enum event_kind kind, const char *path);
const struct event *events_last_in(const struct events *e, enum event_kind kind, const char *path);

/* The newest OOM kill the kernel log told of pid, or NULL. */
const struct event *events_kill_of(const struct events *e, int pid);

#endif
