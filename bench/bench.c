/* SPDX-License-Identifier: GPL-2.0-or-later */
/* make bench: the cost of one full headroom sample, side by side in one run
 * with (a) the floor (kept-open files re-read with one pread each, plus one
 * readdir of /proc), (b) the same reads as open/read/close, the two ways of
 * attributing processes to cgroups, and (c) top -b over the same processes.
 *
 * Usage: bench [-g CGROUPS] [-p PROCESSES] [-n SAMPLES]
 * Creates the cgroups below its own memory cgroup and the sleeping
 * processes in them; removes both when done, also on a signal. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "collectors/collector.h"
#include "model/model.h"
#include "util/fsio.h"
#include "collectors/mounts.h"
#include "util/xalloc.h"

struct scene {
	char *mount; /* memory hierarchy mount */
	char *base;  /* our bench cgroup: mount + own path + /hr-bench-PID */
	int ncg, nproc;
	pid_t *pids;
};

static struct scene *cleanup_scene;

static void scene_remove(struct scene *s)
{
	if (!s->base)
		return;
	for (int i = 0; i < s->nproc; i++)
		if (s->pids[i] > 0)
			kill(s->pids[i], SIGKILL);
	for (int i = 0; i < s->nproc; i++)
		if (s->pids[i] > 0)
			waitpid(s->pids[i], NULL, 0);
	s->nproc = 0;
	for (int i = 0; i < s->ncg; i++) {
		char *d = xasprintf("%s/c%03d", s->base, i);
		rmdir(d);
		free(d);
	}
	rmdir(s->base);
}

static void on_signal(int sig)
{
	if (cleanup_scene)
		scene_remove(cleanup_scene);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Our own memory cgroup path from /proc/self/cgroup (v1 "N:memory:/p",
 * v2 "0::/p"). */
static char *own_cgroup(int version)
{
	FILE *f = fopen("/proc/self/cgroup", "r");
	char line[4096], *res = NULL;
	while (f && !res && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		char *a = strchr(line, ':'), *b = a ? strchr(a + 1, ':') : NULL;
		if (!b)
			continue;
		*b = '\0';
		if ((version == 1 && strstr(a + 1, "memory")) || (version == 2 && a == line + 1 && line[0] == '0'))
			res = xstrdup(b + 1);
	}
	if (f)
		fclose(f);
	return res;
}

static int discover(struct cg_mounts *m)
{
	int root = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int e = mounts_discover(root, m);
	close(root);
	return e;
}

static void sleeper(const char *procs)
{
	int fd = open(procs, O_WRONLY);
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "%d", (int)getpid());
	if (fd < 0 || write(fd, buf, (size_t)n) != n)
		_exit(1);
	close(fd);
	for (;;)
		pause();
}

static int scene_make(struct scene *s)
{
	struct cg_mounts m;
	if (discover(&m) != 0 || !m.mem_mount)
		return fprintf(stderr, "bench: no memory cgroup hierarchy\n"), -1;
	char *self = own_cgroup(m.version);
	if (!self)
		return fprintf(stderr, "bench: cannot find our memory cgroup\n"), -1;
	s->mount = xstrdup(m.mem_mount);
	s->base = xasprintf("%s%s/hr-bench-%d", m.mem_mount, strcmp(self, "/") ? self : "", (int)getpid());
	free(self);
	mounts_free(&m);
	if (mkdir(s->base, 0755) != 0)
		return fprintf(stderr, "bench: mkdir %s: %s\n", s->base, strerror(errno)), -1;
	cleanup_scene = s;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	for (int i = 0; i < s->ncg; i++) {
		char *d = xasprintf("%s/c%03d", s->base, i);
		if (mkdir(d, 0755) != 0)
			return fprintf(stderr, "bench: mkdir %s: %s\n", d, strerror(errno)), -1;
		free(d);
	}
	int want = s->nproc;
	s->pids = xcalloc((size_t)want, sizeof(*s->pids));
	for (s->nproc = 0; s->nproc < want; s->nproc++) {
		char *procs = xasprintf("%s/c%03d/cgroup.procs", s->base, s->nproc % s->ncg);
		pid_t p = fork();
		if (p == 0)
			sleeper(procs);
		free(procs);
		if (p < 0)
			return fprintf(stderr, "bench: fork: %s\n", strerror(errno)), -1;
		s->pids[s->nproc] = p;
	}
	return 0;
}

/* ---- the files the floor and the open/read/close variant read ---- */

struct fileset {
	char **paths; /* absolute */
	int *fds;     /* kept open for the floor */
	size_t n, cap;
};

static void fileset_add(struct fileset *f, char *path)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 1024;
		f->paths = xreallocarray(f->paths, f->cap, sizeof(*f->paths));
	}
	f->paths[f->n++] = path;
}

