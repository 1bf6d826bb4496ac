/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/proctab.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "util/xalloc.h"

struct pnode {
	int pid; /* first: sample_pid_cmp compares it */
	int fd;	 /* statm; FD_UNOPENED when not kept */
	uint64_t id;
	uint64_t cg_id; /* cg_sample.id of its cgroup when last known; 0 unknown */
};

struct noted {
	int pid, cg;
};

struct proctab {
	int rootfd, procfd;
	long page;
	struct fdpool *pool;
	struct pnode *nodes; /* sorted by pid */
	size_t n;
	struct noted *notes;
	size_t nnotes, notecap;
	uint64_t next_id;
	struct buf buf;
	char dents[16384];
};

struct proctab *proctab_open(int rootfd, struct fdpool *pool)
{
	struct proctab *t = xcalloc(1, sizeof(*t));
	t->rootfd = rootfd;
	t->pool = pool;
	t->page = sysconf(_SC_PAGESIZE);
	t->procfd = open_dir_at(rootfd, "proc");
	return t;
}

void proctab_close(struct proctab *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		fdpool_close(t->pool, &t->nodes[i].fd);
	if (t->procfd >= 0)
		close(t->procfd);
	free(t->nodes);
	free(t->notes);
	buf_free(&t->buf);
	free(t);
}

void proctab_begin(struct proctab *t)
{
	t->nnotes = 0;
}

void proctab_note(void *ctx, int pid, int cg)
{
	struct proctab *t = ctx;
	if (t->nnotes == t->notecap) {
		t->notecap = t->notecap ? t->notecap * 2 : 1024;
		t->notes = xreallocarray(t->notes, t->notecap, sizeof(*t->notes));
	}
	t->notes[t->nnotes++] = (struct noted){ pid, cg };
}

static void note_from_proc(struct proctab *t)
{
	if (t->procfd < 0 || lseek(t->procfd, 0, SEEK_SET) < 0)
		return;
	ssize_t got;
	while ((got = getdents64(t->procfd, t->dents, sizeof(t->dents))) > 0) {
		for (ssize_t off = 0; off < got;) {
			struct dirent64 *d = (struct dirent64 *)(t->dents + off);
			const char *p = d->d_name;
			off += d->d_reclen;
			val_t pid = parse_u64(&p);
			if (pid.st == V_OK && !*p && pid.v > 0 && pid.v <= 0x7fffffff)
				proctab_note(t, (int)pid.v, -1);
		}
	}
}

/* By pid; a pid's note from a cgroup.procs before its note from /proc. */
static int cmp_noted(const void *a, const void *b)
{
	const struct noted *x = a, *y = b;
	return x->pid != y->pid ? x->pid - y->pid : y->cg - x->cg;
}

/* Sort the notes by pid and keep one entry per pid. */
static void notes_sort_unique(struct proctab *t)
{
	if (t->nnotes < 2)
		return;
	qsort(t->notes, t->nnotes, sizeof(*t->notes), cmp_noted);
	size_t w = 0;
	for (size_t i = 0; i < t->nnotes; i++)
		if (w == 0 || t->notes[w - 1].pid != t->notes[i].pid)
			t->notes[w++] = t->notes[i];
	t->nnotes = w;
}

/* Make t->nodes hold exactly the noted pids, keeping existing nodes. */
static void nodes_merge(struct proctab *t)
{
	struct pnode *out = xcalloc(t->nnotes ? t->nnotes : 1, sizeof(*out));
	size_t i = 0, o = 0;
	for (size_t k = 0; k < t->nnotes; k++) {
		int pid = t->notes[k].pid;
		while (i < t->n && t->nodes[i].pid < pid)
			fdpool_close(t->pool, &t->nodes[i++].fd);
		if (i < t->n && t->nodes[i].pid == pid)
			out[o++] = t->nodes[i++];
		else
			out[o++] = (struct pnode){ pid, FD_UNOPENED, ++t->next_id, 0 };
	}
	while (i < t->n)
		fdpool_close(t->pool, &t->nodes[i++].fd);
	free(t->nodes);
	t->nodes = out;
	t->n = o;
}

/* statm's first three fields (size, resident, shared) in pages, as bytes. */
static void statm_parse(const char *text, long page, val_t *virt, val_t *res, val_t *shr)
{
	const char *p = text;
	val_t *dst[3] = { virt, res, shr };
	for (int i = 0; i < 3; i++) {
		while (*p == ' ')
			p++;
		*dst[i] = val_mul(parse_u64(&p), (uint64_t)page);
	}
}

/* Read one process's statm; a reaped instance is replaced by the process
 * now holding the pid, if any. Returns 0 or an errno (the process is gone). */
static int node_open_read(struct proctab *t, struct pnode *nd)
{
	char name[32];
	snprintf(name, sizeof(name), "%d/statm", nd->pid);
	return fdpool_read(t->pool, &nd->fd, t->procfd, name, &t->buf, 1);
}

