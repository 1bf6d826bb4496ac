/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/collector.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "collectors/cgtree.h"
#include "util/clock.h"
#include "util/fsio.h"
#include "collectors/kmsg.h"
#include "collectors/mounts.h"
#include "collectors/procdetail.h"
#include "collectors/proctab.h"
#include "collectors/rootns.h"
#include "collectors/procmaps.h"
#include "collectors/sysmem.h"
#include "util/xalloc.h"

struct collector {
	int rootfd;
	struct fdpool pool;
	struct cg_mounts mounts;
	struct cgtree *tree; /* NULL: no memory hierarchy */
	struct sysmem *sys;
	struct proctab *procs;
	struct procdetail *detail; /* NULL when libproc2 cannot see the root */
	struct kmsg *kmsg;	   /* NULL: the kernel log cannot be read (or --root) */
	struct watch *watch;	   /* NULL under --root */
	uint64_t seq;
	int live; /* this machine's /proc, not a --root tree's */
	char warning[256];
	char no_log[160]; /* why the kernel log is not read; "" it is */
};

static int is_live_root(const char *root)
{
	return !root || !*root || strcmp(root, "/") == 0;
}

/* libproc2 reads only /proc: under --root, show it the tree (rootns.h). */
static int libproc2_usable(struct collector *c, const char *root)
{
	char err[200];
	if (is_live_root(root))
		return 1;
	if (rootns_enter(root, err, sizeof(err)) == 0)
		return 1;
	snprintf(c->warning, sizeof(c->warning), "libproc2 cannot read %s (%s): meminfo and process details are N/A",
		 root, err);
	return 0;
}

static int open_tree(struct collector *c, const struct collector_opts *o, char *err, size_t errlen)
{
	int e = mounts_discover(c->rootfd, &c->mounts);
	if (e) {
		snprintf(err, errlen, "cannot read proc/self/mountinfo: %s", strerror(e));
		return -1;
	}
	if (c->mounts.layout == LAYOUT_NONE) {
		if (o->cgroup) {
			snprintf(err, errlen, "no memory cgroup hierarchy is mounted: --cgroup cannot apply");
			return -1;
		}
		return 0;
	}
	c->tree = cgtree_open(c->rootfd, &c->mounts, o->cgroup, &c->pool, err, errlen);
	return c->tree ? 0 : -1;
}

static struct watch *open_watch(struct collector *c)
{
	struct buf b = { 0 };
	int e = buf_read_at(&b, c->rootfd, "proc/self/cgroup");
	struct watch *w = watch_open(c->rootfd, &c->mounts, e ? NULL : b.p, &c->pool);
	buf_free(&b);
	return w;
}

struct collector *collector_open(const struct collector_opts *o, char *err, size_t errlen)
{
	struct collector *c = xcalloc(1, sizeof(*c));
	const char *root = is_live_root(o->root) ? "/" : o->root;
	c->rootfd = open_dir_at(AT_FDCWD, root);
	c->live = is_live_root(o->root);
	if (c->rootfd < 0) {
		snprintf(err, errlen, "cannot open root %s: %s", root, strerror(-c->rootfd));
		free(c);
		return NULL;
	}
	fdpool_init(&c->pool);
	int lp2 = libproc2_usable(c, root);
	if (open_tree(c, o, err, errlen) != 0) {
		collector_close(c);
		return NULL;
	}
	c->sys = sysmem_open(c->rootfd, &c->pool, lp2);
	c->procs = proctab_open(c->rootfd, &c->pool);
	c->detail = lp2 ? procdetail_open(c->rootfd) : NULL;
	c->kmsg = is_live_root(o->root) ? kmsg_open() : NULL;
	int kmsg_errno = errno;
	c->watch = is_live_root(o->root) ? open_watch(c) : NULL;
	if (!is_live_root(o->root))
		snprintf(c->no_log, sizeof(c->no_log), "a tree under --root has no kernel log");
	else if (!c->kmsg)
		snprintf(c->no_log, sizeof(c->no_log), "/dev/kmsg cannot be read: %s", strerror(kmsg_errno));
	return c;
}

