/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/cgtree.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xalloc.h"

struct cg_node {
	uint64_t id;
	char *path;
	ino_t ino;
	int dirfd, udirfd; /* udirfd: same path in the unified tree (hybrid) */
	int fd[CG_NFILES], kvfd[CG_NKV], procs_fd, psi_fd;
	val_t cfg[CG_NFILES]; /* config files as last read */
	int wd;		      /* inotify watch, -1 if none: then always dirty */
	int dirty_kids;	      /* children may have changed: getdents next sample */
	int dirty_cfg;	      /* a file was written: re-read the config files */
	int dirty_procs;      /* cgroup.procs or tasks was written (v1 incremental) */
	struct cg_node **kids;
	size_t nkids;
	unsigned mark;
};

/* An ancestor of the view: only its limit matters. */
struct cg_anc {
	char *path;
	int dirfd, limit_fd, hier_fd;
};

struct cgtree {
	int version;
	int incremental;	 /* v1, whole hierarchy, inotify: see node_read_procs */
	char *mem_root;		 /* the cgroup path mounted at the hierarchy's root */
	int rootfd, urootfd;	 /* hierarchy root dir; unified root (hybrid) or -1 */
	int inofd;		 /* inotify: mkdir/rmdir and writes in watched cgroups */
	struct cg_node **wd_map; /* watch descriptor -> node */
	size_t wd_cap;
	struct fdpool *pool;
	struct cg_node *view;
	struct cg_anc *anc;
	size_t nanc;
	uint64_t next_id;
	unsigned gen;
	struct buf buf;
	char dents[8192];
};

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');
	return s && s[1] ? s + 1 : path;
}

static char *path_join(const char *parent, const char *name)
{
	return strcmp(parent, "/") == 0 ? xasprintf("/%s", name) : xasprintf("%s/%s", parent, name);
}

/* Relative form for openat below a hierarchy root: "/" -> ".", "/a" -> "a". */
static const char *rel(const char *path)
{
	return path[1] ? path + 1 : ".";
}

/* Watch a cgroup directory for child cgroups made or removed and for files
 * written (limits change only so); counters are not written, so a quiet
 * cgroup costs no event. */
static int watch_add(struct cgtree *t, struct cg_node *n)
{
	char proc[40];
	if (t->inofd < 0)
		return -1;
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", n->dirfd);
	int wd = inotify_add_watch(t->inofd, proc,
				   IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR);
	if (wd < 0)
		return -1;
	if ((size_t)wd >= t->wd_cap) {
		size_t cap = (size_t)wd * 2 + 64;
		t->wd_map = xreallocarray(t->wd_map, cap, sizeof(*t->wd_map));
		memset(t->wd_map + t->wd_cap, 0, (cap - t->wd_cap) * sizeof(*t->wd_map));
		t->wd_cap = cap;
	}
	t->wd_map[wd] = n;
	return wd;
}

static void watch_remove(struct cgtree *t, struct cg_node *n)
{
	if (n->wd < 0)
		return;
	inotify_rm_watch(t->inofd, n->wd); /* EINVAL if the kernel dropped it: fine */
	t->wd_map[n->wd] = NULL;
}

static void mark_all_dirty(struct cg_node *n)
{
	n->dirty_kids = n->dirty_cfg = n->dirty_procs = 1;
	for (size_t i = 0; i < n->nkids; i++)
		mark_all_dirty(n->kids[i]);
}