static void fileset_open(struct fileset *f)
{
	f->fds = xcalloc(f->n, sizeof(*f->fds));
	for (size_t i = 0; i < f->n; i++)
		f->fds[i] = open(f->paths[i], O_RDONLY | O_CLOEXEC);
}

/* Every cgroup's usage and memory.stat (and cgroup.procs into procs). */
static void add_cgroups(const char *dir, int version, struct fileset *files, struct fileset *procs)
{
	fileset_add(files, xasprintf("%s/%s", dir, version == 2 ? "memory.current" : "memory.usage_in_bytes"));
	fileset_add(files, xasprintf("%s/memory.stat", dir));
	fileset_add(procs, xasprintf("%s/cgroup.procs", dir));
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (e->d_type == DT_DIR && e->d_name[0] != '.') {
			char *sub = xasprintf("%s/%s", dir, e->d_name);
			add_cgroups(sub, version, files, procs);
			free(sub);
		}
	if (d)
		closedir(d);
}

static void add_pids(struct fileset *statm, struct fileset *cgroup)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] >= '1' && e->d_name[0] <= '9') {
			fileset_add(statm, xasprintf("/proc/%s/statm", e->d_name));
			fileset_add(cgroup, xasprintf("/proc/%s/cgroup", e->d_name));
		}
	closedir(d);
}

static char rbuf[65536];

static void read_kept(const struct fileset *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->fds[i] >= 0 && pread(f->fds[i], rbuf, sizeof(rbuf), 0) < 0)
			continue;
}

static void read_reopen(const struct fileset *f)
{
	for (size_t i = 0; i < f->n; i++) {
		int fd = open(f->paths[i], O_RDONLY | O_CLOEXEC);
		if (fd >= 0 && read(fd, rbuf, sizeof(rbuf)) >= 0)
			close(fd);
		else if (fd >= 0)
			close(fd);
	}
}

static void readdir_proc(int procfd)
{
	char dents[32768];
	lseek(procfd, 0, SEEK_SET);
	while (getdents64(procfd, dents, sizeof(dents)) > 0)
		;
}

static void readdir_proc_fresh(void)
{
	DIR *d = opendir("/proc");
	while (d && readdir(d))
		;
	if (d)
		closedir(d);
}

/* ---- timing ---- */

enum { V_FLOOR, V_REOPEN, V_HEADROOM, V_PROCS, V_PIDCG, V_DETAILS, V_TOP, NV };
static const char *const vname[NV] = {
	"(a) floor: kept-open pread + readdir /proc",
	"(b) the same reads, open/read/close",
	"headroom: full sample (all cgroups, all processes)",
	"  attribution by cgroup.procs (all cgroups)",
	"  attribution by /proc/PID/cgroup (all processes)",
	"headroom: libproc2 details for all processes",
	"(c) top -b -n N -d 0, mean per frame",
};

