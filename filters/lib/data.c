/*
 * data.c - finding data files (lexicons, the abbreviation list) without
 * configuration, in the source tree and after make install.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tt.h"

#ifndef TT_DATADIR
#define TT_DATADIR "/usr/local/share/transitietaal"
#endif

static int
try_path(char *out, size_t cap, const char *dir, const char *sub,
    const char *name)
{
	int n;

	n = snprintf(out, cap, "%s%s/%s", dir, sub, name);
	return n > 0 && (size_t)n < cap && access(out, R_OK) == 0;
}

const char *
tt_data_path(const char *name)
{
	static char path[PATH_MAX];
	char exe[PATH_MAX], *slash;
	const char *env;
	ssize_t n;

	if (strchr(name, '/') != NULL) {
		snprintf(path, sizeof path, "%s", name);
		return path;
	}
	if ((env = getenv("TT_LEXDIR")) != NULL && *env != '\0')
		return try_path(path, sizeof path, env, "", name) ? path : NULL;
	/* bin/tt-x -> bin/../lexicons (source tree) or ../share/... (installed) */
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			if (try_path(path, sizeof path, exe, "/../lexicons", name))
				return path;
			if (try_path(path, sizeof path, exe, "/../../lexicons",
			    name))
				return path;
			if (try_path(path, sizeof path, exe,
			    "/../../../lexicons", name))
				return path;
			if (try_path(path, sizeof path, exe,
			    "/../share/transitietaal/lexicons", name))
				return path;
		}
	}
	if (try_path(path, sizeof path, TT_DATADIR, "/lexicons", name))
		return path;
	return NULL;
}
