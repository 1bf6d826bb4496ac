/* SPDX-License-Identifier: GPL-2.0-or-later */
/* headroom run: COMMAND in a cgroup of its own below the caller's, with the
 * limits asked for, from its first instruction; the dashboard focused on
 * that cgroup (or, with --batch, a line per interval and a summary); then
 * whatever is left in the cgroup is ended and the cgroup removed. */
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "collectors/collector.h"
#include "collectors/oomlog.h"
#include "driver/driver.h"
#include "util/clock.h"
#include "lab/labcg.h"
#include "tui/app.h"
#include "output/batch.h"
#include "output/json.h"
#include "lab/lab.h"
#include "cli/options.h"
#include "widgets/format.h"

/* "At the limit": usage at or above this share (percent) of the effective
 * limit, or the limit hit since the last sample; the summary counts the
 * seconds spent so. */
#define AT_LIMIT_PCT 98
/* Past this share of the limit (or hitting it), sample every FAST_S
 * seconds (unless -d asks for less): the approach and the kill show. */
#define NEAR_PCT 80
#define FAST_S 0.1
#define FAST_HOLD_S 2.0

struct run {
	uint64_t knob[KNOB_N];
	int set[KNOB_N];
	const char *name, *parent;
	int batch, json, no_color;
	double delay;
	char **cmd;
};

/* What the summary says, from the samples of the cgroup (the view's root). */
struct lab_stats {
	uint64_t seq;
	double last, at_limit; /* seconds at >= AT_LIMIT_PCT of the effective limit */
	val_t peak, oom_kills, limit;
	pid_t child;
	int status, ended; /* the command's wait status, once it ended */
	int by_us;	   /* headroom ended it (q, Ctrl-C, SIGTERM) */
	int out_fd;	   /* dashboard: the read end of COMMAND's stdout and stderr, or -1 */
	char part[128];	   /* ... a line not yet ended */
	size_t npart;
	char line[128]; /* ... and its last whole line */
	char footer[192]; /* what the dashboard shows of it */
	int told;	  /* OOM kills the kernel log told of (batch and JSON) */
	char swap[96];	  /* what the run allows of swap, in words */
	char setup[320];  /* the knobs and swap in a line */
	double delay;	  /* -d */
	double fast_until; /* sample every FAST_S until then (CLOCK_MONOTONIC) */
	char last_kill[96]; /* the last of them: "COMM (pid N)" */
};

static void run_usage(FILE *f)
{
	fputs("Usage: headroom run [OPTION]... -- COMMAND [ARG]...\n"
	      "Run COMMAND in a new memory cgroup below the one headroom is in, with the\n"
	      "dashboard on it; end what is left in it and remove it when COMMAND ends\n"
	      "(in the dashboard: on q) or on Ctrl-C or SIGTERM.\n"
	      "  --limit SIZE          memory.max (v2) / memory.limit_in_bytes (v1)\n"
	      "  --high SIZE           memory.high (v2 only)\n"
	      "  --low SIZE            memory.low (v2 only)\n"
	      "  --swap SIZE           memory.swap.max (v2) / memsw limit = limit + SIZE (v1);\n"
	      "                        without it the cgroup does not swap (v2 memory.swap.max\n"
	      "                        0, v1 memory.swappiness 0)\n"
	      "  --oom-kill-disable    memory.oom_control 1 (v1 only): stall at the limit\n"
	      "  --name NAME           the cgroup's name (default headroom-run-PID)\n"
	      "  --parent PATH         make it below this cgroup instead of headroom's own\n"
	      "                        (on cgroup v2 one that enables memory for its children)\n"
	      "  -b, --batch           a line per interval and a summary, no dashboard\n"
	      "  -j, --json            a JSON object per interval (as headroom --json), the\n"
	      "                        summary and COMMAND's output on stderr\n"
	      "  -d, --delay SECONDS   time between samples, 0.05 to 3600 (default 1)\n"
	      "      --no-color        no colours\n"
	      "The exit status is COMMAND's (128+N when a signal N ended it: 137 is SIGKILL),\n"
	      "127 when it could not be run, 1 when headroom could not set it up.\n",
	      f);
}

