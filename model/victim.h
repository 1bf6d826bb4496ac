/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_VICTIM_H
#define HEADROOM_VICTIM_H

#include <stdint.h>

#include "collectors/sample.h"

/* The process the OOM killer would pick when a cgroup's limit is hit,
 * ranked as the kernel's oom_badness ranks them: points = resident pages
 * (statm) + swapped pages (VmSwap) + page-table pages (VmPTE, read for
 * these processes alone: collector_pgtables) + oom_score_adj × (the cgroup's page
 * budget / 1000, in whole pages as the kernel divides), the budget being
 * its limit plus the swap it may use
 * (min(memory.swap.max, or v1 memsw limit - limit, and SwapTotal); none
 * when v1 memory.swappiness is 0). oom_score_adj -1000 is never picked. A
 * tie goes to the later in the kernel's scan: headroom takes the higher
 * pid. A figure not read (a process gone between the reads) leaves the
 * cgroup without a pick for that sample. The kernel's own oom_score divides
 * the same adj by the whole machine's budget, so it can rank otherwise. */

/* Points of p under a budget of `budget` pages, or INT64_MIN when it cannot
 * be picked; *known 0 when a figure it needs was not read. */
int64_t victim_points(const struct proc_sample *p, uint64_t budget, int swap_known_zero, int *known);
/* The page budget of cgroup s->cgs[i]'s own limit, or 0 when it has none. */
uint64_t victim_budget(const struct sample *s, size_t i);
/* Ranked only where the limit is near: a cgroup whose own limit is its
 * effective one, at VICTIM_FROM_PCT of it or more (the details the ranking
 * needs, oom_score_adj, VmSwap and VmPTE, cost reads of each process). */
#define VICTIM_FROM_PCT 50
int victim_watched(const struct sample *s, size_t i);
/* For each watched cgroup: the pick among the processes of its subtree
 * (cg_diag.victim, .victim_points, .victim_budget). */
void victim_fill(struct sample *s);
/* Is process p in the subtree of cgroup j? */
int victim_in_subtree(const struct sample *s, const struct proc_sample *p, int j);

#endif
