/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_KEYS_H
#define HEADROOM_KEYS_H

#include <stddef.h>

#include "tui/screen.h"

/* The keys every screen answers: moving in its list, then the dashboard's
 * own (quit, help, pause, interval, search, filter). An action without
 * names is left out of the help (the moving keys have one line there). */
extern const struct key_action nav_keys[];
extern const size_t nav_nkeys;
extern const struct key_action global_keys[];
extern const size_t global_nkeys;

/* The action among n that ch is a key of, or NULL. */
const struct key_action *keys_find(const struct key_action *k, size_t n, int ch);

#endif
