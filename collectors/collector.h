/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_COLLECTOR_H
#define HEADROOM_COLLECTOR_H

#include <stddef.h>

#include "collectors/sample.h"

/* The one entry point front ends use: open once, then one sample per tick.
 * It finds the memory cgroup hierarchy, keeps the kernel files open between
 * samples, and fills plain structs (collectors/sample.h). */
struct collector_opts {
	const char *root;   /* prefix of every /proc and /sys path; "/" live */
	const char *cgroup; /* show only this cgroup subtree; NULL for all */
};

struct collector;

/* Returns NULL with a message in err when nothing can be shown. With a
 * root other than "/", this moves the whole process into a private mount
 * namespace whose /proc shows the tree's (collectors/rootns.h), so that
 * libproc2 reads it too. Open such a collector before any thread starts;
 * a later one with another root changes what libproc2 reads for all. */
struct collector *collector_open(const struct collector_opts *o, char *err, size_t errlen);
void collector_close(struct collector *c);

/* A fresh sample into s, reusing s's memory: what the kernel's files say,
 * nothing derived (cg_sample.n, the rates: model_update, model/model.h;
 * driver/driver.h does both). Returns 0, or ENOENT when the --cgroup
 * subtree went away. */
int collector_sample(struct collector *c, struct sample *s);

/* libproc2 details (and smaps_rollup if smaps) for s->procs[idx[0..n)],
 * or for every process when idx is NULL. */
void collector_details(struct collector *c, struct sample *s, const size_t *idx, size_t n, int smaps);

/* One process's mappings (smaps) and statm fields, for a detail view.
 * Returns 0 or an errno (the process is gone, or EACCES). */
struct procmaps;
int collector_procmaps(struct collector *c, int pid, struct procmaps *m);

/* Events the kernel tells of as they happen (today: OOM kills, from the
 * kernel log, live root only). The descriptor becomes readable when one
 * may have come (poll it), or -1 when there is none to wait on. */
struct oom_kill;
int collector_event_fd(const struct collector *c);
/* The OOM kills told since the last call: fn(ctx, kill) for each. */
void collector_oom_kills(struct collector *c, void (*fn)(void *ctx, const struct oom_kill *kill), void *ctx);

/* Why OOM kills are known without their victims (the kernel log cannot
 * be read: not root, kernel.dmesg_restrict, or --root), or NULL. */
const char *collector_no_log(const struct collector *c);

/* Something the user should know (e.g. why libproc2 figures are N/A under
 * --root), or NULL. */
const char *collector_warning(const struct collector *c);

#endif
