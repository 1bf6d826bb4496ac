/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_FSIO_H
#define HEADROOM_FSIO_H

#include <stddef.h>
#include <sys/types.h>

#include "util/value.h"

/* Reading /proc and cgroupfs files. Every path is relative to a directory
 * descriptor (the --root directory, a cgroup directory, /proc), so a fixture
 * tree stands in for the machine without any path string surgery. */

/* A growable text buffer, always NUL-terminated after a successful read. */
struct buf {
	char *p;
	size_t len, cap;
};
void buf_free(struct buf *b);

/* Read all of fd from offset 0 with pread (procfs and cgroupfs regenerate
 * the content on a read at offset 0, so a kept-open fd gives fresh figures),
 * until a read returns 0. seq_file hands out at most a buffer (a page) per
 * read for files of many records (cgroup.procs, /proc/vmstat, smaps,
 * mountinfo): those need this. Returns 0, or an errno (ESRCH: process gone,
 * ENODEV: cgroup removed). */
int buf_pread_all(struct buf *b, int fd);
/* The same for a file the kernel prints as one record (statm, a cgroup's
 * scalar and stat files, PSI, sysctls): one read that leaves room in the
 * buffer has it all, which saves a pread per file on the hot path. */
int buf_pread_record(struct buf *b, int fd);

/* open + read + close of dirfd/name. Returns 0 or an errno. */
int buf_read_at(struct buf *b, int dirfd, const char *name);

/* openat with O_RDONLY|O_CLOEXEC; returns fd or -errno. */
int open_ro_at(int dirfd, const char *name);
/* Open a directory below dirfd; returns fd or -errno. */
int open_dir_at(int dirfd, const char *name);

/* Raise RLIMIT_NOFILE to its hard limit, so the hot path can keep one
 * descriptor per process and per cgroup file. Returns the new soft limit. */
long fd_limit_raise(void);

#endif
