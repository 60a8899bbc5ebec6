# Writes OUTPUT, a C++ file defining `extern const char* const SYMBOL` in namespace salon with the text of
# INPUT, so seed data travels inside the program. Used by embed_text() in the libraries' CMakeLists.
file(READ "${INPUT}" text)
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by db/cmake/EmbedText.cmake; do not edit.\n"
"namespace salon {\nextern const char* const ${SYMBOL};\n"
"const char* const ${SYMBOL} = R\"salontext(${text})salontext\";\n}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
