/* SPDX-License-Identifier: GPL-2.0-or-later */
/* headroom eat: hold memory of a chosen kind, as the experiments need it:
 * page cache (a file written and read back), shmem (tmpfs data no process
 * maps), and anon (touched, or only reserved), all at once or in steps. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <linux/magic.h>
#include <sys/vfs.h>

#include "lab/labcg.h"
#include "lab/lab.h"
#include "cli/options.h"
#include "widgets/format.h"

struct eat {
	uint64_t anon, file, shm, step;
	double every, hold; /* hold < 0: until a signal */
	int touch, adj_set, adj;
	const char *path;
};

static void eat_usage(FILE *f)
{
	fputs("Usage: headroom eat [OPTION]...\n"
	      "Hold memory of a chosen kind, printing what it holds as it goes.\n"
	      "  --anon SIZE          anonymous memory, every page touched\n"
	      "  --no-touch           ... only reserved (malloc'd, never touched: VIRT, not RES)\n"
	      "  --file SIZE          page cache: a file of SIZE written and read back\n"
	      "  --path P             where that file goes (default: $TMPDIR or /tmp); it is\n"
	      "                       unlinked at once, so it goes when eat does\n"
	      "  --shm SIZE           shmem: SIZE of POSIX shared memory (tmpfs) that no\n"
	      "                       process maps\n"
	      "  --step SIZE --every SECONDS   grow the anon memory SIZE at a time\n"
	      "  --hold SECONDS       then hold it that long (default: until a signal)\n"
	      "  --oom-score-adj N    set /proc/self/oom_score_adj first (-1000..1000)\n"
	      "SIZE: bytes, or with K, M, G, T (powers of 1024), e.g. 100M.\n",
	      f);
}

static void say(const char *what, uint64_t now, uint64_t total)
{
	char a[16], b[16];
	printf("eat: %s %s of %s\n", what, fmt_size(a, sizeof(a), now), fmt_size(b, sizeof(b), total));
	fflush(stdout);
}

static void sleep_s(double s)
{
	struct timespec ts = { (time_t)s, (long)((s - (double)(time_t)s) * 1e9) };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static char block[1 << 20];

/* size bytes written to fd; on failure fd is closed. Returns fd or -1. */
static int fill(int fd, uint64_t size)
{
	memset(block, 0x5a, sizeof(block));
	for (uint64_t done = 0; fd >= 0 && done < size;) {
		size_t n = size - done < sizeof(block) ? (size_t)(size - done) : sizeof(block);
		ssize_t w = write(fd, block, n);
		if (w <= 0) {
			close(fd);
			return -1;
		}
		done += (uint64_t)w;
	}
	return fd;
}

/* A file of size bytes, written then read back (its pages cached), open
 * and unlinked. Returns the fd or -1. */
static int eat_file(const char *dir, uint64_t size)
{
	char *name = NULL;
	if (asprintf(&name, "%s/headroom-eat-XXXXXX", dir) < 0)
		return -1;
	int fd = mkstemp(name);
	if (fd >= 0)
		unlink(name);
	free(name);
	fd = fill(fd, size);
	if (fd >= 0 && lseek(fd, 0, SEEK_SET) == 0) /* read back: the pages are cached and referenced */
		while (read(fd, block, sizeof(block)) > 0)
			;
	return fd;
}

/* POSIX shared memory of size bytes, written through the fd (so no process
 * maps it), its name unlinked at once. Returns the fd or -1. */
static int eat_shm(uint64_t size)
{
	char name[64];
	snprintf(name, sizeof(name), "/headroom-eat-%d", (int)getpid());
	int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0)
		shm_unlink(name);
	return fill(fd, size);
}

/* Anonymous memory in steps, touched page by page unless --no-touch. */
static int eat_anon(const struct eat *e)
{
	uint64_t step = e->step ? e->step : e->anon;
	for (uint64_t done = 0; done < e->anon;) {
		uint64_t n = e->anon - done < step ? e->anon - done : step;
		char *p = mmap(NULL, (size_t)n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED && errno == ENOMEM && !e->touch) {
			/* the overcommit heuristic refuses one mapping past RAM + swap;
			 * NORESERVE maps it anyway, uncounted in Committed_AS */
			p = mmap(NULL, (size_t)n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
				 -1, 0);
			if (p != MAP_FAILED)
				printf("eat: the kernel refused to commit %llu bytes; mapped with MAP_NORESERVE\n",
				       (unsigned long long)n);
		}
		if (p == MAP_FAILED) {
			fprintf(stderr, "headroom eat: cannot map %llu more bytes: %s\n", (unsigned long long)n,
				strerror(errno));
			return 1;
		}
		if (e->touch)
			for (uint64_t off = 0, page = (uint64_t)sysconf(_SC_PAGESIZE); off < n; off += page)
				p[off] = 1;
		done += n;
		say(e->touch ? "anon touched" : "anon reserved, untouched", done, e->anon);
		if (done < e->anon && e->every > 0)
			sleep_s(e->every);
	}
	return 0;
}

