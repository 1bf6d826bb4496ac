/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_ROOTNS_H
#define HEADROOM_ROOTNS_H

#include <stddef.h>

/* libproc2 reads /proc and nothing else. For --root DIR, headroom's own
 * readers use DIR/proc and DIR/sys directly; so that libproc2 sees the same
 * tree, this moves the process into a private mount namespace whose /proc is
 * a tmpfs of symlinks to DIR/proc's entries, except self and thread-self,
 * which stay those of the real procfs (sanitizers and the C library read
 * them), as does /proc/<our pid>. Must run before any thread starts and
 * before libproc2 is used. Returns 0, or -1 with a message in err (needs
 * CAP_SYS_ADMIN, or user namespaces); libproc2's figures are then N/A. */
int rootns_enter(const char *root, char *err, size_t errlen);

#endif