/* A file whose write changes a limit (model: the limit_set event). */
static int is_limit_file(const char *name)
{
	static const char *const names[] = {
		"memory.max",	   "memory.high",	     "memory.low",		   "memory.min",
		"memory.swap.max", "memory.limit_in_bytes", "memory.memsw.limit_in_bytes", "memory.soft_limit_in_bytes",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

/* Drain the inotify queue into the nodes' dirty flags; what changed. */
static unsigned watch_drain(struct cgtree *t)
{
	char ev[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t got;
	unsigned what = 0;
	while (t->inofd >= 0 && (got = read(t->inofd, ev, sizeof(ev))) > 0) {
		for (char *p = ev; p < ev + got;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			p += sizeof(*e) + e->len;
			if (e->mask & IN_Q_OVERFLOW)
				mark_all_dirty(t->view);
			if (e->wd < 0 || (size_t)e->wd >= t->wd_cap || !t->wd_map[e->wd])
				continue;
			if (e->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)) {
				t->wd_map[e->wd]->dirty_kids = 1;
				what |= CGTREE_KIDS;
			}
			if (!(e->mask & IN_MODIFY))
				continue;
			if (e->len && (strcmp(e->name, "cgroup.procs") == 0 || strcmp(e->name, "tasks") == 0))
				t->wd_map[e->wd]->dirty_procs = 1; /* a process moved in */
			else
				t->wd_map[e->wd]->dirty_cfg = 1;
			if (e->len && is_limit_file(e->name))
				what |= CGTREE_LIMIT;
		}
	}
	return what;
}

static struct cg_node *node_new(struct cgtree *t, char *path, int dirfd)
{
	struct cg_node *n = xcalloc(1, sizeof(*n));
	struct stat st;
	n->id = ++t->next_id;
	n->dirty_procs = 1;
	n->path = path;
	n->dirfd = dirfd;
	n->ino = fstat(dirfd, &st) == 0 ? st.st_ino : 0;
	n->udirfd = t->urootfd >= 0 ? open_dir_at(t->urootfd, rel(path)) : -1;
	for (int i = 0; i < CG_NFILES; i++)
		n->fd[i] = FD_UNOPENED;
	for (int i = 0; i < CG_NKV; i++)
		n->kvfd[i] = FD_UNOPENED;
	n->procs_fd = n->psi_fd = FD_UNOPENED;
	n->dirty_kids = n->dirty_cfg = 1;
	n->wd = watch_add(t, n);
	return n;
}

static void node_free(struct cgtree *t, struct cg_node *n)
{
	for (size_t i = 0; i < n->nkids; i++)
		node_free(t, n->kids[i]);
	watch_remove(t, n);
	for (int i = 0; i < CG_NFILES; i++)
		fdpool_close(t->pool, &n->fd[i]);
	for (int i = 0; i < CG_NKV; i++)
		fdpool_close(t->pool, &n->kvfd[i]);
	fdpool_close(t->pool, &n->procs_fd);
	fdpool_close(t->pool, &n->psi_fd);
	if (n->udirfd >= 0)
		close(n->udirfd);
	close(n->dirfd);
	free(n->kids);
	free(n->path);
	free(n);
}

static void anc_free(struct cgtree *t, struct cg_anc *a)
{
	fdpool_close(t->pool, &a->limit_fd);
	fdpool_close(t->pool, &a->hier_fd);
	close(a->dirfd);
	free(a->path);
}

static int anc_add(struct cgtree *t, char *path)
{
	int fd = open_dir_at(t->rootfd, rel(path));
	if (fd < 0) {
		free(path);
		return -fd;
	}
	t->anc = xreallocarray(t->anc, t->nanc + 1, sizeof(*t->anc));
	t->anc[t->nanc++] = (struct cg_anc){ path, fd, FD_UNOPENED, FD_UNOPENED };
	return 0;
}

/* Open the ancestors of view: "/", "/a", ... up to view's parent. */
static int anc_open(struct cgtree *t, const char *view)
{
	if (strcmp(view, "/") == 0)
		return 0;
	int err = anc_add(t, xstrdup("/"));
	for (const char *s = strchr(view + 1, '/'); s && !err; s = strchr(s + 1, '/'))
		err = anc_add(t, xstrndup(view, (size_t)(s - view)));
	return err;
}

/* "/a//b/" or "a/b" -> "/a/b"; "" -> "/". */
static char *view_normalize(const char *view)
{
	const char *v = view ? view : "";
	char *p = xmalloc(strlen(v) + 2), *w = p;
	*w++ = '/';
	for (; *v; v++)
		if (*v != '/' || w[-1] != '/')
			*w++ = *v;
	if (w > p + 1 && w[-1] == '/')
		w--;
	*w = '\0';
	return p;
}

static int open_root(int rootfd, const char *mount, int *out)
{
	int fd = open_dir_at(rootfd, mount[0] == '/' && mount[1] ? mount + 1 : ".");
	*out = fd;
	return fd < 0 ? -fd : 0;
}

struct cgtree *cgtree_open(int rootfd, const struct cg_mounts *m, const char *view, struct fdpool *pool, char *err,
			   size_t errlen)
{
	struct cgtree *t = xcalloc(1, sizeof(*t));
	char *vpath = view_normalize(view);
	int e;
	t->version = m->version;
	t->pool = pool;
	t->rootfd = t->urootfd = -1;
	t->inofd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC); /* -1: re-read everything */
	if ((e = open_root(rootfd, m->mem_mount, &t->rootfd)) != 0) {
		t->rootfd = -1;
		snprintf(err, errlen, "cannot open %s: %s", m->mem_mount, strerror(e));
		goto fail;
	}
	if (m->unified_mount && open_root(rootfd, m->unified_mount, &t->urootfd) != 0)
		t->urootfd = -1; /* hybrid pressure is then N/A */
	if ((e = anc_open(t, vpath)) != 0) {
		snprintf(err, errlen, "cgroup %s: %s", vpath, strerror(e));
		goto fail;
	}
	int dfd = open_dir_at(t->rootfd, rel(vpath));
	if (dfd < 0) {
		snprintf(err, errlen, "cgroup %s not found under %s: %s", vpath, m->mem_mount, strerror(-dfd));
		goto fail;
	}
	t->view = node_new(t, vpath, dfd);
	t->mem_root = xstrdup(m->mem_root ? m->mem_root : "/");
	t->incremental = t->version == 1 && t->inofd >= 0 && strcmp(vpath, "/") == 0;
	return t;
fail:
	free(vpath);
	cgtree_close(t);
	return NULL;
}

void cgtree_close(struct cgtree *t)
{
	if (!t)
		return;
	if (t->view)
		node_free(t, t->view);
	for (size_t i = 0; i < t->nanc; i++)
		anc_free(t, &t->anc[i]);
	free(t->anc);
	if (t->rootfd >= 0)
		close(t->rootfd);
	if (t->urootfd >= 0)
		close(t->urootfd);
	if (t->inofd >= 0)
		close(t->inofd);
	free(t->wd_map);
	free(t->mem_root);
	buf_free(&t->buf);
	free(t);
}

/* ---- reading one cgroup ---- */

static val_t read_val(struct cgtree *t, int *slot, int dirfd, const struct cg_file_info *fi)
{
	int e = fdpool_read(t->pool, slot, dirfd, fi->name, &t->buf, 1);
	if (e)
		return val_na(na_from_errno(e));
	return fi->is_limit ? parse_limit(t->buf.p) : parse_counter(t->buf.p);
}

/* Returns -1 when the cgroup went away. */
static int node_read_files(struct cgtree *t, struct cg_node *n, struct cg_sample *c)
{
	int cfg = n->dirty_cfg || n->wd < 0;
	for (int i = 0; i < CG_NFILES; i++) {
		if (cg_files[i].version != t->version)
			c->f[i] = val_na(NA_NOTAPPLY);
		else if (cg_files[i].config && !cfg)
			c->f[i] = n->cfg[i];
		else
			c->f[i] = n->cfg[i] = read_val(t, &n->fd[i], n->dirfd, &cg_files[i]);
		if (c->f[i].st == V_NA && c->f[i].why == NA_GONE)
			return -1;
	}
	n->dirty_cfg = 0;
	for (int k = 0; k < CG_NKV; k++) {
		if (cg_kvfiles[k].version && cg_kvfiles[k].version != t->version) {
			c->kv_why[k] = NA_NOTAPPLY;
			continue;
		}
		int e = fdpool_read(t->pool, &n->kvfd[k], n->dirfd, cg_kvfiles[k].name, &t->buf, 1);
		if (e == ENODEV || e == ESRCH)
			return -1;
		c->kv_why[k] = e ? (uint8_t)na_from_errno(e) : NA_NONE;
		if (!e)
			kvset_parse(&c->kv[k], t->buf.p);
	}
	return 0;
}

static void node_read_psi(struct cgtree *t, struct cg_node *n, struct cg_sample *c)
{
	int dirfd = t->urootfd >= 0 ? n->udirfd : n->dirfd;
	int e = dirfd < 0 ? ENOENT : fdpool_read(t->pool, &n->psi_fd, dirfd, "memory.pressure", &t->buf, 1);
	if (e) {
		c->psi = (struct psi){ .why = (uint8_t)na_from_errno(e) };
		return;
	}
	psi_parse(&c->psi, t->buf.p);
}

/* cgroup.procs is read last: a cgroup every other file of which was read is
 * still there, so its pids are reported under a slot that stays. */
static int node_read_procs(struct cgtree *t, struct cg_node *n, struct cg_sample *c, int idx, cg_pid_fn fn, void *ctx)
{
	/* v1 builds a pid list on an open file's first read and hands the same
	 * list to every re-read until a second passes without one: a kept
	 * descriptor read each sample would never see a process come or go, so
	 * v1 opens it afresh. That open is most of a v1 sample's cost beyond
	 * statm, so in incremental mode a cgroup's list is read only when the
	 * cgroup is new or its cgroup.procs or tasks was written (a process
	 * moved in); the collector keeps every other process where it was,
	 * finds new ones in /proc and asks their /proc/PID/cgroup. v2 walks
	 * the cgroup's tasks afresh on every read from offset 0. */
	if (t->incremental && n->wd >= 0 && !n->dirty_procs)
		return 0;
	int e = t->version == 1 ? buf_read_at(&t->buf, n->dirfd, "cgroup.procs")
				: fdpool_read(t->pool, &n->procs_fd, n->dirfd, "cgroup.procs", &t->buf, 0);
	if (e == ENOENT || e == ENODEV)
		return -1; /* every cgroup has it: without it the cgroup is gone */
	if (e)
		return 0; /* there, but its processes cannot be listed (EMFILE, EACCES) */
	c->procs_fresh = 1;
	n->dirty_procs = 0;
	for (const char *p = t->buf.p; *p;) {
		int pid = parse_pid_line(&p);
		if (pid) {
			c->nprocs++;
			fn(ctx, pid, idx);
		}
	}
	return 0;
}

/* ---- children ---- */

static int kid_cmp(const void *a, const void *b)
{
	const struct cg_node *x = *(struct cg_node *const *)a, *y = *(struct cg_node *const *)b;
	return strverscmp(basename_of(x->path), basename_of(y->path)); /* g2 before g10 */
}

/* n->kids[0..sorted) is sorted by name (kids_refresh keeps it so; children
 * added during a pass go after it and are not looked up again). */
static struct cg_node *kid_find(struct cg_node *n, size_t sorted, const char *name, ino_t ino)
{
	size_t lo = 0, hi = sorted;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strverscmp(basename_of(n->kids[mid]->path), name);
		if (c == 0)
			return !ino || n->kids[mid]->ino == ino ? n->kids[mid] : NULL;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int is_subdir(int dirfd, const struct dirent64 *d)
{
	if (d->d_name[0] == '.' && (!d->d_name[1] || (d->d_name[1] == '.' && !d->d_name[2])))
		return 0;
	if (d->d_type != DT_UNKNOWN)
		return d->d_type == DT_DIR;
	struct stat st;
	return fstatat(dirfd, d->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
}

static void kid_add(struct cgtree *t, struct cg_node *n, const char *name)
{
	int fd = open_dir_at(n->dirfd, name);
	if (fd < 0)
		return; /* removed since getdents: it is simply not there */
	n->kids = xreallocarray(n->kids, n->nkids + 1, sizeof(*n->kids));
	n->kids[n->nkids++] = node_new(t, path_join(n->path, name), fd);
	n->kids[n->nkids - 1]->mark = t->gen;
}

/* Drop children not seen in this generation. */
static void kids_sweep(struct cgtree *t, struct cg_node *n)
{
	size_t w = 0;
	for (size_t i = 0; i < n->nkids; i++) {
		if (n->kids[i]->mark == t->gen)
			n->kids[w++] = n->kids[i];
		else
			node_free(t, n->kids[i]);
	}
	n->nkids = w;
}

/* Bring n->kids up to date with the directory: one getdents pass. */
static void kids_refresh(struct cgtree *t, struct cg_node *n)
{
	size_t before = n->nkids;
	int added = 0;
	if (lseek(n->dirfd, 0, SEEK_SET) < 0)
		return;
	for (;;) {
		ssize_t got = getdents64(n->dirfd, t->dents, sizeof(t->dents));
		if (got <= 0)
			break;
		for (ssize_t off = 0; off < got;) {
			struct dirent64 *d = (struct dirent64 *)(t->dents + off);
			off += d->d_reclen;
			if (!is_subdir(n->dirfd, d))
				continue;
			struct cg_node *k = kid_find(n, before, d->d_name, d->d_ino);
			if (k)
				k->mark = t->gen;
			else {
				kid_add(t, n, d->d_name);
				added = 1;
			}
		}
	}
	kids_sweep(t, n);
	if (added || n->nkids != before)
		qsort(n->kids, n->nkids, sizeof(*n->kids), kid_cmp);
}

/* ---- the walk ---- */

struct walk {
	struct cgtree *t;
	struct sample *s;
	cg_pid_fn fn;
	void *ctx;
};

static void walk_node(struct walk *w, struct cg_node *n, int parent, int depth)
{
	int idx = (int)w->s->ncg;
	struct cg_sample *c = sample_add_cg(w->s);
	c->id = n->id;
	c->path = xstrdup(n->path);
	c->name = basename_of(c->path);
	c->parent = parent;
	c->depth = depth;
	if (node_read_files(w->t, n, c) != 0) {
		w->s->ncg--; /* went away while being read */
		return;
	}
	node_read_psi(w->t, n, c);
	if (node_read_procs(w->t, n, c, idx, w->fn, w->ctx) != 0) {
		w->s->ncg--;
		return;
	}
	if (n->dirty_kids || n->wd < 0) {
		n->dirty_kids = 0;
		kids_refresh(w->t, n);
	}
	for (size_t i = 0; i < n->nkids; i++)
		walk_node(w, n->kids[i], idx, depth + 1);
}

/* Effective limit above the view: the smallest ancestor limit that applies.
 * v1: an ancestor with use_hierarchy 0 does not cap its descendants, and
 * neither does anything above it. */
static void anc_limits(struct cgtree *t, struct sample *s)
{
	int lim = t->version == 2 ? F2_MAX : F1_LIMIT;
	free(s->base_eff_from);
	s->base_eff_from = NULL;
	s->base_eff_limit = val_unlimited();
	for (size_t i = t->nanc; i-- > 0;) {
		struct cg_anc *a = &t->anc[i];
		if (t->version == 1) {
			val_t h = read_val(t, &a->hier_fd, a->dirfd, &cg_files[F1_USE_HIERARCHY]);
			if (val_is_ok(h) && h.v == 0)
				break;
		}
		val_t v = read_val(t, &a->limit_fd, a->dirfd, &cg_files[lim]);
		if (val_is_ok(v) && (s->base_eff_limit.st != V_OK || v.v < s->base_eff_limit.v)) {
			s->base_eff_limit = v;
			free(s->base_eff_from);
			s->base_eff_from = xstrdup(a->path);
		}
	}
}

int cgtree_sample(struct cgtree *t, struct sample *s, cg_pid_fn fn, void *ctx)
{
	struct walk w = { t, s, fn, ctx };
	watch_drain(t);
	t->gen++;
	s->ncg = 0;
	anc_limits(t, s);
	walk_node(&w, t->view, -1, 0);
	return s->ncg ? 0 : ENOENT;
}

int cgtree_fd(const struct cgtree *t)
{
	return t->inofd;
}

unsigned cgtree_drain(struct cgtree *t)
{
	return watch_drain(t);
}

int cgtree_incremental(const struct cgtree *t)
{
	return t->incremental;
}

int cgtree_pid_cgroup(void *ctx, int pid, const struct sample *s)
{
	struct cgtree_pid_ctx *x = ctx;
	char name[40], path[4096];
	snprintf(name, sizeof(name), "proc/%d/cgroup", pid);
	if (buf_read_at(&x->t->buf, x->rootfd, name) != 0 ||
	    cgroup_file_path(x->t->buf.p, x->t->version, x->t->mem_root, path, sizeof(path)) != 0)
		return -1;
	return sample_find_cg(s, path);
}
