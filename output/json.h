/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_JSON_H
#define HEADROOM_JSON_H

#include <stdio.h>

#include "collectors/sample.h"

/* One JSON object per sample, on one line. Conventions (docs/headroom.1):
 * bytes are integers; a figure the kernel did not give is null, and the
 * object's "na" map says why; a limit that is not set is the string "max",
 * as cgroup v2 writes it. Each cgroup has its "diagnoses" (model/diagnose.h:
 * {"id", "text"}, most pressing first), whose words use the events ev (may
 * be NULL). */
struct events;
void json_print(FILE *f, const struct sample *s, const struct events *ev);

/* An event between samples, one object a line: {"event": its kind
 * (event_kind_names), "time" (seconds since the epoch), "cgroup", then its
 * own fields. An OOM kill the kernel log told: the victim (pid, comm, its
 * RSS at death, oom_score_adj), its cgroup and the one whose limit fired,
 * that cgroup's usage and limit, and "last": the victim as headroom last
 * read it (null when it never was). One counted without the log: "count"
 * and "why" the victim is not known. */
struct event;
void json_print_event(FILE *f, const struct event *ev);

/* A JSON string literal, valid UTF-8 whatever str holds: quotes,
 * backslashes and control characters escaped; each byte that starts no
 * valid UTF-8 sequence (util/utf8.h: overlong, surrogate, past U+10FFFF,
 * cut short) becomes U+FFFD. */
void json_string(FILE *f, const char *s);

#endif
