// GNU FriBidi: the Unicode Bidirectional Algorithm, to show right-to-left text in visual order.
#ifndef FORA_CFRIBIDI_SHIM_H
#define FORA_CFRIBIDI_SHIM_H
#include <fribidi.h>

/// The macros Swift cannot import, as typed functions.
static inline FriBidiParType fora_fribidi_par_on(void) { return FRIBIDI_PAR_ON; }
static inline FriBidiFlags fora_fribidi_reorder_flags(void) { return FRIBIDI_FLAG_REORDER_NSM; }
#endif
