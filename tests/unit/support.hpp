// Helpers shared by the unit tests: run a call and report the error it raised, read a file.
#pragma once

#include <plaint/error.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

namespace test {

// The code of the plaint::error `f` throws, or errc::ok when it throws none.
inline plaint::errc code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const plaint::error& e) {
        return e.code();
    }
    return plaint::errc::ok;
}

// The message of the plaint::error `f` throws, or "" when it throws none.
inline std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const plaint::error& e) {
        return e.what();
    }
    return {};
}

// The plaint::error `f` throws; a test failure when it throws none.
inline plaint::error error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const plaint::error& e) {
        return e;
    }
    FAIL("no error");
    return plaint::error(plaint::errc::ok, "");
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace test

using test::code_of;
using test::error_of;
using test::message_of;
using test::read_file;
