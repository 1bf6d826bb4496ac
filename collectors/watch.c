/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/watch.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "util/clock.h"
#include "util/fsio.h"
#include "util/parse.h"
#include "util/xalloc.h"

struct wcg {
	uint64_t id;
	char *path;
	int efd;		 /* v2 memory.events.local, v1 an eventfd; -1 none */
	int pfd;		 /* a PSI trigger on memory.pressure; -1 none */
	int e_armed, p_armed;	 /* 0: not polled (it reads ENODEV: gone) */
	int p_tried;		 /* a trigger was tried (the unified tree may lack the cgroup) */
	uint64_t oom, max, high; /* v2: the counters as last read */
	double fired;		 /* when the trigger last fired; -INFINITY never */
};

struct watch {
	int version;
	int mfd;	      /* the memory hierarchy's root */
	int ufd;	      /* the cgroup2 root holding memory.pressure (v2: mfd's; hybrid: unified); -1 */
	char *self_mem;	      /* our own cgroup in the memory hierarchy ("" unknown: none registered) */
	char *self_unified;   /* ... and in the unified tree */
	struct fdpool *pool;
	int sys_fd;	      /* /proc/pressure/memory with a trigger; -1 none */
	double sys_fired;
	struct wcg *cg;	      /* sorted by id */
	size_t n;
	struct buf buf;
	struct kvset kv;
};

static int open_root(int rootfd, const char *mount)
{
	return mount ? open_dir_at(rootfd, mount[0] == '/' ? mount + 1 : mount) : -1;
}

static char *self_in(const char *text, int version, const char *mem_root)
{
	char path[4096];
	return text && cgroup_file_path(text, version, mem_root, path, sizeof(path)) == 0 ? xstrdup(path) : xstrdup("");
}

/* A trigger written to an open pressure file (psi.rst: the write ends in a
 * newline). Returns 0 or an errno. */
static int trigger(int fd)
{
	char t[64];
	int n = snprintf(t, sizeof(t), "some %d %d\n", WATCH_PSI_STALL_US, WATCH_PSI_WINDOW_US);
	return write(fd, t, (size_t)n) == n ? 0 : errno;
}

/* Open dirfd/name read-write and write a trigger; -1 when it cannot be. */
static int open_trigger(struct watch *w, int dirfd, const char *name)
{
	if (!fdpool_take(w->pool))
		return -1;
	int fd = openat(dirfd, name, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd >= 0 && trigger(fd) == 0)
		return fd;
	if (fd >= 0)
		close(fd);
	fdpool_give(w->pool);
	return -1;
}

struct watch *watch_open(int rootfd, const struct cg_mounts *m, const char *self_text, struct fdpool *pool)
{
	struct watch *w = xcalloc(1, sizeof(*w));
	w->version = m->version;
	w->pool = pool;
	w->mfd = open_root(rootfd, m->mem_mount);
	w->ufd = m->version == 2 ? (w->mfd >= 0 ? dup(w->mfd) : -1) : open_root(rootfd, m->unified_mount);
	w->self_mem = self_in(self_text, m->version, m->mem_root);
	w->self_unified = m->version == 2 ? xstrdup(w->self_mem) : self_in(self_text, 2, NULL);
	w->sys_fd = open_trigger(w, rootfd, "proc/pressure/memory");
	w->sys_fired = -INFINITY;
	return w;
}

static void close_counted(struct watch *w, int *fd)
{
	if (*fd >= 0) {
		close(*fd);
		fdpool_give(w->pool);
	}
	*fd = -1;
}

static void wcg_free(struct watch *w, struct wcg *c)
{
	close_counted(w, &c->efd);
	close_counted(w, &c->pfd);
	free(c->path);
}

void watch_close(struct watch *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n; i++)
		wcg_free(w, &w->cg[i]);
	free(w->cg);
	close_counted(w, &w->sys_fd);
	if (w->mfd >= 0)
		close(w->mfd);
	if (w->ufd >= 0)
		close(w->ufd);
	free(w->self_mem);
	free(w->self_unified);
	buf_free(&w->buf);
	kvset_free(&w->kv);
	free(w);
}

