/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_DIAGNOSE_H
#define HEADROOM_DIAGNOSE_H

#include <stddef.h>
#include <stdint.h>

#include "collectors/sample.h"
#include "model/events.h"

/* What the figures mean, in plain words: each cgroup's diagnoses, from its
 * figures, its rates, its processes and the events. Every rule and every
 * threshold is in one table (model/diagnose.c), in the order a row shows
 * the first that applies; docs/headroom.1 lists them (DIAGNOSES). */
enum diag_id {
	DIAG_STALLED,
	DIAG_OOM_KILLED,
	DIAG_THRASHING,
	DIAG_SWAPPING,
	DIAG_THROTTLED,
	DIAG_APPROACHING,
	DIAG_NEXT_VICTIM,
	DIAG_RECLAIMING,
	DIAG_CHARGES_ELSEWHERE,
	DIAG_MOSTLY_CACHE,
	DIAG_LIMIT_FROM_PARENT,
	DIAG_N
};

enum diag_sev { DS_INFO, DS_WARN, DS_CRIT, DS_OOM };

struct diag_rule {
	const char *name; /* JSON's word: "at_limit_reclaiming" */
	const char *tag;  /* the row's few letters */
	enum diag_sev sev;
	const char *when; /* the rule in words, as the man page says it */
};
extern const struct diag_rule diag_rules[DIAG_N];

/* Every cgroup's diagnoses (cg_sample.diag) in s, whose model figures and
 * rates are filled, with the events so far, at CLOCK_MONOTONIC now. */
void diag_fill(struct sample *s, const struct events *ev, double now);
/* A diagnosis's few letters on cgroup s->cgs[i]'s row ("limit in 12s",
 * "next: eat": with its figure). */
char *diag_tag(char *out, size_t n, enum diag_id id, const struct sample *s, size_t i);
/* The process the OOM killer would pick at cgroup s->cgs[i]'s limit
 * (model/victim.h), or NULL. */
const struct proc_sample *diag_victim(const struct sample *s, size_t i);
/* The first (most pressing) of a cgroup's, or DIAG_N for none. */
enum diag_id diag_first(const struct cg_sample *c);
/* The diagnosis id of cgroup s->cgs[i] in words, with the figures behind it. */
char *diag_text(char *out, size_t n, enum diag_id id, const struct sample *s, size_t i, const struct events *ev,
		double now);

/* Where a cgroup's charge is: its usage against its parts, and against
 * what its processes hold (statm: RES - SHR private, SHR shared, over its
 * subtree); what they do not hold, named: page cache no process maps (at
 * most file - shared), shmem/tmpfs, kernel memory, and anon no process of
 * it holds (left by processes that moved or exited; at most anon -
 * private). N/A where an input is. */
struct diag_charge {
	val_t usage, anon, file, kernel, shmem, other; /* other: usage less the four */
	val_t held, shared;			       /* its processes' private and shared */
	val_t unheld;				       /* usage - held */
	val_t unmapped_cache, orphan_anon;
};
void diag_charge(const struct cg_sample *c, struct diag_charge *out);

/* A process that reserved many times what it touched (VIRT against RES):
 * 1 and why in out, or 0. */
int diag_proc_overcommitted(const struct proc_sample *p, char *out, size_t n);
/* The system committed more than it can back (Committed_AS past CommitLimit
 * under overcommit_memory 2, or past MemTotal): 1 and why in out, or 0. */
int diag_sys_overcommitted(const struct sys_sample *y, char *out, size_t n);

#endif