static double now(clockid_t c)
{
	struct timespec ts;
	clock_gettime(c, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

struct ctx {
	struct fileset cgfiles, procs, statm, pidcg;
	int procfd, version;
	struct collector *col;
	struct sample s;
};

static void run_variant(struct ctx *c, int v)
{
	switch (v) {
	case V_FLOOR:
		read_kept(&c->cgfiles);
		readdir_proc(c->procfd);
		read_kept(&c->statm);
		break;
	case V_REOPEN:
		read_reopen(&c->cgfiles);
		readdir_proc_fresh();
		read_reopen(&c->statm);
		break;
	case V_HEADROOM: /* what the driver does but the rates: read, then derive */
		collector_sample(c->col, &c->s);
		model_update(NULL, &c->s);
		break;
	case V_PROCS: /* v1 re-reads of a kept cgroup.procs return a stale list */
		if (c->version == 1)
			read_reopen(&c->procs);
		else
			read_kept(&c->procs);
		break;
	case V_PIDCG:
		read_kept(&c->pidcg);
		break;
	case V_DETAILS:
		collector_details(c->col, &c->s, NULL, 0, 0);
		break;
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double pct(double *v, int n, double p)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	int i = (int)(p * (n - 1) + 0.5);
	return v[i];
}

/* top over the same processes: total wall and CPU of its run, per frame. */
static int run_top(int frames, double *wall, double *cpu)
{
	char n[16];
	snprintf(n, sizeof(n), "%d", frames);
	double t0 = now(CLOCK_MONOTONIC);
	pid_t p = fork();
	if (p == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		setenv("HOME", "/nonexistent", 1); /* no personal toprc */
		execlp("top", "top", "-b", "-n", n, "-d", "0", "-w", "512", (char *)NULL);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (p < 0 || wait4(p, &st, 0, &ru) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return -1;
	*wall = (now(CLOCK_MONOTONIC) - t0) / frames;
	*cpu = ((double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec) * 1e3 / frames +
	       ((double)ru.ru_utime.tv_usec + (double)ru.ru_stime.tv_usec) / 1e3 / frames;
	return 0;
}

static void ctx_open(struct ctx *c, const struct scene *s, int version)
{
	char err[256];
	struct collector_opts o = { .root = "/" };
	fd_limit_raise();
	c->version = version;
	add_cgroups(s->mount, version, &c->cgfiles, &c->procs);
	add_pids(&c->statm, &c->pidcg);
	fileset_open(&c->cgfiles);
	fileset_open(&c->procs);
	fileset_open(&c->statm);
	fileset_open(&c->pidcg);
	c->procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	c->col = collector_open(&o, err, sizeof(err));
	if (!c->col) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	collector_sample(c->col, &c->s); /* first sample opens its files */
}

static void print_row(int v, double *wall, double *cpu, int n, double floor_cpu)
{
	double cm = pct(cpu, n, 0.5);
	printf("%-52s %8.2f %8.2f %9.2f %8.2f %7.2fx\n", vname[v], pct(wall, n, 0.5), pct(wall, n, 0.95), cm,
	       pct(cpu, n, 0.95), floor_cpu > 0 ? cm / floor_cpu : 0);
}

static void measure(struct ctx *c, int samples, int version)
{
	double *wall[NV], *cpu[NV];
	for (int v = 0; v < NV; v++) {
		wall[v] = xcalloc((size_t)samples, sizeof(double));
		cpu[v] = xcalloc((size_t)samples, sizeof(double));
	}
	/* Interleaved, so the machine's noise falls on all variants alike, and
	 * rotated, so no variant always runs after the same one. */
	for (int i = 0; i < samples; i++)
		for (int k = 0; k < V_TOP; k++) {
			int v = (i + k) % V_TOP;
			double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
			run_variant(c, v);
			cpu[v][i] = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
			wall[v][i] = now(CLOCK_MONOTONIC) - w0;
		}
	double tw, tc;
	int top_ok = run_top(samples, &tw, &tc) == 0;
	printf("headroom bench: %zu processes, %zu cgroups, %d samples, cgroup v%d\n", c->s.nproc, c->s.ncg, samples,
	       version);
	printf("%-52s %8s %8s %9s %8s %8s\n", "per sample, ms", "wall p50", "wall p95", "CPU p50", "CPU p95",
	       "CPU/(a)");
	double floor_cpu = pct(cpu[V_FLOOR], samples, 0.5);
	for (int v = 0; v < V_TOP; v++)
		print_row(v, wall[v], cpu[v], samples, floor_cpu);
	if (top_ok)
		printf("%-52s %8.2f %8s %9.2f %8s %7.2fx\n", vname[V_TOP], tw, "-", tc, "-", tc / floor_cpu);
	else
		printf("%-52s (top did not run)\n", vname[V_TOP]);
	for (int v = 0; v < NV; v++) {
		free(wall[v]);
		free(cpu[v]);
	}
}

/* bench/tui.sh SECONDS HEADROOM, while the scene's processes live. */
static int run_tui(const char *args)
{
	char *cmd = xasprintf("bench/tui.sh %s", args);
	int st = system(cmd);
	free(cmd);
	return st == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	struct scene s = { .ncg = 200, .nproc = 2000 };
	int samples = 100, ch;
	const char *tui = NULL; /* "SECONDS HEADROOM" for bench/tui.sh */
	while ((ch = getopt(argc, argv, "g:p:n:t:")) != -1) {
		if (ch == 't')
			tui = optarg;
		else if (ch == 'g')
			s.ncg = atoi(optarg);
		else if (ch == 'p')
			s.nproc = atoi(optarg);
		else if (ch == 'n')
			samples = atoi(optarg);
		else
			return fprintf(stderr, "usage: bench [-g CGROUPS] [-p PROCESSES] [-n SAMPLES] [-t 'SECONDS HEADROOM']\n"),
			       2;
	}
	if (s.ncg < 1 || s.nproc < 1 || samples < 2)
		return fprintf(stderr, "bench: counts must be positive\n"), 2;
	int rc = 1;
	if (scene_make(&s) == 0) {
		struct cg_mounts m;
		discover(&m);
		struct ctx c = { 0 };
		ctx_open(&c, &s, m.version);
		measure(&c, samples, m.version);
		fflush(stdout);
		rc = tui ? run_tui(tui) : 0; /* the dashboards over the same processes */
		collector_close(c.col);
		sample_free(&c.s);
		mounts_free(&m);
	}
	scene_remove(&s);
	return rc;
}
