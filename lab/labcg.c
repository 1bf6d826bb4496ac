/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "lab/labcg.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "collectors/cgread.h"
#include "collectors/mounts.h"
#include "util/xalloc.h"

const char *const lab_knob_names[KNOB_N] = {
	[KNOB_LIMIT] = "--limit",
	[KNOB_HIGH] = "--high",
	[KNOB_LOW] = "--low",
	[KNOB_SWAP] = "--swap",
	[KNOB_OOM_KILL_DISABLE] = "--oom-kill-disable",
	[KNOB_SWAPPINESS] = "swappiness",
};

static int write_file(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	int fd = open(p, O_WRONLY | O_CLOEXEC), e = 0;
	free(p);
	if (fd < 0)
		return errno;
	if (write(fd, text, strlen(text)) < 0)
		e = errno;
	close(fd);
	return e;
}

int labcg_create(struct labcg *c, const char *under, const char *name, char *err, size_t errlen)
{
	struct cg_mounts m = { 0 };
	int rootfd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int e = rootfd < 0 ? errno : mounts_discover(rootfd, &m);
	if (rootfd >= 0)
		close(rootfd);
	*c = (struct labcg){ .version = m.version };
	char *self = !e && m.version ? (under ? xstrdup(under) : cgread_self(&m)) : NULL;
	if (!self) {
		snprintf(err, errlen, "no memory cgroup hierarchy to make a cgroup in");
		mounts_free(&m);
		return -1;
	}
	const char *rel = strcmp(self, "/") == 0 ? "" : self;
	char *parent = xasprintf("%s%s", m.mem_mount, rel);
	struct stat st;
	if (self[0] != '/' || strstr(self, "/../") || stat(parent, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "no cgroup %s in the memory hierarchy", self);
		e = -1;
	} else if (m.version == 2 && !cgread_delegates(parent, "memory")) {
		/* enabling it would mean writing the caller's own cgroup */
		snprintf(err, errlen,
			 "the memory controller is not enabled for the children of %s (cgroup.subtree_control)%s", self,
			 under ? ""
			       : "; headroom does not write the cgroup it runs in, and on cgroup v2 a cgroup with "
				 "processes cannot hand it on: give --parent a cgroup that does");
		e = -1;
	} else {
		c->dir = xasprintf("%s/%s", parent, name);
		c->path = xasprintf("%s/%s", rel, name);
		if (mkdir(c->dir, 0755) != 0) {
			e = errno;
			snprintf(err, errlen, "cannot make cgroup %s: %s%s", c->path, strerror(e),
				 e == EACCES || e == EPERM ? " (needs root, or a cgroup delegated to this user)" : "");
		}
	}
	free(parent);
	free(self);
	mounts_free(&m);
	if (e) {
		free(c->dir);
		free(c->path);
		c->dir = c->path = NULL;
		return -1;
	}
	return 0;
}

/* The file a knob is written to on a version, or NULL. */
static const char *knob_file(int version, enum lab_knob k)
{
	static const char *const v1[KNOB_N] = { "memory.limit_in_bytes", NULL, NULL, "memory.memsw.limit_in_bytes",
						"memory.oom_control", "memory.swappiness" };
	static const char *const v2[KNOB_N] = { "memory.max", "memory.high", "memory.low", "memory.swap.max", NULL, NULL };
	return version == 1 ? v1[k] : v2[k];
}

int labcg_set(const struct labcg *c, enum lab_knob k, uint64_t v, uint64_t limit, char *err, size_t errlen)
{
	const char *file = knob_file(c->version, k);
	char val[32];
	if (!file) {
		snprintf(err, errlen, "%s: cgroup v%d has no such setting%s", lab_knob_names[k], c->version,
			 k == KNOB_OOM_KILL_DISABLE ? " (v1 memory.oom_control only)" : " (v2 only)");
		return EINVAL;
	}
	if (c->version == 1 && k == KNOB_SWAP) /* memsw counts memory + swap */
		v = limit + v;
	snprintf(val, sizeof(val), "%llu", (unsigned long long)v);
	int e = write_file(c->dir, file, val);
	if (e)
		snprintf(err, errlen, "%s: cannot write %s/%s: %s%s", lab_knob_names[k], c->path, file, strerror(e),
			 e == ENOENT && k == KNOB_SWAP ? " (no swap accounting on this kernel)" : "");
	return e;
}

int labcg_enter(const struct labcg *c)
{
	return write_file(c->dir, "cgroup.procs", "0");
}

pid_t *labcg_pids(const struct labcg *c, size_t *n)
{
	return cgread_pids(c->dir, n);
}

static void pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

int labcg_destroy(struct labcg *c, char *err, size_t errlen)
{
	int e = 0;
	if (!c->dir)
		return 0;
	for (int i = 0; i < 30; i++) { /* only what is in our own cgroup, by pid */
		size_t n;
		pid_t *pids = labcg_pids(c, &n);
		for (size_t k = 0; k < n; k++)
			kill(pids[k], SIGKILL);
		free(pids);
		if (!n || rmdir(c->dir) == 0)
			break;
		pause_ms(100);
	}
	for (int i = 0; i < 30 && rmdir(c->dir) != 0 && errno != ENOENT; i++)
		pause_ms(100);
	if (access(c->dir, F_OK) == 0) {
		e = -1;
		snprintf(err, errlen, "could not remove cgroup %s: %s", c->path, strerror(errno));
	}
	free(c->dir);
	free(c->path);
	c->dir = c->path = NULL;
	return e;
}

int proc_set_oom_score_adj(int adj)
{
	char v[16];
	snprintf(v, sizeof(v), "%d", adj);
	return write_file("/proc/self", "oom_score_adj", v);
}
