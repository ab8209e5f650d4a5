/**
 * @file plaint/c/config.h
 * Versions of the library and its ABI.
 * The C mirror of plaint/config.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_CONFIG_H
#define PLAINT_C_CONFIG_H

#include <stddef.h>
#include <stdint.h>

/* What marks an exported function. */
#if defined(_WIN32)
#if defined(PLAINT_BUILDING_CAPI)
#define PLAINT_API __declspec(dllexport)
#else
#define PLAINT_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define PLAINT_API __attribute__((visibility("default")))
#else
#define PLAINT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Major version. Since 0.1. */
#define PLAINT_VERSION_MAJOR 0
/** Minor version. Since 0.1. */
#define PLAINT_VERSION_MINOR 6
/** Patch version. Since 0.1. */
#define PLAINT_VERSION_PATCH 0
/** major·10000 + minor·100 + patch. Since 0.1. */
#define PLAINT_VERSION_NUMBER                                                                      \
    (PLAINT_VERSION_MAJOR * 10000 + PLAINT_VERSION_MINOR * 100 + PLAINT_VERSION_PATCH)
/** The version as text. Since 0.1. */
#define PLAINT_VERSION_STRING "0.6.0"
/** The shared library's SOVERSION; changes only when this ABI breaks. Since 0.1. */
#define PLAINT_ABI_VERSION 1

/** The run-time library's version number (see PLAINT_VERSION_NUMBER). Never fails. Since 0.1. */
PLAINT_API int32_t plaint_version_number(void);
/** The run-time library's version string; static storage. Never fails. Since 0.1. */
PLAINT_API const char* plaint_version_string(void);
/** The run-time library's ABI version (see PLAINT_ABI_VERSION). Never fails. Since 0.1. */
PLAINT_API int32_t plaint_abi_version(void);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_CONFIG_H */
