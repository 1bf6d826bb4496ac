/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/oomlog.h"

#include <stdio.h>
#include <string.h>

#include "util/parse.h"

static void reset(struct oomlog *p)
{
	struct oom_kill *k = &p->cur;
	*k = (struct oom_kill){ .pid = -1 };
	k->usage = k->limit = val_na(NA_ABSENT);
	k->total_vm = k->anon_rss = k->file_rss = k->shmem_rss = k->pgtables = k->uid = val_na(NA_ABSENT);
	k->oom_score_adj = sval_na(NA_ABSENT);
}

void oomlog_init(struct oomlog *p)
{
	reset(p);
}

/* A number right after label in text, in kB when kb: as bytes. */
static val_t field(const char *text, const char *label, int kb)
{
	const char *s = strstr(text, label);
	if (!s)
		return val_na(NA_ABSENT);
	s += strlen(label);
	val_t v = parse_u64(&s);
	return kb ? val_mul(v, 1024) : v;
}

static sval_t sfield(const char *text, const char *label)
{
	const char *s = strstr(text, label);
	if (!s)
		return sval_na(NA_ABSENT);
	s += strlen(label);
	int neg = *s == '-';
	s += neg;
	val_t v = parse_u64(&s);
	if (!val_is_ok(v) || v.v > 1000000)
		return sval_na(v.st == V_NA ? (enum na_reason)v.why : NA_OVERFLOW);
	return sval_ok(neg ? -(int64_t)v.v : (int64_t)v.v);
}

/* Copy text[from, to) into out (cut to its size). */
static void span(char *out, size_t n, const char *from, const char *to)
{
	size_t len = to > from ? (size_t)(to - from) : 0;
	snprintf(out, n, "%.*s", (int)len, from);
}

/* The last occurrence of needle in [s, end), or NULL. */
static const char *last_in(const char *s, const char *end, const char *needle)
{
	const char *hit = NULL;
	for (const char *p = strstr(s, needle); p && p < end; p = strstr(p + 1, needle))
		hit = p;
	return hit;
}

/* "oom-kill:constraint=C,nodemask=..,oom_memcg=M,task_memcg=T,task=COMM,pid=P,uid=U"
 * Paths and the command may hold commas: values are cut at the keys that
 * follow them, looked for from the end. */
static void parse_ctx(struct oom_kill *k, const char *t)
{
	const char *end = t + strlen(t);
	const char *uid = last_in(t, end, ",uid="), *pid = uid ? last_in(t, uid, ",pid=") : NULL;
	const char *task = pid ? last_in(t, pid, ",task=") : NULL;
	const char *tm = task ? last_in(t, task, ",task_memcg=") : NULL;
	const char *om = tm ? last_in(t, tm, ",oom_memcg=") : NULL;
	const char *con = strstr(t, "constraint="), *nm = strstr(t, ",nodemask=");
	if (!uid || !pid || !task || !tm)
		return; /* not one it can read: the kill is told without it */
	if (con && nm && nm > con)
		span(k->constraint, sizeof(k->constraint), con + 11, nm);
	if (om)
		span(k->oom_memcg, sizeof(k->oom_memcg), om + 11, tm);
	span(k->task_memcg, sizeof(k->task_memcg), tm + 12, task);
	span(k->comm, sizeof(k->comm), task + 6, pid);
	const char *s = pid + 5;
	val_t v = parse_u64(&s);
	k->pid = val_is_ok(v) && v.v <= 0x7fffffff ? (int)v.v : -1;
	s = uid + 5;
	k->uid = parse_u64(&s);
}

/* "<msg>: Killed process P (COMM) total-vm:..kB, anon-rss:..kB, ...". */
static int parse_killed(struct oom_kill *k, const char *t, const char *killed)
{
	const char *s = killed + strlen("Killed process ");
	val_t pid = parse_u64(&s);
	const char *open = *s == ' ' && s[1] == '(' ? s + 2 : NULL;
	const char *close = open ? last_in(open, open + strlen(open), ") total-vm:") : NULL;
	if (!val_is_ok(pid) || pid.v > 0x7fffffff || !close)
		return -1;
	if (k->pid >= 0 && k->pid != (int)pid.v) /* the context told of another kill */
		k->oom_memcg[0] = k->task_memcg[0] = k->constraint[0] = '\0';
	k->pid = (int)pid.v;
	span(k->comm, sizeof(k->comm), open, close);
	k->memcg = strncmp(t, "Memory cgroup out of memory", 27) == 0;
	k->total_vm = field(close, "total-vm:", 1);
	k->anon_rss = field(close, "anon-rss:", 1);
	k->file_rss = field(close, "file-rss:", 1);
	k->shmem_rss = field(close, "shmem-rss:", 1);
	k->uid = field(close, "UID:", 0);
	k->pgtables = field(close, "pgtables:", 1);
	k->oom_score_adj = sfield(close, "oom_score_adj:");
	return 0;
}

int oomlog_feed(struct oomlog *p, const char *record, struct oom_kill *out)
{
	const char *s = record, *text = strchr(record, ';');
	val_t prio = parse_u64(&s);
	if (!text || !val_is_ok(prio) || *s++ != ',')
		return 0; /* not a kmsg record */
	val_t seq = parse_u64(&s);
	if (*s++ != ',')
		return 0;
	val_t usec = parse_u64(&s);
	text++;
	const char *killed = strstr(text, ": Killed process ");
	if (strstr(text, " invoked oom-killer: ")) {
		reset(p); /* every report begins so: nothing of an earlier one carries over */
	} else if (strncmp(text, "memory: usage ", 14) == 0) {
		reset(p); /* a cgroup's report begins */
		p->cur.usage = field(text, "usage ", 1);
		p->cur.limit = field(text, "limit ", 1);
	} else if (strncmp(text, "oom-kill:", 9) == 0) {
		parse_ctx(&p->cur, text + 9);
	} else if (killed && parse_killed(&p->cur, text, killed + 2) == 0) {
		p->cur.seq = val_is_ok(seq) ? seq.v : 0;
		p->cur.usec = val_is_ok(usec) ? usec.v : 0;
		*out = p->cur;
		reset(p);
		return 1;
	}
	return 0;
}
