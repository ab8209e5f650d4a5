// The shim of plaint/c/error.h over plaint/error.hpp. Status codes, the last failure on the calling
// thread, owned strings.
#include "shim.hpp"

using namespace plaint_shim;

extern "C" {

const char* plaint_last_error_message(void) {
    return last_error.c_str();
}

const char* plaint_status_string(int status) {
    switch (status) {
    case PLAINT_OK:
        return "ok";
    case PLAINT_E_INVALID_ARGUMENT:
        return "invalid argument";
    case PLAINT_E_OUT_OF_RANGE:
        return "out of range";
    case PLAINT_E_PARSE:
        return "parse error";
    case PLAINT_E_ENCODING:
        return "invalid encoding";
    case PLAINT_E_TOO_LARGE:
        return "too large";
    case PLAINT_E_OVERFLOW:
        return "overflow";
    case PLAINT_E_ILLEGAL_TRANSITION:
        return "illegal transition";
    case PLAINT_E_OUT_OF_ORDER:
        return "event out of order";
    case PLAINT_E_NOT_FOUND:
        return "not found";
    case PLAINT_E_IO:
        return "input/output error";
    case PLAINT_E_NO_MEMORY:
        return "out of memory";
    case PLAINT_E_UNSUPPORTED:
        return "unsupported";
    case PLAINT_E_VALIDATION:
        return "validation failed";
    case PLAINT_E_INTERNAL:
        return "internal error";
    default:
        return "unknown status";
    }
}

int plaint_last_error_location(const char** pointer_out, size_t* line_out, size_t* column_out) {
    if (pointer_out)
        *pointer_out = last_location.pointer.c_str();
    if (line_out)
        *line_out = last_location.line;
    if (column_out)
        *column_out = last_location.column;
    return PLAINT_OK;
}

int plaint_last_error_problem_count(size_t* out) {
    return guard([&] { *need(out, "out") = last_problems.size(); });
}

int plaint_last_error_problem(size_t index, const char** pointer_out, size_t* line_out,
                              size_t* column_out, const char** message_out) {
    return guard([&] {
        check_position(index, last_problems.size(), "problem index", "problems");
        const plaint::Problem& p = last_problems[index];
        if (pointer_out)
            *pointer_out = p.pointer.c_str();
        if (line_out)
            *line_out = p.line;
        if (column_out)
            *column_out = p.column;
        if (message_out)
            *message_out = p.message.c_str();
    });
}

void plaint_string_free(char* s) {
    std::free(s);
}

} // extern "C"
