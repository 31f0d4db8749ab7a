// poppler's GLib C API for GongwenText's PDF reader (page text, document errors). Only
// GongwenText imports this module; it pulls in GLib and GObject, no ICU (PLATFORM.md).
#pragma once
#include <poppler.h>
