/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hog: allocate and touch TOTAL MiB in STEP MiB steps, PAUSE ms apart, then
 * hold HOLD seconds. With RESERVE, first map RESERVE MiB it never touches
 * (overcommit: VIRT grows, RES does not). A test workload; the OOM killer
 * is expected to end it when a cgroup limit is below TOTAL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

int main(int argc, char **argv)
{
	if (argc != 5 && argc != 6) {
		fprintf(stderr, "usage: hog TOTAL_MIB STEP_MIB PAUSE_MS HOLD_S [RESERVE_MIB]\n");
		return 2;
	}
	long total = atol(argv[1]), step = atol(argv[2]), pause = atol(argv[3]), hold = atol(argv[4]);
	long reserve = argc == 6 ? atol(argv[5]) : 0;
	struct timespec ts = { pause / 1000, (pause % 1000) * 1000000L };
	if (total < 0 || step <= 0 || pause < 0 || hold < 0 || reserve < 0)
		return 2;
	if (reserve && mmap(NULL, (size_t)reserve << 20, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0) == MAP_FAILED) {
		perror("hog: mmap");
		return 1;
	}
	for (long done = 0; done < total; done += step) {
		char *p = malloc((size_t)step << 20);
		if (!p) {
			perror("hog: malloc");
			return 1;
		}
		memset(p, 0x5a, (size_t)step << 20);
		printf("hog: %ld MiB touched\n", done + step);
		fflush(stdout);
		nanosleep(&ts, NULL);
	}
	struct timespec h = { hold, 0 };
	nanosleep(&h, NULL);
	return 0;
}
