// libxml2's HTML parser: a real, error-tolerant HTML parser for Discourse's cooked HTML.
#ifndef FORA_CLIBXML2_SHIM_H
#define FORA_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#endif
