/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "output/evtext.h"

#include <stdio.h>
#include <string.h>

#include "collectors/watch.h"
#include "widgets/format.h"

static const char *na_or(const char *s, const char *na)
{
	return s[0] ? s : na;
}

/* What the kernel log said of a kill. */
static void kill_text(char *out, size_t n, const struct oom_kill *k)
{
	char a[16], fl[16], sh[16], u[16], l[16], adj[16] = "N/A";
	if (k->oom_score_adj.st == V_OK)
		snprintf(adj, sizeof(adj), "%lld", (long long)k->oom_score_adj.v);
	/* the limit that fired: the victim's own cgroup's, often; or an
	 * ancestor's; or none, the machine ran out */
	const char *fired = na_or(k->oom_memcg, "N/A");
	int own = k->task_memcg[0] && strcmp(k->oom_memcg, k->task_memcg) == 0;
	char why[700];
	if (k->memcg)
		snprintf(why, sizeof(why), "limit %s of %s, usage %s", fmt_bytes(l, sizeof(l), k->limit),
			 own ? "that cgroup" : fired, fmt_bytes(u, sizeof(u), k->usage));
	else
		snprintf(why, sizeof(why), "the system ran out of memory");
	snprintf(out, n, "OOM kill: %s (pid %d) in %s; anon %s file %s shmem %s; oom_score_adj %s; %s", k->comm,
		 k->pid, na_or(k->task_memcg, "N/A"), fmt_bytes(a, sizeof(a), k->anon_rss),
		 fmt_bytes(fl, sizeof(fl), k->file_rss), fmt_bytes(sh, sizeof(sh), k->shmem_rss), adj, why);
}

static const char *where(const struct event *ev)
{
	return na_or(ev->cgroup, "the system");
}

static const char *avg10(char *out, size_t n, const struct psi_line *l)
{
	if (l->ok)
		snprintf(out, n, "%.2f%%", l->avg10);
	else
		snprintf(out, n, "N/A");
	return out;
}

/* The trigger's threshold in words, from collectors/watch.h. */
static void pressure_text(char *out, size_t n, const struct event *ev)
{
	char s[16], f[16];
	snprintf(out, n,
		 "memory pressure: tasks in %s waited for memory %d ms or more of %d s "
		 "(some avg10 %s, full avg10 %s)",
		 where(ev), WATCH_PSI_STALL_US / 1000, WATCH_PSI_WINDOW_US / 1000000, avg10(s, sizeof(s), &ev->psi.some),
		 avg10(f, sizeof(f), &ev->psi.full));
}

char *event_text(char *out, size_t n, const struct event *ev)
{
	char a[16], b[16], c[24];
	fmt_count(c, sizeof(c), ev->count);
	switch (ev->kind) {
	case EV_OOM_KILL:
		if (ev->told)
			kill_text(out, n, &ev->kill);
		else
			snprintf(out, n, "OOM kill: %s killed in %s (the victim is not known: %s)", c, where(ev),
				 ev->no_log ? ev->no_log : "the kernel log was not read");
		break;
	case EV_LIMIT_HIT:
		snprintf(out, n, "limit hit: %s began to hit its limit (%s times since the last sample)", where(ev), c);
		break;
	case EV_HIGH:
		snprintf(out, n, "throttled: %s went over memory.high and is throttled (%s times since the last sample)",
			 where(ev), c);
		break;
	case EV_STALL:
		snprintf(out, n, "stalled: %s is at its limit and its OOM killer is disabled: its processes wait (under_oom 1)",
			 where(ev));
		break;
	case EV_STALL_END:
		snprintf(out, n, "stall over: %s (under_oom 0)", where(ev));
		break;
	case EV_SWAP:
		snprintf(out, n, "swap: %s began to use swap (%s)", where(ev), fmt_bytes(b, sizeof(b), ev->after));
		break;
	case EV_LIMIT_SET:
		snprintf(out, n, "limit set: %s from %s to %s", where(ev), fmt_bytes(a, sizeof(a), ev->before),
			 fmt_bytes(b, sizeof(b), ev->after));
		break;
	case EV_CG_NEW:
		snprintf(out, n, "new cgroup: %s", where(ev));
		break;
	case EV_CG_GONE:
		snprintf(out, n, "cgroup gone: %s", where(ev));
		break;
	case EV_PRESSURE:
		pressure_text(out, n, ev);
		break;
	case EV_NKINDS:
		snprintf(out, n, "?");
		break;
	}
	return out;
}
