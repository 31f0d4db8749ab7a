// Carries the compiler and linker flags of the system ICU (pkg-config icu-i18n) to GWICU.
// Deliberately includes no ICU header: Swift code must never see ICU's C types, which clash
// with the copy Foundation ships as _FoundationICU (see PLATFORM.md).
#pragma once
