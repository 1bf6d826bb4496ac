/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_PROCDETAIL_H
#define HEADROOM_PROCDETAIL_H

#include <stddef.h>

#include "collectors/proctab.h"
#include "collectors/sample.h"

/* The richer per-process figures, through libproc2's pids interface, only
 * for the processes a caller asks for (the rows a view shows; all of them in
 * batch and JSON output): ppid, user, comm, cmdline, RssAnon/RssFile/RssShmem,
 * VmSwap, oom_score, oom_score_adj; with smaps also PSS, USS (private clean
 * + dirty) and SwapPss from smaps_rollup, whose cost grows with the
 * process's memory. */
struct procdetail;

/* rootfd is used to tell an unreadable smaps_rollup from real zeros. */
struct procdetail *procdetail_open(int rootfd);
void procdetail_close(struct procdetail *d);

/* Page tables (status VmPTE, which libproc2 does not return) of
 * s->procs[idx[0..n)], into d.pgtables; N/A with why where unread. */
void procdetail_pgtables(struct procdetail *d, struct sample *s, const size_t *idx, size_t n);
/* Fill s->procs[idx[i]].d for i < n (idx NULL: every process not read yet
 * in this sample, with smaps if asked). Processes that were reaped
 * meanwhile (checked through pt) keep d.ok = 0. */
void procdetail_fill(struct procdetail *d, struct sample *s, const size_t *idx, size_t n, int smaps,
		     struct proctab *pt);

#endif