enum { E_ANON = 256, E_NOTOUCH, E_FILE, E_PATH, E_SHM, E_STEP, E_EVERY, E_HOLD, E_ADJ, E_HELP };
static const struct option eat_opts[] = {
	{ "anon", required_argument, NULL, E_ANON },
	{ "no-touch", no_argument, NULL, E_NOTOUCH },
	{ "file", required_argument, NULL, E_FILE },
	{ "path", required_argument, NULL, E_PATH },
	{ "shm", required_argument, NULL, E_SHM },
	{ "step", required_argument, NULL, E_STEP },
	{ "every", required_argument, NULL, E_EVERY },
	{ "hold", required_argument, NULL, E_HOLD },
	{ "oom-score-adj", required_argument, NULL, E_ADJ },
	{ "help", no_argument, NULL, E_HELP },
	{ NULL, 0, NULL, 0 },
};

static int bad(const char *opt, const char *arg, const char *want)
{
	fprintf(stderr, "headroom eat: %s wants %s, not '%s'\n", opt, want, arg);
	return -1;
}

static int eat_option(struct eat *e, int ch, const char *arg)
{
	char *end;
	switch (ch) {
	case E_ANON:
		return options_parse_size(arg, &e->anon) ? bad("--anon", arg, "a size such as 100M") : 0;
	case E_FILE:
		return options_parse_size(arg, &e->file) ? bad("--file", arg, "a size such as 100M") : 0;
	case E_SHM:
		return options_parse_size(arg, &e->shm) ? bad("--shm", arg, "a size such as 100M") : 0;
	case E_STEP:
		return options_parse_size(arg, &e->step) || !e->step ? bad("--step", arg, "a size above 0") : 0;
	case E_EVERY:
		return options_parse_seconds(arg, &e->every) ? bad("--every", arg, "seconds") : 0;
	case E_HOLD:
		return options_parse_seconds(arg, &e->hold) ? bad("--hold", arg, "seconds") : 0;
	case E_NOTOUCH:
		e->touch = 0;
		return 0;
	case E_PATH:
		e->path = arg;
		return 0;
	case E_ADJ:
		e->adj = (int)strtol(arg, &end, 10);
		e->adj_set = 1;
		return *end || end == arg || e->adj < -1000 || e->adj > 1000
			       ? bad("--oom-score-adj", arg, "-1000..1000")
			       : 0;
	}
	return -1;
}

static int eat_parse(struct eat *e, int argc, char **argv)
{
	int ch;
	*e = (struct eat){ .touch = 1, .hold = -1, .path = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp" };
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", eat_opts, NULL)) != -1) {
		if (ch == E_HELP) {
			eat_usage(stdout);
			exit(0);
		}
		if (ch == ':' || ch == '?') {
			fprintf(stderr, "headroom eat: %s '%s' (see headroom eat --help)\n",
				ch == ':' ? "missing the argument of" : "unknown option", argv[optind - 1]);
			return -1;
		}
		if (eat_option(e, ch, optarg) != 0)
			return -1;
	}
	if (optind < argc) {
		fprintf(stderr, "headroom eat: unexpected argument '%s'\n", argv[optind]);
		return -1;
	}
	if (!e->anon && !e->file && !e->shm) {
		fprintf(stderr, "headroom eat: nothing to eat: give --anon, --file or --shm (see --help)\n");
		return -1;
	}
	if ((e->step || e->every > 0) && !e->anon) {
		fprintf(stderr, "headroom eat: --step and --every grow --anon only: give --anon\n");
		return -1;
	}
	if (e->every > 0 && !e->step) {
		fprintf(stderr, "headroom eat: --every needs --step (how much to add every interval)\n");
		return -1;
	}
	return 0;
}

/* Is dir on tmpfs, whose pages the kernel charges as shmem? */
static int on_tmpfs(const char *dir)
{
	struct statfs st;
	return statfs(dir, &st) == 0 && st.f_type == TMPFS_MAGIC;
}

int eat_main(int argc, char **argv)
{
	struct eat e;
	if (eat_parse(&e, argc, argv) != 0)
		return 2;
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	if (e.adj_set && proc_set_oom_score_adj(e.adj) != 0) {
		fprintf(stderr, "headroom eat: cannot set oom_score_adj %d: %s\n", e.adj, strerror(errno));
		return 1;
	}
	if (e.file) {
		if (eat_file(e.path, e.file) < 0) {
			fprintf(stderr, "headroom eat: cannot write %llu bytes of file under %s: %s\n",
				(unsigned long long)e.file, e.path, strerror(errno));
			return 1;
		}
		say(on_tmpfs(e.path) ? "shmem (a file on tmpfs, written and read back: tmpfs pages are shmem, not page cache)"
				     : "page cache (file written, read back)",
		    e.file, e.file);
	}
	if (e.shm) {
		if (eat_shm(e.shm) < 0) {
			fprintf(stderr, "headroom eat: cannot write %llu bytes of shared memory: %s\n",
				(unsigned long long)e.shm, strerror(errno));
			return 1;
		}
		say("shmem (tmpfs, mapped by no process)", e.shm, e.shm);
	}
	if (e.anon && eat_anon(&e) != 0)
		return 1;
	if (e.hold < 0)
		printf("eat: holding until a signal\n");
	else
		printf("eat: holding for %gs\n", e.hold);
	fflush(stdout);
	if (e.hold < 0)
		for (;;)
			pause();
	sleep_s(e.hold);
	return 0;
}