enum { R_LIMIT = 256, R_HIGH, R_LOW, R_SWAP, R_OKD, R_NAME, R_PARENT, R_NOCOLOR, R_HELP };
static const struct option run_opts[] = {
	{ "limit", required_argument, NULL, R_LIMIT },
	{ "high", required_argument, NULL, R_HIGH },
	{ "low", required_argument, NULL, R_LOW },
	{ "swap", required_argument, NULL, R_SWAP },
	{ "oom-kill-disable", no_argument, NULL, R_OKD },
	{ "name", required_argument, NULL, R_NAME },
	{ "parent", required_argument, NULL, R_PARENT },
	{ "batch", no_argument, NULL, 'b' },
	{ "json", no_argument, NULL, 'j' },
	{ "delay", required_argument, NULL, 'd' },
	{ "no-color", no_argument, NULL, R_NOCOLOR },
	{ "help", no_argument, NULL, R_HELP },
	{ NULL, 0, NULL, 0 },
};

static int run_option(struct run *r, int ch, const char *arg)
{
	if (ch >= R_LIMIT && ch <= R_SWAP) {
		enum lab_knob k = (enum lab_knob)(ch - R_LIMIT);
		r->set[k] = 1;
		if (options_parse_size(arg, &r->knob[k]) == 0)
			return 0;
		fprintf(stderr, "headroom run: %s wants a size such as 100M, not '%s'\n", lab_knob_names[k], arg);
		return -1;
	}
	switch (ch) {
	case R_OKD:
		r->set[KNOB_OOM_KILL_DISABLE] = 1;
		r->knob[KNOB_OOM_KILL_DISABLE] = 1;
		return 0;
	case R_NAME:
		if (!*arg || strchr(arg, '/') || arg[0] == '.') {
			fprintf(stderr, "headroom run: --name wants a plain name, not '%s'\n", arg);
			return -1;
		}
		r->name = arg;
		return 0;
	case R_PARENT:
		r->parent = arg;
		return 0;
	case 'b':
		r->batch = 1;
		return 0;
	case 'j':
		r->json = r->batch = 1;
		return 0;
	case R_NOCOLOR:
		r->no_color = 1;
		return 0;
	case 'd':
		if (options_parse_interval(arg, &r->delay) == 0)
			return 0;
		fprintf(stderr, "headroom run: -d wants " INTERVAL_RANGE ", not '%s'\n", arg);
		return -1;
	}
	return -1;
}

static int run_parse(struct run *r, int argc, char **argv)
{
	int ch;
	*r = (struct run){ .delay = 1 };
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+:bjd:", run_opts, NULL)) != -1) {
		if (ch == R_HELP) {
			run_usage(stdout);
			exit(0);
		}
		if (ch == ':' || ch == '?') {
			fprintf(stderr, "headroom run: %s '%s' (see headroom run --help)\n",
				ch == ':' ? "missing the argument of" : "unknown option", argv[optind - 1]);
			return -1;
		}
		if (run_option(r, ch, optarg) != 0)
			return -1;
	}
	if (optind >= argc) {
		fprintf(stderr, "headroom run: no command given (headroom run [OPTION]... -- COMMAND)\n");
		return -1;
	}
	r->cmd = argv + optind;
	return 0;
}

/* No swap unless --swap: an experiment at the limit must reach it on a
 * machine with swap too (else the excess goes to swap and nothing is
 * killed, nothing stalls). v2: memory.swap.max 0. v1: memory.swappiness 0,
 * so that the cgroup's own reclaim never swaps its anon memory; not memsw
 * = limit, which would do it too, but Linux 6.18 then counts a refused
 * charge in neither failcnt (measured: an OOM kill with both at 0), and
 * the limit hits would not show. Says in st->swap what was done. Returns
 * 0, or -1 (said why). */
static int default_swap(const struct run *r, const struct labcg *c, struct lab_stats *st)
{
	char err[512];
	int v1 = c->version == 1;
	int e = labcg_set(c, v1 ? KNOB_SWAPPINESS : KNOB_SWAP, 0, r->knob[KNOB_LIMIT], err, sizeof(err));
	if (e == ENOENT) { /* no swap accounting: nothing to limit it with */
		snprintf(st->swap, sizeof(st->swap), "swap not limited (no swap accounting on this kernel)");
		return 0;
	}
	if (e) {
		fprintf(stderr, "headroom run: %s\n", err);
		return -1;
	}
	snprintf(st->swap, sizeof(st->swap), "no swap (%s; --swap allows it)",
		 v1 ? "memory.swappiness 0" : "memory.swap.max 0");
	return 0;
}

