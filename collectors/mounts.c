/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/mounts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fsio.h"
#include "util/xalloc.h"

const char *layout_name(enum cg_layout l)
{
	static const char *const names[] = { "none", "v1", "unified", "hybrid" };
	return l <= LAYOUT_HYBRID ? names[l] : "?";
}

void mounts_unescape(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (r[0] == '\\' && r[1] >= '0' && r[1] <= '3' && r[2] >= '0' && r[2] <= '7' && r[3] >= '0' &&
		    r[3] <= '7') {
			*w++ = (char)((r[1] - '0') * 64 + (r[2] - '0') * 8 + (r[3] - '0'));
			r += 3;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

/* Split one mountinfo line into the fields we need. Returns 0 on success. */
struct mline {
	char *root, *point, *fstype, *superopts;
};

static int mline_split(char *line, struct mline *ml)
{
	char *f[6] = { 0 };
	char *save = NULL, *tok;
	int i = 0;
	for (tok = strtok_r(line, " ", &save); tok && i < 6; tok = strtok_r(NULL, " ", &save))
		f[i++] = tok;
	if (i < 6)
		return -1;
	/* Optional fields until the lone "-" separator. */
	while (tok && strcmp(tok, "-") != 0)
		tok = strtok_r(NULL, " ", &save);
	if (!tok)
		return -1;
	ml->root = f[3];
	ml->point = f[4];
	ml->fstype = strtok_r(NULL, " ", &save);
	(void)strtok_r(NULL, " ", &save); /* source */
	ml->superopts = strtok_r(NULL, " ", &save);
	return ml->fstype && ml->superopts ? 0 : -1;
}

static int has_option(const char *opts, const char *want)
{
	size_t n = strlen(want);
	for (const char *p = opts; p; p = strchr(p, ',')) {
		if (*p == ',')
			p++;
		if (strncmp(p, want, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
	}
	return 0;
}

/* Does the cgroup2 hierarchy mounted at point offer the memory controller? */
static int v2_has_memory(int rootfd, const char *point)
{
	char *rel = xasprintf("%s/cgroup.controllers", point + (point[0] == '/'));
	struct buf b = { 0 };
	int ok = buf_read_at(&b, rootfd, rel) == 0 && (strstr(b.p, "memory ") || strstr(b.p, "memory\n") ||
						       (b.len >= 6 && strcmp(b.p + b.len - 6, "memory") == 0));
	buf_free(&b);
	free(rel);
	return ok;
}

static void take(char **dst, const char *src)
{
	if (!*dst)
		*dst = xstrdup(src);
}

static void mounts_consider(int rootfd, struct cg_mounts *m, struct mline *ml, char **v2_nomem)
{
	mounts_unescape(ml->point);
	mounts_unescape(ml->root);
	if (strcmp(ml->fstype, "cgroup") == 0 && has_option(ml->superopts, "memory") && !m->mem_mount) {
		m->version = 1;
		take(&m->mem_mount, ml->point);
		take(&m->mem_root, ml->root);
	} else if (strcmp(ml->fstype, "cgroup2") == 0) {
		if (v2_has_memory(rootfd, ml->point) && !m->mem_mount) {
			m->version = 2;
			take(&m->mem_mount, ml->point);
			take(&m->mem_root, ml->root);
		} else {
			take(v2_nomem, ml->point);
		}
	}
}

int mounts_discover(int rootfd, struct cg_mounts *m)
{
	struct buf b = { 0 };
	char *v2_nomem = NULL;
	*m = (struct cg_mounts){ 0 };
	int err = buf_read_at(&b, rootfd, "proc/self/mountinfo");
	if (err)
		return err;
	for (char *save = NULL, *line = strtok_r(b.p, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct mline ml;
		char *copy = xstrdup(line);
		if (mline_split(copy, &ml) == 0)
			mounts_consider(rootfd, m, &ml, &v2_nomem);
		free(copy);
	}
	buf_free(&b);
	if (m->version == 2)
		m->layout = LAYOUT_V2;
	else if (m->version == 1)
		m->layout = v2_nomem ? LAYOUT_HYBRID : LAYOUT_V1;
	if (m->layout == LAYOUT_HYBRID)
		m->unified_mount = v2_nomem;
	else
		free(v2_nomem);
	return 0;
}

void mounts_free(struct cg_mounts *m)
{
	free(m->mem_mount);
	free(m->mem_root);
	free(m->unified_mount);
	*m = (struct cg_mounts){ 0 };
}

/* Does a /proc/PID/cgroup controller list ("cpu,memory") name ctl? v2's
 * line has an empty list; ctl "" matches only that. */
static int has_controller(const char *list, size_t len, const char *ctl)
{
	size_t n = strlen(ctl);
	if (!n)
		return len == 0;
	for (const char *p = list, *end = list + len; p < end;) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		size_t w = comma ? (size_t)(comma - p) : (size_t)(end - p);
		if (w == n && strncmp(p, ctl, n) == 0)
			return 1;
		p += w + 1;
	}
	return 0;
}

int cgroup_file_path(const char *text, int version, const char *mem_root, char *out, size_t n)
{
	size_t rl = mem_root && strcmp(mem_root, "/") != 0 ? strlen(mem_root) : 0;
	for (const char *l = text; *l;) {
		size_t len = strcspn(l, "\n");
		const char *c1 = memchr(l, ':', len), *c2 = c1 ? memchr(c1 + 1, ':', len - (size_t)(c1 + 1 - l)) : NULL;
		if (c2 && has_controller(c1 + 1, (size_t)(c2 - c1 - 1), version == 2 ? "" : "memory") &&
		    (version == 1 || (c1 - l == 1 && l[0] == '0'))) {
			const char *path = c2 + 1;
			size_t plen = len - (size_t)(path - l);
			if (rl && plen >= rl && strncmp(path, mem_root, rl) == 0 && (plen == rl || path[rl] == '/')) {
				path += rl; /* inside a namespaced mount: relative to its root */
				plen -= rl;
			}
			snprintf(out, n, "%.*s", plen ? (int)plen : 1, plen ? path : "/");
			return 0;
		}
		l += len + (l[len] == '\n');
	}
	return -1;
}
