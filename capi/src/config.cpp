// The shim of plaint/c/config.h over plaint/config.hpp. Versions of the library and its ABI.
#include "shim.hpp"

using namespace plaint_shim;

extern "C" {

int32_t plaint_version_number(void) {
    return PLAINT_VERSION_NUMBER;
}

const char* plaint_version_string(void) {
    return PLAINT_VERSION_STRING;
}

int32_t plaint_abi_version(void) {
    return PLAINT_ABI_VERSION;
}

} // extern "C"
