/*
 * tt.h - the shared internal library of transitietaal, all in one include,
 * for programs (filters/tt-*.c) only: the library's own files include the
 * header of each layer they use (see err.h for the layers), and a program
 * that needs less may do the same.
 */
#ifndef TT_H
#define TT_H

#include "err.h"
#include "buf.h"
#include "utf8.h"
#include "fold.h"
#include "hash.h"
#include "reader.h"
#include "stream.h"
#include "stem.h"

#endif
