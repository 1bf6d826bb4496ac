/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/rootns.h"

#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xalloc.h"

#define HOST_PROC "/proc/.host"

static int fail(char *err, size_t errlen, const char *what)
{
	snprintf(err, errlen, "%s: %s", what, strerror(errno));
	return -1;
}

static int link_entries(const char *procdir, char *err, size_t errlen)
{
	DIR *d = opendir(procdir);
	if (!d)
		return fail(err, errlen, procdir);
	struct dirent *e;
	int rc = 0;
	while (rc == 0 && (e = readdir(d))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "self") || !strcmp(e->d_name, "thread-self"))
			continue;
		char *src = xasprintf("%s/%s", procdir, e->d_name);
		char *dst = xasprintf("/proc/%s", e->d_name);
		if (symlink(src, dst) != 0 && errno != EEXIST)
			rc = fail(err, errlen, dst);
		free(src);
		free(dst);
	}
	closedir(d);
	return rc;
}

/* self, thread-self, and our own pid (LeakSanitizer lists threads through
 * /proc/PID/task) lead to the real procfs. A fixture process that has our
 * pid stays hidden: link_entries skips what exists. */
static int link_self(char *err, size_t errlen)
{
	char t[64], own[32];
	snprintf(t, sizeof(t), ".host/%d", (int)getpid());
	if (symlink(t, "/proc/self") != 0)
		return fail(err, errlen, "/proc/self");
	snprintf(own, sizeof(own), "/proc/%d", (int)getpid());
	if (symlink(t, own) != 0)
		return fail(err, errlen, own);
	snprintf(t, sizeof(t), ".host/%d/task/%d", (int)getpid(), (int)gettid());
	if (symlink(t, "/proc/thread-self") != 0)
		return fail(err, errlen, "/proc/thread-self");
	return 0;
}

int rootns_enter(const char *root, char *err, size_t errlen)
{
	char *rp = realpath(root, NULL);
	if (!rp)
		return fail(err, errlen, root);
	char *procdir = xasprintf("%s/proc", rp);
	free(rp);
	int rc = -1;
	if (unshare(CLONE_NEWNS) != 0 && unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
		fail(err, errlen, "private mount namespace");
	else if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		fail(err, errlen, "making mounts private");
	else if (mount("headroom", "/proc", "tmpfs", 0, "mode=0755") != 0)
		fail(err, errlen, "tmpfs on /proc");
	else if (mkdir(HOST_PROC, 0555) != 0 || mount("proc", HOST_PROC, "proc", 0, NULL) != 0)
		fail(err, errlen, "procfs on " HOST_PROC);
	else if (link_self(err, errlen) == 0 && link_entries(procdir, err, errlen) == 0)
		rc = 0;
	free(procdir);
	return rc;
}
