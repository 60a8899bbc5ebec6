# Finds SOCI 4 with its SQLite 3 and PostgreSQL backends. Debian 12's libsoci-dev ships neither a CMake
# config nor a pkg-config file, so this is the one place that knows where SOCI lives.
# Defines SOCI::soci, an interface target linking the core and both backends.
find_path(SOCI_INCLUDE_DIR soci/soci.h)
find_library(SOCI_CORE_LIBRARY soci_core)
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)  # soci-postgresql.h includes libpq-fe.h

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SOCI REQUIRED_VARS
  SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY SOCI_POSTGRESQL_LIBRARY)

if(SOCI_FOUND AND NOT TARGET SOCI::soci)
  add_library(SOCI::soci INTERFACE IMPORTED)
  target_include_directories(SOCI::soci INTERFACE ${SOCI_INCLUDE_DIR} ${PostgreSQL_INCLUDE_DIRS})
  target_link_libraries(SOCI::soci INTERFACE
    ${SOCI_SQLITE3_LIBRARY} ${SOCI_POSTGRESQL_LIBRARY} ${SOCI_CORE_LIBRARY}
    SQLite::SQLite3 ${PostgreSQL_LIBRARIES} ${CMAKE_DL_LIBS})
endif()
mark_as_advanced(SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY SOCI_POSTGRESQL_LIBRARY)
