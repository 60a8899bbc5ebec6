# SALON_FUZZ=ON: every core library and test under AddressSanitizer and UndefinedBehaviorSanitizer, any
# report fatal (a test that trips one fails), and the code instrumented for libFuzzer's coverage so the
# same libraries serve the fuzz targets (tests/fuzz). Only the fuzz targets link libFuzzer's driver.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "SALON_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++ (libFuzzer is clang's)")
endif()
# The station's windows are no reader of outside data, and wx is not built with the sanitizers.
set(SALON_BUILD_GUI OFF CACHE BOOL "Build the wxWidgets station" FORCE)
set(SALON_BUILD_TESTS ON CACHE BOOL "Build the Catch2 tests" FORCE)
# -fno-sanitize=vptr: the dynamic-type check needs the typeinfo of every polymorphic class it meets, and
# Debian's SOCI does not export its backends' (the link fails); everything else of -fsanitize=undefined stays.
add_compile_options(-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize=vptr -fno-sanitize-recover=undefined
                    -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=undefined)
