/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_TREE_H
#define HEADROOM_TREE_H

#include <stddef.h>

/* The branch prefix of a tree row, as htop draws it: for each ancestor
 * level a continuation line or blank, then the row's own branch and a fold
 * mark ('-' open, '+' folded, a line for a leaf). last[d] tells whether the
 * row's ancestor at depth d (d == depth: the row itself) is the last of its
 * siblings. utf8 selects box-drawing characters, else ASCII. Pure. */
char *tree_prefix(char *out, size_t n, const unsigned char *last, int depth, int has_kids, int folded, int utf8);

#endif
