/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_EVTEXT_H
#define HEADROOM_EVTEXT_H

#include <stddef.h>

#include "model/events.h"

/* An event in words, for batch lines, the dashboard and lab mode: one line,
 * "WHAT: DETAIL". The names in it are the kernel's, not yet sanitized (the
 * caller sanitizes the line it prints or draws). Returns out. */
char *event_text(char *out, size_t n, const struct event *ev);

#endif