/* Limit first: v1's memsw limit must not be below it. */
static int apply_knobs(const struct run *r, const struct labcg *c, struct lab_stats *st)
{
	static const enum lab_knob order[] = { KNOB_LIMIT, KNOB_SWAP, KNOB_HIGH, KNOB_LOW, KNOB_OOM_KILL_DISABLE };
	char err[512], sz[16];
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		enum lab_knob k = order[i];
		if (k == KNOB_SWAP && !r->set[k] && default_swap(r, c, st) != 0)
			return -1;
		if (!r->set[k])
			continue;
		if (k == KNOB_SWAP && c->version == 1 && !r->set[KNOB_LIMIT]) {
			fprintf(stderr, "headroom run: --swap on cgroup v1 needs --limit (memsw = limit + swap)\n");
			return -1;
		}
		if (labcg_set(c, k, r->knob[k], r->knob[KNOB_LIMIT], err, sizeof(err)) != 0) {
			fprintf(stderr, "headroom run: %s\n", err);
			return -1;
		}
		if (k == KNOB_SWAP)
			snprintf(st->swap, sizeof(st->swap), "swap up to %s (--swap)", fmt_size(sz, sizeof(sz), r->knob[k]));
	}
	return 0;
}

/* Fork COMMAND into the cgroup: the child moves itself in, then execs, so
 * no instruction of COMMAND runs outside. A close-on-exec pipe carries the
 * errno of a failed move or exec. Returns the pid or -1. */
