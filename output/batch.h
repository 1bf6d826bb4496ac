/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_BATCH_H
#define HEADROOM_BATCH_H

#include <stdio.h>

#include "collectors/sample.h"

/* Text tables like top -b: the system summary, the cgroup tree, each
 * cgroup's diagnoses in words (their events: ev, may be NULL) and the
 * processes (largest RES first). Names are sanitized. */
struct events;
void batch_print(FILE *f, const struct sample *s, const struct events *ev);
/* An event between samples, a line: "EVENT " and its words (output/evtext.h). */
struct event;
void batch_print_event(FILE *f, const struct event *ev);

#endif
