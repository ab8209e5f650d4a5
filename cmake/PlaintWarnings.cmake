# Strict warnings for plaint's own targets; errors when PLAINT_WERROR is on.
function(plaint_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wold-style-cast
    -Wnon-virtual-dtor -Wcast-align -Wnull-dereference -Wdouble-promotion -Wformat=2
    -Wimplicit-fallthrough)
  if(PLAINT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# The same for C sources (the C ABI tests and examples).
function(plaint_c_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Wstrict-prototypes -Wmissing-prototypes)
  if(PLAINT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