static pid_t start(const struct labcg *c, char **cmd, int out_fd)
{
	int p[2], e = 0;
	if (pipe2(p, O_CLOEXEC) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		if (out_fd >= 0) { /* its output to a pipe (dashboard) or stderr (--json), no input */
			int null = open("/dev/null", O_RDONLY);
			if (null < 0 || dup2(null, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(out_fd, 2) < 0)
				_exit(127);
		}
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		int step = 0;
		if ((e = labcg_enter(c)) == 0) {
			step = 1;
			execvp(cmd[0], cmd);
			e = errno;
		}
		int msg[2] = { step, e };
		if (write(p[1], msg, sizeof(msg)) < 0)
			_exit(127);
		_exit(127);
	}
	close(p[1]);
	int msg[2];
	ssize_t n = pid > 0 ? read(p[0], msg, sizeof(msg)) : -1;
	close(p[0]);
	if (pid > 0 && n == (ssize_t)sizeof(msg)) {
		fprintf(stderr, "headroom run: %s %s: %s\n", msg[0] ? "cannot run" : "cannot move into the cgroup for",
			cmd[0], strerror(msg[1]));
		waitpid(pid, NULL, 0);
		return -1;
	}
	return pid;
}

/* A kill the kernel log told: counted, the last named. */
static void note_kill(struct lab_stats *st, const struct oom_kill *k)
{
	char comm[64];
	st->told++;
	snprintf(st->last_kill, sizeof(st->last_kill), "%s (pid %d)", sanitize(comm, sizeof(comm), k->comm), k->pid);
}

/* Near the limit (past NEAR_PCT of it, or there before `otherwise` at the
 * pace usage grows, or hitting it), and for FAST_HOLD_S after: the next
 * sample in FAST_S, so that the approach shows; else in `otherwise`. */
static double sooner(struct lab_stats *st, const struct sample *s, double otherwise)
{
	if (!s || !s->ncg)
		return otherwise;
	const struct cg_sample *c = &s->cgs[0];
	const struct cg_norm *n = &c->n;
	double ahead = isnan(c->r.usage_bps) || c->r.usage_bps < 0 || isinf(otherwise) ? 0 : c->r.usage_bps * otherwise;
	int near = val_is_ok(n->usage) && val_is_ok(n->eff_limit) &&
		   ((double)n->usage.v + ahead) * 100 >= (double)n->eff_limit.v * NEAR_PCT;
	int hitting = val_is_ok(c->r.new_hits_local) && c->r.new_hits_local.v > 0;
	if (near || hitting)
		st->fast_until = s->mono + FAST_HOLD_S; /* usage grows in steps: do not fall back between them */
	return s->mono < st->fast_until && FAST_S < otherwise ? FAST_S : otherwise;
}

static void stats_add(struct lab_stats *st, const struct sample *s)
{
	if (!s->ncg || s->seq == st->seq)
		return;
	const struct cg_sample *c = &s->cgs[0];
	const struct cg_norm *n = &c->n;
	val_t kpeak = n->peak;
	if (val_is_ok(n->usage) && (!val_is_ok(st->peak) || n->usage.v > st->peak.v))
		st->peak = n->usage;
	if (val_is_ok(kpeak) && (!val_is_ok(st->peak) || kpeak.v > st->peak.v))
		st->peak = kpeak; /* the kernel's own high-water mark, between samples too */
	/* at the limit: usage next to it, or the limit hit since the last sample */
	int at = val_is_ok(n->usage) && val_is_ok(n->eff_limit) && n->usage.v * 100 >= n->eff_limit.v * AT_LIMIT_PCT;
	if (st->seq && (at || (val_is_ok(c->r.new_hits_local) && c->r.new_hits_local.v > 0)))
		st->at_limit += s->mono - st->last;
	st->oom_kills = n->oom_kills;
	st->limit = n->eff_limit;
	st->seq = s->seq;
	st->last = s->mono;
}

/* Non-blocking: has the command ended? */
static int child_ended(struct lab_stats *st)
{
	if (!st->ended && waitpid(st->child, &st->status, WNOHANG) == st->child)
		st->ended = 1;
	return st->ended;
}

static int exit_code(int status)
{
	return WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
}

static void describe_end(char *out, size_t n, const struct lab_stats *st)
{
	if (!st->ended)
		snprintf(out, n, "still running");
	else if (WIFSIGNALED(st->status))
		snprintf(out, n, "killed by signal %d (%s), exit status %d%s", WTERMSIG(st->status),
			 strsignal(WTERMSIG(st->status)), exit_code(st->status),
			 st->by_us ? ", ended by headroom" : "");
	else
		snprintf(out, n, "exited, status %d", exit_code(st->status));
}

static void summary(FILE *f, const struct lab_stats *st, const char *path)
{
	char peak[16], lim[16], kills[16], end[128];
	describe_end(end, sizeof(end), st);
	char told[160] = "";
	if (st->told)
		snprintf(told, sizeof(told), " (the kernel's log: %d, last %s)", st->told, st->last_kill);
	fprintf(f, "headroom run: %s: peak %s of %s, %.1f s at the limit, OOM kills %s%s, %s; COMMAND %s\n", path,
		fmt_bytes(peak, sizeof(peak), st->peak), fmt_bytes(lim, sizeof(lim), st->limit), st->at_limit,
		fmt_count(kills, sizeof(kills), st->oom_kills), told, st->swap, end);
}

static void batch_line(const struct sample *s, double t0)
{
	if (!s->ncg)
		return;
	const struct cg_norm *n = &s->cgs[0].n;
	char u[16], l[16], a[16], f[16], sh[16], sw[16], k[16], pct[16];
	printf("%7.1fs usage %s of %s (%s%%) anon %s file %s shmem %s swap %s OOM kills %s procs %u\n", s->mono - t0,
	       fmt_bytes(u, sizeof(u), n->usage), fmt_bytes(l, sizeof(l), n->eff_limit),
	       fmt_pct(pct, sizeof(pct), n->usage, n->eff_limit), fmt_bytes(a, sizeof(a), n->anon),
	       fmt_bytes(f, sizeof(f), n->file), fmt_bytes(sh, sizeof(sh), n->shmem),
	       fmt_bytes(sw, sizeof(sw), n->swap), fmt_count(k, sizeof(k), n->oom_kills), s->cgs[0].nprocs);
	fflush(stdout);
}

static volatile sig_atomic_t stop_asked;
static void on_stop(int sig)
{
	(void)sig;
	stop_asked = 1;
}

/* Lab mode's lines: one per sample until COMMAND ends (one more sample
 * then, for the OOM kill that ended it) or headroom is asked to stop. */
struct batch {
	struct collector *col;
	struct lab_stats *st;
	int json, last;
	double t0, next;	 /* next: when the driver takes the next sample */
	double delay, interval; /* -d; the interval now (FAST_S near the limit) */
	struct driver *d;
	const struct driver_loop *l;
};

static int batch_sample(void *ctx, struct driver *d)
{
	struct batch *b = ctx;
	if (b->t0 < 0)
		b->t0 = d->cur->mono;
	stats_add(b->st, d->cur);
	b->interval = sooner(b->st, d->cur, b->delay);
	if (b->json) {
		collector_details(b->col, d->cur, NULL, 0, 0);
		json_print(stdout, d->cur, &d->ev);
		fflush(stdout);
	} else {
		batch_line(d->cur, b->t0);
	}
	return b->last;
}

/* An event: a line as it happens; an OOM kill the kernel told is counted
 * (the driver takes a sample of what it left at once). */
static void batch_event(void *ctx, const struct event *ev)
{
	struct batch *b = ctx;
	if (b->json)
		json_print_event(stdout, ev);
	else
		batch_print_event(stdout, ev);
	fflush(stdout);
	if (ev->kind == EV_OOM_KILL && ev->told)
		note_kill(b->st, &ev->kill);
}

/* The driver's wait (kills told as they come), then: has COMMAND ended, or
 * a signal asked us to stop? */
static int batch_wait(void *ctx, double until)
{
	struct batch *b = ctx;
	driver_wait(b->d, b->l, until);
	b->last = child_ended(b->st) || stop_asked;
	if (b->last)
		b->next = clock_mono(); /* the next sample is the last: take it now */
	return 0;
}

static void run_batch(struct collector *col, struct lab_stats *st, double delay, int json)
{
	struct driver d;
	struct batch b = { col, st, json, child_ended(st) || stop_asked, -1, clock_mono(), delay, delay, &d, NULL };
	struct driver_loop l = { .interval = &b.interval,
				 .next = &b.next,
				 .sample = batch_sample,
				 .wait = batch_wait,
				 .event = batch_event,
				 .ctx = &b };
	b.l = &l;
	driver_init(&d, col);
	driver_run(&d, &l);
	driver_free(&d);
}

/* Read what COMMAND printed; keep its last whole line. */
static void drain_output(struct lab_stats *st)
{
	char buf[4096];
	ssize_t n;
	while (st->out_fd >= 0 && (n = read(st->out_fd, buf, sizeof(buf))) > 0)
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == '\n') {
				memcpy(st->line, st->part, st->npart);
				st->line[st->npart] = '\0';
				st->npart = 0;
			} else if (st->npart < sizeof(st->part) - 1) {
				st->part[st->npart++] = buf[i];
			}
		}
}

