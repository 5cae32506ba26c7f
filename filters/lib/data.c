/*
 * data.c - finding data files (lexicons, the abbreviation list) without
 * configuration, in the source tree and after make install.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"

#ifndef TT_DATADIR
#define TT_DATADIR "/usr/local/share/transitietaal"
#endif

/*
 * Whether dir/sub/name is readable; if so out holds its path without "..",
 * relative to the working directory when it lies below it, so messages
 * say lexicons/transitietaal.tsv:12 rather than /long/bin/../lexicons/....
 */
static int
try_path(char *out, size_t cap, const char *dir, const char *sub,
    const char *name)
{
	char raw[PATH_MAX], real[PATH_MAX], cwd[PATH_MAX];
	size_t n;
	int len;

	len = snprintf(raw, sizeof raw, "%s%s/%s", dir, sub, name);
	if (len <= 0 || (size_t)len >= sizeof raw || access(raw, R_OK) != 0)
		return 0;
	if (realpath(raw, real) == NULL)
		snprintf(real, sizeof real, "%s", raw);
	if (getcwd(cwd, sizeof cwd) != NULL && (n = strlen(cwd)) > 1 &&
	    strncmp(real, cwd, n) == 0 && real[n] == '/')
		snprintf(out, cap, "%s", real + n + 1);
	else
		snprintf(out, cap, "%s", real);
	return 1;
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
