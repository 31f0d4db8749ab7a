// A narrow C face of the system ICU for GongwenText. Only plain C types cross this header, so Swift
// code that imports it never sees ICU's own declarations (they clash with Foundation's bundled
// ICU, see PLATFORM.md).
#pragma once
#include <stdint.h>

/// Guesses the charset of `bytes` with ICU's detector (ucsdet). `declared` is a charset name the
/// container declared (an HTML meta tag), or NULL. Writes the canonical name ("UTF-8", "GB18030",
/// "UTF-16LE", "Big5", "ISO-8859-1", ...) into `name` and returns the confidence 0...100, or -1
/// when ICU fails or finds nothing.
int32_t gw_detect_charset(const char *bytes, int32_t length, const char *declared,
                          char *name, int32_t name_capacity);

/// Converts `length` bytes in `charset` to UTF-16 into `dest`. Malformed or unmappable input is
/// replaced by U+FFFD and counted in `*substitutions`. Returns the number of UTF-16 units written,
/// or -1 when the charset is unknown or the buffer is too small (`dest_capacity` of `length + 2`
/// is always enough).
int32_t gw_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                            uint16_t *dest, int32_t dest_capacity, int32_t *substitutions);

/// ICU's version string ("72.1"), to show which ICU a binary is linked against.
void gw_icu_version(char *out, int32_t capacity);