/* The dashboard's guest: the command's last line, or how it ended. */
/* The kills the kernel log told, from the dashboard's events; the newest
 * told of COMMAND itself, or NULL. */
static const struct event *note_kills(struct lab_stats *st, const struct events *ev)
{
	const struct event *own = NULL;
	st->told = 0;
	for (size_t i = ev->n; i-- > 0;) { /* oldest first: the last noted is the newest */
		const struct event *e = events_get(ev, i);
		if (e->kind != EV_OOM_KILL || !e->told)
			continue;
		note_kill(st, &e->kill);
		if (e->kill.pid == st->child)
			own = e;
	}
	return own;
}

static const char *footer(void *ctx, const struct sample *cur, const struct events *ev, double *next_in)
{
	struct lab_stats *st = ctx;
	stats_add(st, cur);
	*next_in = sooner(st, cur, st->delay); /* after a kill the driver takes one at once */
	drain_output(st);
	const struct event *own = note_kills(st, ev);
	if (child_ended(st)) {
		char end[128], a[16];
		if (own && WIFSIGNALED(st->status) && WTERMSIG(st->status) == SIGKILL) /* the kernel named it */
			snprintf(end, sizeof(end), "OOM-killed: %s (pid %d), anon %s at its death; exit status %d",
				 own->kill.comm, own->kill.pid, fmt_bytes(a, sizeof(a), own->kill.anon_rss),
				 exit_code(st->status));
		else
			describe_end(end, sizeof(end), st);
		snprintf(st->footer, sizeof(st->footer), "COMMAND %s; q ends the run and removes its cgroup", end);
	} else if (st->line[0]) {
		snprintf(st->footer, sizeof(st->footer), "COMMAND: %s", st->line);
	} else {
		snprintf(st->footer, sizeof(st->footer), "%s", st->setup); /* until COMMAND says something */
	}
	return st->footer;
}

