// cmark-gfm, GitHub-flavoured markdown to HTML, for the composer's preview (the same renderer
// then draws it, so a reply looks the same before and after posting).
#ifndef FORA_CCMARKGFM_SHIM_H
#define FORA_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