/* path is the cgroup we run in or one above it: not ours to register in. */
static int is_ours(const char *self, const char *path)
{
	return !self[0] || sample_path_under(self, path);
}

static const char *rel(const char *path, const char *name, char *out, size_t n)
{
	snprintf(out, n, "%s/%s", path[1] ? path + 1 : ".", name);
	return out;
}

/* v2: read memory.events.local into c's counters. Returns 0 or an errno. */
static int read_events(struct watch *w, struct wcg *c)
{
	int e = buf_pread_record(&w->buf, c->efd);
	if (e)
		return e;
	kvset_parse(&w->kv, w->buf.p);
	const char *keys[] = { "oom", "max", "high" };
	uint64_t *dst[] = { &c->oom, &c->max, &c->high };
	for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++) {
		val_t v = kvset_get(&w->kv, keys[i]);
		*dst[i] = val_is_ok(v) ? v.v : 0;
	}
	val_t k = kvset_get(&w->kv, "oom_kill");
	c->oom += val_is_ok(k) ? k.v : 0; /* a kill counts as much as the OOM before it */
	return 0;
}

/* v1: an eventfd told of c's OOMs through cgroup.event_control. */
static int register_oom(struct watch *w, const char *path)
{
	char p[4200];
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	int cfd = openat(w->mfd, rel(path, "memory.oom_control", p, sizeof(p)), O_RDONLY | O_CLOEXEC);
	int ctl = openat(w->mfd, rel(path, "cgroup.event_control", p, sizeof(p)), O_WRONLY | O_CLOEXEC);
	int ok = efd >= 0 && cfd >= 0 && ctl >= 0;
	if (ok) {
		char line[32];
		int n = snprintf(line, sizeof(line), "%d %d", efd, cfd);
		ok = write(ctl, line, (size_t)n) == n;
	}
	if (cfd >= 0)
		close(cfd);
	if (ctl >= 0)
		close(ctl);
	if (!ok && efd >= 0)
		close(efd);
	return ok ? efd : -1;
}

/* The counters' descriptor of a cgroup new to the watch. */
static void watch_counters(struct watch *w, struct wcg *c)
{
	char p[4200];
	if (w->mfd < 0 || !fdpool_take(w->pool))
		return;
	if (w->version == 1)
		c->efd = is_ours(w->self_mem, c->path) ? -1 : register_oom(w, c->path);
	else if ((c->efd = openat(w->mfd, rel(c->path, "memory.events.local", p, sizeof(p)),
				  O_RDONLY | O_CLOEXEC)) >= 0 &&
		 read_events(w, c) != 0) {
		close(c->efd);
		c->efd = -1;
	}
	if (c->efd < 0)
		fdpool_give(w->pool);
	c->e_armed = c->efd >= 0;
}

static void watch_pressure(struct watch *w, struct wcg *c, int wanted)
{
	char p[4200];
	if (!wanted || w->ufd < 0 || is_ours(w->self_unified, c->path)) {
		close_counted(w, &c->pfd);
		c->p_tried = 0; /* wanted again later: tried again */
		return;
	}
	if (c->pfd < 0 && !c->p_tried) {
		c->pfd = open_trigger(w, w->ufd, rel(c->path, "memory.pressure", p, sizeof(p)));
		c->p_armed = c->pfd >= 0;
		c->p_tried = 1;
	}
}

static int wcg_cmp(const void *a, const void *b)
{
	uint64_t x = ((const struct wcg *)a)->id, y = ((const struct wcg *)b)->id;
	return x < y ? -1 : x > y;
}

void watch_sync(struct watch *w, const struct sample *s, const uint8_t *pressure)
{
	struct wcg *next = xcalloc(s->ncg + 1, sizeof(*next));
	for (size_t i = 0; i < s->ncg; i++) {
		struct wcg key = { .id = s->cgs[i].id };
		struct wcg *old = w->n ? bsearch(&key, w->cg, w->n, sizeof(*w->cg), wcg_cmp) : NULL;
		struct wcg *c = &next[i];
		if (old) {
			*c = *old;
			old->path = NULL;
			old->efd = old->pfd = -1;
		} else {
			*c = (struct wcg){ .id = key.id, .path = xstrdup(s->cgs[i].path), .efd = -1, .pfd = -1 };
			c->fired = -INFINITY;
			watch_counters(w, c);
		}
		watch_pressure(w, c, pressure && pressure[i]);
	}
	for (size_t i = 0; i < w->n; i++) /* the cgroups gone */
		wcg_free(w, &w->cg[i]);
	free(w->cg);
	w->cg = next;
	w->n = s->ncg;
	qsort(w->cg, w->n, sizeof(*w->cg), wcg_cmp);
}

