/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/procmaps.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/fsio.h"
#include "util/parse.h"
#include "util/xalloc.h"

const char *const smap_group_names[SG_N] = {
	[SG_HEAP] = "heap",		[SG_STACK] = "stack",	 [SG_ANON] = "anonymous mmap",
	[SG_LIBS] = "shared libraries", [SG_FILES] = "other files", [SG_SHMEM] = "shmem / tmpfs",
	[SG_KERNEL] = "kernel (vdso)",
};

enum smap_group smap_classify(const char *path)
{
	if (!*path || strncmp(path, "[anon", 5) == 0)
		return SG_ANON;
	if (strcmp(path, "[heap]") == 0)
		return SG_HEAP;
	if (strncmp(path, "[stack", 6) == 0)
		return SG_STACK;
	if (path[0] == '[')
		return SG_KERNEL;
	if (strncmp(path, "/dev/shm/", 9) == 0 || strncmp(path, "/SYSV", 5) == 0 || strncmp(path, "/memfd:", 7) == 0 ||
	    strncmp(path, "/dev/zero", 9) == 0)
		return SG_SHMEM;
	const char *base = strrchr(path, '/');
	if (strstr(base ? base : path, ".so"))
		return SG_LIBS;
	return SG_FILES;
}

/* "start-end perms offset dev inode   path": a mapping header, or -1. */
static int header(const char *line, struct smap *m)
{
	char perms[8];
	unsigned long long start, end;
	int off = 0;
	if (sscanf(line, "%llx-%llx %7s %*s %*s %*s %n", &start, &end, perms, &off) < 3 || !off)
		return -1;
	const char *path = line + off;
	size_t len = strcspn(path, "\n");
	*m = (struct smap){ .start = start, .end = end };
	snprintf(m->perms, sizeof(m->perms), "%s", perms);
	m->path = xstrndup(path, len);
	m->group = smap_classify(m->path);
	return 0;
}

/* "Rss:   24 kB" lines into the mapping's figures. */
static void field(const char *line, struct smap_figs *f)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{ "Size:", offsetof(struct smap_figs, size) },	       { "Rss:", offsetof(struct smap_figs, rss) },
		{ "Pss:", offsetof(struct smap_figs, pss) },	       { "Private_Clean:", offsetof(struct smap_figs, private) },
		{ "Private_Dirty:", offsetof(struct smap_figs, private) }, { "Swap:", offsetof(struct smap_figs, swap) },
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		size_t kl = strlen(keys[i].key);
		if (strncmp(line, keys[i].key, kl) != 0)
			continue;
		const char *p = line + kl;
		while (*p == ' ')
			p++;
		val_t v = val_mul(parse_u64(&p), 1024);
		if (val_is_ok(v))
			*(uint64_t *)((char *)f + keys[i].off) += v.v;
		return;
	}
}

static void add(struct smap_figs *to, const struct smap_figs *f)
{
	to->size += f->size;
	to->rss += f->rss;
	to->pss += f->pss;
	to->private += f->private;
	to->swap += f->swap;
}

static void parse_maps(struct procmaps *m, char *text)
{
	size_t cap = 0;
	for (char *save = NULL, *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct smap s;
		if (header(line, &s) == 0) {
			if (m->n == cap) {
				cap = cap ? cap * 2 : 64;
				m->maps = xreallocarray(m->maps, cap, sizeof(*m->maps));
			}
			m->maps[m->n++] = s;
		} else if (m->n) {
			field(line, &m->maps[m->n - 1].f);
		}
	}
	for (size_t i = 0; i < m->n; i++) {
		add(&m->group[m->maps[i].group], &m->maps[i].f);
		add(&m->total, &m->maps[i].f);
	}
}

static void parse_statm(struct procmaps *m, const char *text)
{
	long page = sysconf(_SC_PAGESIZE);
	const char *p = text;
	for (int i = 0; i < 7; i++) {
		while (*p == ' ')
			p++;
		m->statm[i] = val_mul(parse_u64(&p), (uint64_t)page);
	}
}

int procmaps_read(int rootfd, int pid, struct procmaps *m)
{
	char name[48];
	struct buf b = { 0 };
	procmaps_free(m);
	snprintf(name, sizeof(name), "proc/%d/statm", pid);
	int e = buf_read_at(&b, rootfd, name);
	for (int i = 0; i < 7; i++)
		m->statm[i] = val_na(e ? na_from_errno(e) : NA_NOTREAD);
	if (!e) {
		parse_statm(m, b.p);
		snprintf(name, sizeof(name), "proc/%d/smaps", pid);
		e = buf_read_at(&b, rootfd, name);
	}
	if (!e)
		parse_maps(m, b.p);
	buf_free(&b);
	return e;
}

void procmaps_free(struct procmaps *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->maps[i].path);
	free(m->maps);
	memset(m, 0, sizeof(*m));
}
