/* libxml2's headers pull in the system ICU when libxml2 was built with it; Foundation carries
   its own copy of ICU, and the two definitions of the same C types clash when a Swift file
   sees both. Nothing here uses libxml2's ICU-specific fields, so leave ICU out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/encoding.h>
#include <libxml/uri.h>

/* xmlFree is a global function pointer, which Swift 6 treats as shared mutable state. */
static inline void lede_xml_free(void *pointer) { xmlFree(pointer); }