/* What the run set up, in a line: "headroom run: PATH: limit 50M, no swap (...)". */
static void setup_line(struct lab_stats *st, const struct run *r, const struct labcg *cg)
{
	char knobs[160] = "", sz[16];
	size_t n = 0;
	for (int k = KNOB_LIMIT; k <= KNOB_LOW && n < sizeof(knobs); k++)
		if (r->set[k])
			n += (size_t)snprintf(knobs + n, sizeof(knobs) - n, "%s %s, ", lab_knob_names[k] + 2,
					      fmt_size(sz, sizeof(sz), r->knob[k]));
	snprintf(st->setup, sizeof(st->setup), "headroom run: %s: %s%s%s", cg->path, knobs, st->swap,
		 r->set[KNOB_OOM_KILL_DISABLE] ? ", OOM killer disabled" : "");
}

/* Set up the cgroup's limits, start COMMAND in it and watch it (dashboard,
 * or lines) until it ends or headroom is asked to stop. Returns 127 when
 * COMMAND could not be run, else 1 (st->child says whether it ran). */
static int run_command(const struct run *r, const struct labcg *cg, struct lab_stats *st)
{
	char err[512];
	struct collector_opts co = { .root = "/", .cgroup = cg->path };
	struct collector *col = NULL;
	int rc = 1, tui = !r->batch && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO), out[2] = { -1, -1 };
	if (apply_knobs(r, cg, st) == 0 && (col = collector_open(&co, err, sizeof(err))) == NULL)
		fprintf(stderr, "headroom run: %s\n", err);
	setup_line(st, r, cg);
	if (col && !tui)
		fprintf(r->json ? stderr : stdout, "%s\n", st->setup);
	if (col && tui && pipe2(out, O_CLOEXEC | O_NONBLOCK) == 0)
		st->out_fd = out[0];
	if (r->json) /* stdout is for the samples: COMMAND prints to stderr */
		out[1] = STDERR_FILENO;
	if (col && (st->child = start(cg, r->cmd, out[1])) < 0)
		rc = 127; /* as a shell: COMMAND could not be run */
	if (out[1] >= 0 && out[1] != STDERR_FILENO)
		close(out[1]); /* the child's copy is what COMMAND writes to */
	if (col && st->child > 0) {
		struct options o = { .mode = OUT_TUI,
				     .delay = r->delay,
				     .delay_set = 1,
				     .root = "/",
				     .cgroup = cg->path,
				     .no_color = r->no_color || (getenv("NO_COLOR") && *getenv("NO_COLOR")) };
		if (tui)
			app_run_with(col, &o, footer, st);
		else
			run_batch(col, st, r->delay, r->json);
		child_ended(st);
	}
	collector_close(col);
	if (st->out_fd >= 0)
		close(st->out_fd);
	return rc;
}

int run_main(int argc, char **argv)
{
	struct run r;
	struct labcg cg;
	char err[512], name[64];
	if (run_parse(&r, argc, argv) != 0)
		return 2;
	if (r.name)
		snprintf(name, sizeof(name), "%s", r.name);
	else
		snprintf(name, sizeof(name), "headroom-run-%d", (int)getpid());
	if (labcg_create(&cg, r.parent, name, err, sizeof(err)) != 0) {
		fprintf(stderr, "headroom run: %s\n", err);
		return 1;
	}
	struct lab_stats st = {
		.peak = val_na(NA_NOTREAD), .oom_kills = val_na(NA_NOTREAD), .limit = val_na(NA_NOTREAD), .out_fd = -1
	};
	signal(SIGINT, on_stop);
	signal(SIGTERM, on_stop);
	signal(SIGPIPE, on_stop); /* output closed (| head): end the run as on SIGTERM, cgroup removed */
	st.delay = r.delay;
	int rc = run_command(&r, &cg, &st);
	int left = labcg_destroy(&cg, err, sizeof(err)) != 0; /* SIGKILLs what is left */
	if (left)
		fprintf(stderr, "headroom run: %s\n", err);
	if (st.child > 0) {
		rc = 128 + SIGKILL;
		if (!st.ended && waitpid(st.child, &st.status, 0) == st.child) /* killed with the cgroup */
			st.ended = st.by_us = 1;
		if (st.ended)
			rc = exit_code(st.status);
		summary(r.json ? stderr : stdout, &st, name);
	}
	return left && !rc ? 1 : rc;
}
