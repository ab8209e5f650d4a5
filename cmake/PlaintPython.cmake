# The environment under which the Debian interpreter loads this build's libplaint.so.
# Sets PLAINT_PYTHON (the interpreter) and PLAINT_PYTHON_PRELOAD (a list of environment
# settings, empty unless the build is sanitized).
set(PLAINT_PYTHON /usr/bin/python3 CACHE FILEPATH "Python interpreter for the binding's tests")
set(PLAINT_PYTHON_PRELOAD "")
if(PLAINT_SANITIZE MATCHES "address")
  # The interpreter is not instrumented, so the sanitizer runtime must be loaded first; and
  # libstdc++ with it, or ASan's interception of __cxa_throw finds no real function and the first
  # C++ exception aborts. Leak checking is left to the C and C++ tests: the interpreter keeps
  # memory until exit by design.
  # GCC's runtime is libasan.so, clang's (linked shared: see CMakeLists.txt) libclang_rt.asan.
  set(_asan_name libasan.so)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    set(_asan_name libclang_rt.asan-${CMAKE_SYSTEM_PROCESSOR}.so)
  endif()
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=${_asan_name}
                  OUTPUT_VARIABLE _asan OUTPUT_STRIP_TRAILING_WHITESPACE)
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libstdc++.so
                  OUTPUT_VARIABLE _stdcxx OUTPUT_STRIP_TRAILING_WHITESPACE)
  list(APPEND PLAINT_PYTHON_PRELOAD "LD_PRELOAD=${_asan}:${_stdcxx}" "ASAN_OPTIONS=detect_leaks=0")
endif()
