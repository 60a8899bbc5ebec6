# Writes OUTPUT, a C++ file defining salon::db::kEmbeddedMigrations from the SQL files in DIR
# (named NNNN_name.sql), so the program carries its schema and needs no files beside it.
file(GLOB sql_files "${DIR}/[0-9][0-9][0-9][0-9]_*.sql")
list(SORT sql_files)
set(body "")
foreach(f IN LISTS sql_files)
  get_filename_component(base "${f}" NAME_WE)
  string(SUBSTRING "${base}" 0 4 version)
  string(SUBSTRING "${base}" 5 -1 name)
  math(EXPR version_number "${version}")
  file(READ "${f}" text)
  string(APPEND body "    {${version_number}, \"${name}\", R\"salonsql(${text})salonsql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from db/migrations/*.sql by db/cmake/EmbedMigrations.cmake; do not edit.\n"
"#include \"db/migrations.hpp\"\n\n"
"namespace salon::db {\n"
"extern const std::vector<Migration> kEmbeddedMigrations;\n"
"const std::vector<Migration> kEmbeddedMigrations = {\n${body}};\n"
"}  // namespace salon::db\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