size_t watch_npollfds(const struct watch *w)
{
	return 1 + 2 * w->n;
}

void watch_pollfds(const struct watch *w, struct pollfd *out)
{
	short ev = POLLPRI | (w->version == 1 ? POLLIN : 0);
	out[0] = (struct pollfd){ .fd = w->sys_fd, .events = POLLPRI };
	for (size_t i = 0; i < w->n; i++) {
		const struct wcg *c = &w->cg[i];
		out[1 + 2 * i] = (struct pollfd){ .fd = c->e_armed ? c->efd : -1, .events = ev };
		out[2 + 2 * i] = (struct pollfd){ .fd = c->p_armed ? c->pfd : -1, .events = POLLPRI };
	}
}

/* A trigger fired: the pressure as it reads now. Returns 0 or an errno. */
static int fired(struct watch *w, int fd, double *last, struct watch_note *n)
{
	int e = buf_pread_record(&w->buf, fd);
	if (e)
		return e;
	double now = clock_mono();
	psi_parse(&n->psi, w->buf.p);
	n->what = WATCH_PRESSURE;
	n->since_last = now - *last;
	*last = now;
	return 0;
}

/* c's counters moved (v2) or its eventfd fired (v1): what it says. */
static int counters(struct watch *w, struct wcg *c, struct watch_note *n)
{
	if (w->version == 1) {
		uint64_t v;
		if (read(c->efd, &v, sizeof(v)) != sizeof(v))
			return errno == EAGAIN ? EAGAIN : EIO;
		n->what = WATCH_OOM;
		return 0;
	}
	uint64_t oom = c->oom, max = c->max, high = c->high;
	int e = read_events(w, c);
	if (e)
		return e;
	if (c->oom > oom)
		n->what = WATCH_OOM;
	else if (c->max > max)
		n->what = WATCH_MAX;
	else if (c->high > high)
		n->what = WATCH_HIGH;
	else
		return EAGAIN; /* another counter (low) moved */
	return 0;
}

static void told_cg(struct watch *w, struct wcg *c, const struct pollfd *p, void (*fn)(void *, const struct watch_note *),
		    void *ctx)
{
	struct watch_note n = { .id = c->id, .path = c->path };
	int e;
	if (p[0].revents && (e = counters(w, c, &n)) != EAGAIN) {
		c->e_armed = e == 0;
		if (e)
			n.what = WATCH_GONE; /* ENODEV: removed; the next sample closes it */
		fn(ctx, &n);
	}
	if (p[1].revents && (e = fired(w, c->pfd, &c->fired, &n)) != EAGAIN) {
		c->p_armed = e == 0;
		if (e)
			n.what = WATCH_GONE;
		fn(ctx, &n);
	}
}

void watch_told(struct watch *w, const struct pollfd *p, void (*fn)(void *ctx, const struct watch_note *n), void *ctx)
{
	struct watch_note n = { .path = "" };
	if (p[0].revents && fired(w, w->sys_fd, &w->sys_fired, &n) == 0)
		fn(ctx, &n);
	else if (p[0].revents)
		close_counted(w, &w->sys_fd); /* unreadable: polled no more */
	for (size_t i = 0; i < w->n; i++)
		told_cg(w, &w->cg[i], p + 1 + 2 * i, fn, ctx);
}

void watch_counts(const struct watch *w, size_t *counters_n, size_t *triggers)
{
	*counters_n = 0;
	*triggers = w->sys_fd >= 0;
	for (size_t i = 0; i < w->n; i++) {
		*counters_n += w->cg[i].efd >= 0;
		*triggers += w->cg[i].pfd >= 0;
	}
}
