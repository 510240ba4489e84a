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