void collector_close(struct collector *c)
{
	if (!c)
		return;
	procdetail_close(c->detail);
	kmsg_close(c->kmsg);
	watch_close(c->watch);
	proctab_close(c->procs);
	sysmem_close(c->sys);
	cgtree_close(c->tree);
	mounts_free(&c->mounts);
	close(c->rootfd);
	free(c);
}

int collector_sample(struct collector *c, struct sample *s)
{
	s->seq = ++c->seq;
	s->mono = clock_mono();
	s->wall = clock_wall();
	s->boot = c->live ? clock_boot() : NAN;
	s->version = c->mounts.version;
	s->layout = (int)c->mounts.layout;
	sysmem_read(c->sys, &s->sys);
	proctab_begin(c->procs);
	s->ncg = 0;
	if (c->tree && cgtree_sample(c->tree, s, proctab_note, c->procs) != 0)
		return ENOENT;
	int inc = c->tree && cgtree_incremental(c->tree);
	struct cgtree_pid_ctx pc = { c->tree, c->rootfd };
	struct proc_resolver r = { cgtree_pid_cgroup, &pc };
	proctab_read(c->procs, s, !c->tree || inc, inc ? &r : NULL);
	return 0;
}

void collector_details(struct collector *c, struct sample *s, const size_t *idx, size_t n, int smaps)
{
	if (c->detail) {
		procdetail_fill(c->detail, s, idx, n, smaps, c->procs);
		return;
	}
	for (size_t i = 0; i < (idx ? n : s->nproc); i++) {
		struct proc_detail *d = &s->procs[idx ? idx[i] : i].d;
		d->asked = 1;
		d->rss_anon = d->rss_file = d->rss_shmem = d->swap = val_na(NA_NOLIB);
		d->pss = d->uss = d->swap_pss = val_na(NA_NOLIB);
		d->oom_score = d->oom_adj = sval_na(NA_NOLIB);
	}
}

void collector_pgtables(struct collector *c, struct sample *s, const size_t *idx, size_t n)
{
	if (c->detail) {
		procdetail_pgtables(c->detail, s, idx, n);
		return;
	}
	for (size_t i = 0; i < n; i++)
		s->procs[idx[i]].d.pgtables = val_na(NA_NOLIB);
}

int collector_procmaps(struct collector *c, int pid, struct procmaps *m)
{
	return procmaps_read(c->rootfd, pid, m);
}

int collector_signal(struct collector *c, int pid, uint64_t id, int sig)
{
	return c->live ? proctab_signal(c->procs, pid, id, sig) : EROFS;
}

/* The descriptors: the kernel log, the tree's inotify, the watch's. */
size_t collector_npollfds(const struct collector *c)
{
	return 2 + (c->watch ? watch_npollfds(c->watch) : 0);
}

void collector_pollfds(const struct collector *c, struct pollfd *out)
{
	out[0] = (struct pollfd){ .fd = kmsg_fd(c->kmsg), .events = POLLIN };
	out[1] = (struct pollfd){ .fd = c->tree && c->watch ? cgtree_fd(c->tree) : -1, .events = POLLIN };
	if (c->watch)
		watch_pollfds(c->watch, out + 2);
}

void collector_oom_kills(struct collector *c, const struct collector_tell *t)
{
	if (c->kmsg)
		kmsg_drain(c->kmsg, t->kill, t->ctx);
}

void collector_told(struct collector *c, const struct pollfd *p, const struct collector_tell *t)
{
	if (p[0].revents)
		collector_oom_kills(c, t);
	if (p[1].revents && cgtree_drain(c->tree)) {
		struct watch_note n = { .what = WATCH_TREE, .path = "" };
		t->note(t->ctx, &n);
	}
	if (c->watch)
		watch_told(c->watch, p + 2, t->note, t->ctx);
}

void collector_watch(struct collector *c, const struct sample *s, const uint8_t *pressure)
{
	if (c->watch)
		watch_sync(c->watch, s, pressure);
}

void collector_watch_counts(const struct collector *c, size_t *counters, size_t *triggers)
{
	*counters = *triggers = 0;
	if (c->watch)
		watch_counts(c->watch, counters, triggers);
}

const char *collector_no_log(const struct collector *c)
{
	return c->no_log[0] ? c->no_log : NULL;
}

const char *collector_warning(const struct collector *c)
{
	return c->warning[0] ? c->warning : NULL;
}
