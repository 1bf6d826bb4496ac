/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_COLLECTOR_H
#define HEADROOM_COLLECTOR_H

#include <stddef.h>

#include "collectors/sample.h"
#include "collectors/watch.h"

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
 * or for every process not read yet in this sample when idx is NULL. */
void collector_details(struct collector *c, struct sample *s, const size_t *idx, size_t n, int smaps);

/* The page tables of s->procs[idx[0..n)] (proc_detail.pgtables: one more
 * read a process, for the OOM killer's ranking). */
void collector_pgtables(struct collector *c, struct sample *s, const size_t *idx, size_t n);

/* One process's mappings (smaps) and statm fields, for a detail view.
 * Returns 0 or an errno (the process is gone, or EACCES). */
struct procmaps;
int collector_procmaps(struct collector *c, int pid, struct procmaps *m);
/* Send sig to the process instance (pid, id) of a sample (proctab_signal);
 * EROFS under --root: its pids are a capture's, not this machine's. */
int collector_signal(struct collector *c, int pid, uint64_t id, int sig);

/* What the kernel tells as it happens: OOM kills in its log (live root
 * only), and the notifications of collectors/watch.h (counters moving,
 * pressure crossing a threshold). collector_npollfds descriptors to poll
 * are written to out (an entry with fd -1 is not polled now); after poll(),
 * collector_told takes them back, with revents, in the same order. */
struct oom_kill;
struct collector_tell {
	void (*kill)(void *ctx, const struct oom_kill *kill);
	void (*note)(void *ctx, const struct watch_note *note);
	void *ctx;
};
size_t collector_npollfds(const struct collector *c);
void collector_pollfds(const struct collector *c, struct pollfd *out);
void collector_told(struct collector *c, const struct pollfd *p, const struct collector_tell *t);
/* The OOM kills the kernel log told since the last call, without waiting. */
void collector_oom_kills(struct collector *c, const struct collector_tell *t);
/* After a sample: watch its cgroups, with a PSI trigger where pressure[i]
 * is nonzero (collectors/watch.h: watch_sync). */
void collector_watch(struct collector *c, const struct sample *s, const uint8_t *pressure);
/* Cgroups whose counters wake poll(), and PSI triggers (both 0 when
 * nothing is watched: --root, or no notifications). */
void collector_watch_counts(const struct collector *c, size_t *counters, size_t *triggers);

/* Why OOM kills are known without their victims (the kernel log cannot
 * be read: not root, kernel.dmesg_restrict, or --root), or NULL. */
const char *collector_no_log(const struct collector *c);

/* Something the user should know (e.g. why libproc2 figures are N/A under
 * --root), or NULL. */
const char *collector_warning(const struct collector *c);

#endif