static int node_read(struct proctab *t, struct pnode *nd)
{
	/* The common case, a kept descriptor, needs no file name. */
	int e = nd->fd >= 0 ? buf_pread_record(&t->buf, nd->fd) : node_open_read(t, nd);
	if (e == ESRCH && nd->fd >= 0) {
		fdpool_close(t->pool, &nd->fd); /* reaped; the pid may be reused */
		nd->id = ++t->next_id;
		e = node_open_read(t, nd);
	}
	if (nd->fd == FD_ABSENT)
		nd->fd = FD_UNOPENED; /* a pid dir that is gone now may come back */
	return e;
}

/* cg_sample ids to indices in s->cgs, for the attribution kept in pnodes;
 * built on first use, which a sample whose every list was read (v2, a
 * --cgroup view) never makes. */
struct cgid {
	uint64_t id;
	int idx;
};
struct cgmap {
	struct cgid *v;
	size_t n;
	const struct sample *s;
};

static int cmp_cgid(const void *a, const void *b)
{
	const struct cgid *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int cgmap_find(struct cgmap *m, uint64_t id)
{
	if (!id)
		return -1;
	if (!m->v) {
		m->v = xcalloc(m->s->ncg ? m->s->ncg : 1, sizeof(*m->v));
		for (m->n = 0; m->n < m->s->ncg; m->n++)
			m->v[m->n] = (struct cgid){ m->s->cgs[m->n].id, (int)m->n };
		qsort(m->v, m->n, sizeof(*m->v), cmp_cgid);
	}
	struct cgid key = { id, 0 }, *hit = m->n ? bsearch(&key, m->v, m->n, sizeof(key), cmp_cgid) : NULL;
	return hit ? hit->idx : -1;
}

/* The cgroup (index in s->cgs, or -1) of process node nd: from a
 * cgroup.procs read this sample (note_cg), else where it was last seen
 * unless that cgroup's list was read afresh without it, else asked of
 * resolve (a process new to us). */
static int attribute(struct pnode *nd, int note_cg, const struct sample *s, struct cgmap *m,
		     const struct proc_resolver *r)
{
	int idx = note_cg >= 0 ? note_cg : cgmap_find(m, nd->cg_id);
	if (note_cg < 0 && idx >= 0 && s->cgs[idx].procs_fresh)
		idx = -1; /* its cgroup was listed afresh without it: it moved out */
	if (idx < 0 && r)
		idx = r->fn(r->ctx, nd->pid, s);
	nd->cg_id = idx >= 0 ? s->cgs[idx].id : 0;
	return idx;
}

void proctab_read(struct proctab *t, struct sample *s, int from_proc, const struct proc_resolver *r)
{
	struct cgmap m = { .s = s };
	if (from_proc)
		note_from_proc(t);
	notes_sort_unique(t);
	nodes_merge(t);
	s->nproc = 0;
	for (size_t i = 0; i < t->n; i++) {
		struct pnode *nd = &t->nodes[i];
		uint64_t id = nd->id;
		if (node_read(t, nd) != 0)
			continue; /* vanished since it was listed: left out quietly */
		if (nd->id != id)
			nd->cg_id = 0; /* a new process under a reused pid */
		int cg = attribute(nd, t->notes[i].cg, s, &m, r);
		if (cg < 0 && s->ncg)
			continue; /* in none of the cgroups shown */
		if (cg >= 0 && !s->cgs[cg].procs_fresh)
			s->cgs[cg].nprocs++; /* a fresh list counted its own */
		struct proc_sample *p = sample_add_proc(s);
		p->pid = nd->pid;
		p->cg = cg;
		p->id = nd->id;
		statm_parse(t->buf.p, t->page, &p->virt, &p->res, &p->shr);
	}
	free(m.v);
}

static struct pnode *node_of(struct proctab *t, int pid)
{
	return t->n ? bsearch(&pid, t->nodes, t->n, sizeof(*t->nodes), sample_pid_cmp) : NULL;
}

int proctab_alive(struct proctab *t, int pid, uint64_t id)
{
	struct pnode *nd = node_of(t, pid);
	if (!nd || nd->id != id)
		return 0;
	if (nd->fd < 0)
		return 1; /* not kept (descriptors ran out): cannot tell, trust it */
	return buf_pread_record(&t->buf, nd->fd) == 0;
}

int proctab_signal(struct proctab *t, int pid, uint64_t id, int sig)
{
	struct pnode *nd = node_of(t, pid);
	if (!nd || nd->id != id)
		return ESRCH;
	if (nd->fd < 0)
		return EBADF;
	int pfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (pfd < 0)
		return errno;
	int e = buf_pread_record(&t->buf, nd->fd) == 0 ? 0 : ESRCH;
	if (!e && syscall(SYS_pidfd_send_signal, pfd, sig, NULL, 0) != 0)
		e = errno;
	close(pfd);
	return e;
}
