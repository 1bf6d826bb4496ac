/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/cgread.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "util/fsio.h"
#include "util/parse.h"
#include "util/xalloc.h"

char *cgread_self(const struct cg_mounts *m)
{
	struct buf b = { 0 };
	char path[4096];
	int ok = buf_read_at(&b, AT_FDCWD, "/proc/self/cgroup") == 0 &&
		 cgroup_file_path(b.p, m->version, m->mem_root, path, sizeof(path)) == 0;
	buf_free(&b);
	return ok ? xstrdup(path) : NULL;
}

int cgread_delegates(const char *dir, const char *controller)
{
	char *p = xasprintf("%s/cgroup.subtree_control", dir);
	struct buf b = { 0 };
	int ok = 0;
	if (buf_read_at(&b, AT_FDCWD, p) == 0) /* "cpu io memory pids": whole words */
		for (char *w = strtok(b.p, " \n"); w && !ok; w = strtok(NULL, " \n"))
			ok = strcmp(w, controller) == 0;
	buf_free(&b);
	free(p);
	return ok;
}

pid_t *cgread_pids(const char *dir, size_t *n)
{
	char *p = xasprintf("%s/cgroup.procs", dir);
	struct buf b = { 0 };
	pid_t *pids = NULL;
	*n = 0;
	if (buf_read_at(&b, AT_FDCWD, p) == 0) {
		for (const char *s = b.p; *s;) {
			int pid = parse_pid_line(&s);
			if (pid) {
				pids = xreallocarray(pids, *n + 1, sizeof(*pids));
				pids[(*n)++] = (pid_t)pid;
			}
		}
	}
	buf_free(&b);
	free(p);
	return pids;
}
