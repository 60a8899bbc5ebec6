// The database URL (`--db`, SALON_DB): sqlite:PATH, postgresql:// URIs and libpq keyword strings; what is
// shown of it must never hold the password.
#include "FuzzSupport.hpp"
#include "db/DatabaseUrl.hpp"

using namespace salon;

SALON_FUZZ_INITIALIZE

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::refused_or_read([&] { (void)db::DatabaseUrl::parse(fuzz::bytes(data, size)); });
    return 0;
}
