// libxml2's HTML parser: a real, error-tolerant HTML parser for Discourse's cooked HTML.
#ifndef FORA_CLIBXML2_SHIM_H
#define FORA_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, so <libxml/encoding.h> would pull in the system's ICU
// headers, whose UErrorCode clashes with the copy inside Foundation (_FoundationICU):
// "'UErrorCode' has different definitions in different modules", intermittently, depending
// on which module the compiler builds first. fora never touches libxml2's ICU converters (only
// pointers to the handler struct pass through), so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#endif
