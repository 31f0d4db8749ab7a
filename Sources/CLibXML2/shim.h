// libxml2's HTML parser for GongwenText. Debian builds libxml2 with LIBXML_ICU_ENABLED, which makes
// libxml/encoding.h include ICU's headers; those clash with Foundation's own ICU in one Swift
// module, so the flag is dropped before the headers we use are included (PLATFORM.md).
#pragma once
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
