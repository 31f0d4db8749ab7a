#include "gw_icu.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/uversion.h>

int32_t gw_detect_charset(const char *bytes, int32_t length, const char *declared,
                          char *name, int32_t name_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(detector, bytes, length, &status);
    if (declared != NULL && declared[0] != 0) {
        ucsdet_setDeclaredEncoding(detector, declared, (int32_t)strlen(declared), &status);
    }
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && match != NULL) {
        const char *found = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_FAILURE(status) || found == NULL || (int32_t)strlen(found) >= name_capacity) {
            confidence = -1;
        } else {
            strcpy(name, found);
        }
    }
    ucsdet_close(detector);
    return confidence;
}

/// Counts every malformed or unmappable sequence, then substitutes it as ICU's default would.
static void gw_count_and_substitute(const void *context, UConverterToUnicodeArgs *args,
                                    const char *codeUnits, int32_t length,
                                    UConverterCallbackReason reason, UErrorCode *err) {
    if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
        int32_t *count = (int32_t *)context;
        *count += 1;
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, err);
}

int32_t gw_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                            uint16_t *dest, int32_t dest_capacity, int32_t *substitutions) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -1;
    *substitutions = 0;
    ucnv_setToUCallBack(converter, gw_count_and_substitute, substitutions, NULL, NULL, &status);
    if (U_FAILURE(status)) {
        ucnv_close(converter);
        return -1;
    }
    UChar *target = (UChar *)dest;
    const char *source = bytes;
    ucnv_toUnicode(converter, &target, (UChar *)dest + dest_capacity, &source, bytes + length,
                   NULL, 1, &status);
    ucnv_close(converter);
    if (U_FAILURE(status)) return -1;
    return (int32_t)(target - (UChar *)dest);
}

void gw_icu_version(char *out, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    strncpy(out, text, (size_t)capacity - 1);
    out[capacity - 1] = 0;
}
